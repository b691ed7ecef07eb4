// The report (verslag) of an event in the back office: what was discussed and decided, how many came, and the
// suggestions of the event's action the meeting chose, each with the answer their author reads. Saved as a
// draft, or published: then, in one transaction, the chosen suggestions move to "chosen" in their own story
// (the suggestions feature's chooseSuggestions), with the audit rows and domain events; once it has committed,
// one mail to each person concerned: the authors of the chosen suggestions, everyone with a confirmed place
// and the action's followers, each address once. The report's photos: one added with each save (processed by
// the platform like a suggestion's photo: no EXIF, no GPS, at most 1600 px), each with its alt text, in the order
// added; removed one by one after a confirmation. Published, they show on the event page.
import { eventPath } from '$lib/domain/events';
import { formatDate, translate, type Locale } from '$lib/i18n';
import type { Ctx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import type { MessageKey } from '$lib/i18n';
import type { UploadedFile } from '$lib/server/platform/forms';
import { processUpload, type PhotoError, type ProcessedPhoto } from '$lib/server/platform/photos';
import { validateInput } from '$lib/server/platform/validation';
import { isUuid } from '$lib/domain/ids';
import type { MailMessage } from '$lib/server/platform/mail';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { listFollowers } from '$lib/server/platform/subscriptions';
import type { RawInput } from '$lib/server/platform/validation';
import {
	checkChoosable,
	chooseSuggestions,
	listChoosableSuggestions,
	type ChoosableSuggestion
} from '$lib/server/features/suggestions/suggestions.decisions.service';
import { command, findEvent, lockEventFor } from './events.admin.access';
import {
	countRegistrationsByStatus,
	listReportChoices,
	listReportRecipients,
	replaceReportChoices,
	updateReport
} from './events.admin.queries';
import {
	eventFieldOf,
	REPORT_PHOTO_BYTES_MAX,
	REPORT_PHOTOS_MAX,
	reportSchema,
	type ReportInput
} from './events.admin.schemas';
import {
	deleteReportPhoto,
	getPublicReportPhoto,
	getReportPhoto,
	insertReportPhoto,
	listReportPhotos,
	type ReportPhotoRow
} from './events.report.queries';
import type { EventRow } from './events.queries';

export interface ReportFormValues {
	report: string;
	attendance: string;
	chosen: string[];
	/** The answer per chosen suggestion, by its id. */
	answers: Record<string, string>;
	sharedAnswer: string;
	/** The alt text of the photo being added. */
	photoAlt: string;
}

/** A photo of the report as the back office shows it (its own address: a draft's photos are not public). */
export interface ReportPhotoView {
	id: string;
	alt: string;
	src: string;
	width: number | null;
	height: number | null;
	/** The confirmation page that removes it. */
	removePath: string;
}

export interface ReportFormPage {
	event: {
		id: number;
		title: string;
		status: EventRow['status'];
		startsAt: string;
		actionTitle: string | null;
		publicPath: string | null;
		reportPublishedAt: string | null;
	};
	/** The public suggestions of the event's action (empty without an action). */
	suggestions: ChoosableSuggestion[];
	/** The chosen ones of a published report: fixed, shown without checkboxes. */
	chosen: { id: number; title: string; path: string | null; answer: string }[];
	values: ReportFormValues;
	checkedIn: number;
	/** The saved text as the event page shows it. */
	previewHtml: string | null;
	photos: ReportPhotoView[];
	/** Whether another photo may be added (fewer than REPORT_PHOTOS_MAX). */
	canAddPhoto: boolean;
}

function presentReportPhoto(base: string, photo: ReportPhotoRow): ReportPhotoView {
	return {
		id: photo.id,
		alt: photo.alt,
		src: `${base}/verslag/foto/${photo.id}`,
		width: photo.width,
		height: photo.height,
		removePath: `${base}/verslag/foto/${photo.id}/verwijderen`
	};
}

/** The back office's address of an event. */
function adminBase(scope: { municipality: { slug: string } }, eventId: number): string {
	return `/${scope.municipality.slug}/beheer/activiteiten/${eventId}`;
}

function publicPathOf(row: EventRow): string | null {
	return row.status === 'draft' ? null : eventPath(row.municipalitySlug, row.id, row.slug);
}

/** The report form of an event: the saved text (or empty), attendance (else the number checked in), the choices. */
export const getReportForm = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown }): Promise<ReportFormPage> => {
		const municipalityId = scope.municipality.id;
		const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const [counts, choices, photos, suggestions] = await Promise.all([
			countRegistrationsByStatus(ctx.db, { municipalityId, eventId: row.id }),
			listReportChoices(ctx.db, { municipalityId, eventId: row.id }),
			listReportPhotos(ctx.db, { municipalityId, eventId: row.id }),
			row.actionId === null
				? Promise.resolve([])
				: listChoosableSuggestions(ctx.db, {
						municipalityId,
						municipalitySlug: scope.municipality.slug,
						actionId: row.actionId
					})
		]);
		const byId = new Map(suggestions.map((s) => [s.id, s]));
		return {
			event: {
				id: row.id,
				title: row.title,
				status: row.status,
				startsAt: row.startsAt.toISOString(),
				actionTitle: row.actionTitle,
				publicPath: publicPathOf(row),
				reportPublishedAt: row.reportPublishedAt?.toISOString() ?? null
			},
			suggestions,
			chosen: row.reportPublishedAt
				? choices.map((c) => ({
						id: c.suggestionId,
						title: byId.get(c.suggestionId)?.title ?? `#${c.suggestionId}`,
						path: byId.get(c.suggestionId)?.path ?? null,
						answer: c.answer
					}))
				: [],
			values: {
				report: row.report ?? '',
				attendance: String(row.reportAttendance ?? counts.checkedIn),
				chosen: choices.map((c) => String(c.suggestionId)),
				answers: Object.fromEntries(choices.map((c) => [String(c.suggestionId), c.answer])),
				sharedAnswer: '',
				photoAlt: ''
			},
			checkedIn: counts.checkedIn,
			previewHtml: row.report ? renderMarkdown(row.report) : null,
			photos: photos.map((p) => presentReportPhoto(adminBase(scope, row.id), p)),
			canAddPhoto: photos.length < REPORT_PHOTOS_MAX
		};
	}
});

