// The report (verslag) of an event in the back office: what was discussed and decided, how many came, and the
// suggestions of the event's action the meeting chose, each with the answer their author reads. Saved as a
// draft, or published: then, in one transaction, the chosen suggestions move to "chosen" in their own story
// (the suggestions feature's chooseSuggestions), with the audit rows and domain events; once it has committed,
// one mail to each person concerned: the authors of the chosen suggestions, everyone with a confirmed place
// and the action's followers, each address once.
import { eventPath } from '$lib/domain/events';
import { formatDate, translate, type Locale } from '$lib/i18n';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
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
import { reportSchema } from './events.admin.schemas';
import type { EventRow } from './events.queries';

export interface ReportFormValues {
	report: string;
	attendance: string;
	chosen: string[];
	/** The answer per chosen suggestion, by its id. */
	answers: Record<string, string>;
	sharedAnswer: string;
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
}

function publicPathOf(row: EventRow): string | null {
	return row.status === 'draft' ? null : eventPath(row.municipalitySlug, row.id, row.slug);
}

/** The report form of an event: the saved text (or empty), attendance (else the number checked in), the choices. */
export const getReportForm = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown }): Promise<ReportFormPage> => {
		const municipalityId = scope.municipality.id;
		const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const [counts, choices, suggestions] = await Promise.all([
			countRegistrationsByStatus(ctx.db, { municipalityId, eventId: row.id }),
			listReportChoices(ctx.db, { municipalityId, eventId: row.id }),
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
				sharedAnswer: ''
			},
			checkedIn: counts.checkedIn,
			previewHtml: row.report ? renderMarkdown(row.report) : null
		};
	}
});

export type ReportFormInput = RawInput<typeof reportSchema> & { unverifiedEventId: unknown };

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
	schema: reportSchema,
	prepare: async ({ ctx, scope, loaded, values }) => {
		if (!loaded.reportPublishedAt)
			await checkChoosable(ctx.db, {
				municipalityId: scope.municipality.id,
				actionId: loaded.actionId,
				ids: values.chosen,
				field: 'chosen'
			});
		return values.chosen.map((id) => ({
			suggestionId: id,
			answer: values.answers[String(id)] || values.sharedAnswer
		}));
	},
	execute: async (tx, { scope, loaded, values, prepared: choices, record }) => {
		const municipalityId = scope.municipality.id;
		const current = await lockEventFor(tx, scope, loaded.id);
		if (current.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.report.errors.cancelled' });
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