export type ReportFormInput = RawInput<typeof reportSchema> & {
	unverifiedEventId: unknown;
	/** A photo to add to the report, with `photoAlt`; none when no file was chosen. */
	photo?: UploadedFile | null;
};

const PHOTO_ERRORS: Record<PhotoError, MessageKey> = {
	type: 'eventsAdmin.report.errors.photoType',
	tooBig: 'eventsAdmin.report.errors.photoTooBig',
	tooManyPixels: 'eventsAdmin.report.errors.photoTooManyPixels',
	unreadable: 'eventsAdmin.report.errors.photoUnreadable'
};

interface ReportRecipient {
	email: string;
	name: string;
}

/**
 * Saves the report. A draft keeps its text, attendance and choices. Publishing also moves each chosen
 * suggestion to "chosen" with its answer (its own, else the shared one) in the same transaction, and returns
 * who is to be mailed. After publication the choices are fixed: a save changes the text and attendance only.
 * A suggestion that is not a public one of the event's action (another action, another municipality) is
 * refused beside the list, before anything is written.
 */
const saveReportCommand = command({
	load: async (ctx, scope, input: ReportFormInput) => {
		const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
		if (row.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.report.errors.cancelled' });
		return row;
	},
	// The text fields and the photo are judged together, so every field with a problem is marked at once.
	prepare: async ({ ctx, scope, loaded, input }) => {
		const municipalityId = scope.municipality.id;
		const fields: FieldErrors = {};
		let values: ReportInput | null = null;
		try {
			values = validateInput(reportSchema, input, {
				fallback: 'backoffice.errors.invalid',
				fieldOf: eventFieldOf
			});
		} catch (err) {
			if (!isAppError(err) || err.code !== 'validation') throw err;
			Object.assign(fields, err.options.fields ?? {});
		}
		let photo: ProcessedPhoto | null = null;
		if (input.photo && input.photo.size > 0) {
			const count = (await listReportPhotos(ctx.db, { municipalityId, eventId: loaded.id })).length;
			const result =
				count >= REPORT_PHOTOS_MAX
					? { error: 'tooMany' as const }
					: await processUpload(input.photo, { maxBytes: REPORT_PHOTO_BYTES_MAX });
			if (result && 'error' in result)
				fields.photo = [
					result.error === 'tooMany' ? 'eventsAdmin.report.errors.photoTooMany' : PHOTO_ERRORS[result.error]
				];
			else photo = result;
			if (
				!fields.photoAlt &&
				!(values?.photoAlt ?? (typeof input.photoAlt === 'string' && input.photoAlt.trim()))
			)
				fields.photoAlt = ['eventsAdmin.report.errors.photoAltRequired'];
		}
		if (values && !loaded.reportPublishedAt) {
			try {
				await checkChoosable(ctx.db, {
					municipalityId,
					actionId: loaded.actionId,
					ids: values.chosen,
					field: 'chosen'
				});
			} catch (err) {
				if (!isAppError(err) || err.code !== 'validation') throw err;
				Object.assign(fields, err.options.fields ?? {});
			}
		}
		if (!values || Object.keys(fields).length > 0) throw new AppError('validation', { fields });
		const v = values;
		const choices = v.chosen.map((id) => ({
			suggestionId: id,
			answer: v.answers[String(id)] || v.sharedAnswer
		}));
		return { values: v, choices, photo };
	},
	execute: async (tx, { scope, loaded, prepared, record }) => {
		const { values, choices, photo } = prepared;
		const municipalityId = scope.municipality.id;
		const current = await lockEventFor(tx, scope, loaded.id);
		if (current.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.report.errors.cancelled' });
		if (photo) {
			// Counted again under the event's lock: two saves at once cannot pass the limit together.
			const count = (await listReportPhotos(tx, { municipalityId, eventId: current.id })).length;
			if (count >= REPORT_PHOTOS_MAX)
				throw new AppError('validation', { fields: { photo: ['eventsAdmin.report.errors.photoTooMany'] } });
			const added = await insertReportPhoto(tx, {
				municipalityId,
				eventId: current.id,
				...photo,
				alt: values.photoAlt
			});
			record.audit({
				action: 'event.report_photo_added',
				details: { eventId: current.id, name: current.title, photoId: added.id, alt: values.photoAlt }
			});
		}
		const recipients: ReportRecipient[] = [];
		const base = { municipalityId, id: current.id, report: values.report, attendance: values.attendance };
		if (current.reportPublishedAt || values.intent === 'draft') {
			await updateReport(tx, base);
			if (!current.reportPublishedAt)
				await replaceReportChoices(tx, { municipalityId, eventId: current.id, choices });
			record.audit({
				action: 'event.report_saved',
				details: {
					eventId: current.id,
					name: current.title,
					published: Boolean(current.reportPublishedAt),
					attendance: values.attendance,
					chosen: current.reportPublishedAt ? undefined : choices.map((c) => c.suggestionId)
				}
			});
			return {
				published: false,
				recipients,
				chosen: [] as { title: string; path: string }[],
				event: { ...loaded, ...current }
			};
		}
		await updateReport(tx, { ...base, publishedAt: new Date() });
		await replaceReportChoices(tx, { municipalityId, eventId: current.id, choices });
		const chosen = await chooseSuggestions(tx, {
			municipalityId,
			municipalitySlug: scope.municipality.slug,
			actionId: current.actionId,
			actorId: scope.actor.userId,
			choices,
			field: 'chosen',
			record
		});
		for (const suggestion of chosen.filter((s) => s.changed))
			record.audit({
				action: 'suggestion.status_changed',
				details: {
					eventId: current.id,
					name: suggestion.title,
					suggestionId: suggestion.id,
					before: suggestion.before,
					after: 'chosen',
					reason: choices.find((c) => c.suggestionId === suggestion.id)?.answer ?? ''
				}
			});
		record.audit({
			action: 'event.report_published',
			details: {
				eventId: current.id,
				name: current.title,
				attendance: values.attendance,
				chosen: chosen.map((s) => s.id)
			}
		});
		record.event({
			municipalityId,
			type: 'event.report_published',
			subjectId: current.id,
			actorId: scope.actor.userId,
			payload: { chosen: chosen.map((s) => s.id), attendance: values.attendance }
		});
		const followers =
			current.actionId === null
				? []
				: await listFollowers(tx, { municipalityId, subject: { kind: 'action', id: current.actionId } });
		const authors = chosen.flatMap((s) => (s.authorId ? [s.authorId] : []));
		recipients.push(
			...(await listReportRecipients(tx, {
				municipalityId,
				eventId: current.id,
				userIds: [...new Set([...authors, ...followers])]
			}))
		);
		return {
			published: true,
			recipients,
			chosen: chosen.map((s) => ({ title: s.title, path: s.path })),
			event: { ...loaded, ...current }
		};
	}
});

/**
 * Saves or publishes the report (saveReportCommand); a publication then mails each person concerned once,
 * after the commit, through the platform's mail job.
 */
export async function saveReport(
	ctx: Ctx,
	input: ReportFormInput & { origin: string }
): Promise<{ published: boolean; mailed: number }> {
	const result = await saveReportCommand(ctx, input);
	if (!result.published) return { published: false, mailed: 0 };
	for (const recipient of result.recipients)
		await ctx.queueMail(
			reportMail(ctx.locale, input.origin, { event: result.event, recipient, chosen: result.chosen })
		);
	return { published: true, mailed: result.recipients.length };
}

/** The mail of a published report: where to read it, and which suggestions the meeting chose. */
export function reportMail(
	locale: Locale,
	origin: string,
	mail: { event: EventRow; recipient: ReportRecipient; chosen: { title: string; path: string }[] }
): MailMessage {
	const { event, recipient } = mail;
	const page = `${origin}${eventPath(event.municipalitySlug, event.id, event.slug)}`;
	const chosen = mail.chosen.length
		? translate(locale, 'eventsAdmin.report.mail.chosen', {
				list: mail.chosen.map((s) => `- ${s.title}: ${origin}${s.path}`).join('\n')
			})
		: '';
	const params = {
		name: recipient.name,
		title: event.title,
		date: formatDate(event.startsAt, locale),
		municipality: event.municipalityName,
		chosen,
		page
	};
	return {
		to: recipient.email,
		subject: translate(locale, 'eventsAdmin.report.mail.subject', params),
		text: translate(locale, 'eventsAdmin.report.mail.body', params)
	};
}

/** A photo of this event's report by an id from the address; anything else is not found. */
async function findReportPhoto(
	ctx: Ctx,
	scope: { municipality: { id: string } },
	eventId: number,
	id: unknown
) {
	if (typeof id !== 'string' || !isUuid(id)) throw new AppError('not_found');
	const photo = await getReportPhoto(ctx.db, { municipalityId: scope.municipality.id, eventId, id });
	if (!photo) throw new AppError('not_found');
	return { id, ...photo };
}

/** The bytes of a report photo for the back office (a draft's too): only staff who manage the events. */
export const getReportPhotoForStaff = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown; unverifiedPhotoId: unknown }) => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const photo = await findReportPhoto(ctx, scope, event.id, input.unverifiedPhotoId);
		return { contentType: photo.contentType, bytes: photo.bytes };
	}
});

export interface RemoveReportPhotoPreview {
	event: { id: number; title: string };
	photo: { id: string; alt: string; src: string };
}

/** What the confirmation page of removing a report photo shows: the photo and its alt text. */
export const previewRemoveReportPhoto = command({
	load: async (
		ctx,
		scope,
		input: { unverifiedEventId: unknown; unverifiedPhotoId: unknown }
	): Promise<RemoveReportPhotoPreview> => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const photo = await findReportPhoto(ctx, scope, event.id, input.unverifiedPhotoId);
		return {
			event: { id: event.id, title: event.title },
			photo: {
				id: photo.id,
				alt: photo.alt ?? '',
				src: `${adminBase(scope, event.id)}/verslag/foto/${photo.id}`
			}
		};
	}
});

/** Removes a photo from the report (a published one too: the page shows it no longer, /media serves it no more). */
export const removeReportPhoto = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown; unverifiedPhotoId: unknown }) => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const photo = await findReportPhoto(ctx, scope, event.id, input.unverifiedPhotoId);
		return { event, photoId: photo.id, alt: photo.alt ?? '' };
	},
	execute: async (tx, { scope, loaded, record }) => {
		const current = await lockEventFor(tx, scope, loaded.event.id);
		const removed = await deleteReportPhoto(tx, {
			municipalityId: scope.municipality.id,
			eventId: current.id,
			id: loaded.photoId
		});
		if (!removed) throw new AppError('not_found');
		record.audit({
			action: 'event.report_photo_removed',
			details: { eventId: current.id, name: current.title, photoId: loaded.photoId, alt: loaded.alt }
		});
		return { event: { id: current.id } };
	}
});

/**
 * A photo of a published report for /media/{id}, to anyone: the event page shows it. A draft report's photo,
 * or any other id, is not found.
 */
export async function getPublishedReportPhoto(
	ctx: Ctx,
	input: { unverifiedId: string }
): Promise<{ contentType: string; bytes: Buffer; createdAt: Date }> {
	if (!isUuid(input.unverifiedId)) throw new AppError('not_found');
	const row = await getPublicReportPhoto(ctx.db, { id: input.unverifiedId, now: new Date() });
	if (!row) throw new AppError('not_found');
	return row;
}
