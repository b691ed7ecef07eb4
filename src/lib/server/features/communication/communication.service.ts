// Use cases of communication plans. The back office (content.communicate): the week's calendar across every plan,
// making a plan with the usual moments, a plan's page with a ready text per channel, adding, moving and removing
// a moment, editing a text or going back to the suggested one, marking texts published (and undoing it), the QR
// code of a short link. Every change with its audit row in the change's transaction. Publicly: a short link.
import { brusselsDay } from '$lib/server/platform/dates';
import { randomBytes } from 'node:crypto';
import {
	COMMUNICATION_CHANNELS,
	COMMUNICATION_MOMENTS,
	SHORT_CODE_PATTERN,
	subjectRef,
	type CommunicationChannel,
	type CommunicationMoment,
	type CommunicationSubjectKind
} from '$lib/domain/communication';
import { parseId } from '$lib/domain/ids';
import type { Locale } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { BackofficeScope } from '$lib/server/platform/backoffice';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { qrPng, qrSvg } from '$lib/server/platform/qr';
import type { RawInput } from '$lib/server/platform/validation';
import { translate } from '$lib/i18n';
import { command, findPlan } from './communication.access';
import {
	deleteMoment,
	getMoment,
	getPlanOfSubject,
	getSubject,
	getText,
	getTextByCode,
	insertMoment,
	insertPlan,
	listPlans,
	listSubjectOptions,
	listTextsOfPlan,
	listWeekTexts,
	markPublished,
	unmarkPublished,
	updateMomentDate,
	updateText,
	type SubjectRow,
	type TextRow
} from './communication.queries';
import {
	confirmSchema,
	createPlanSchema,
	isDay,
	momentSchema,
	moveSchema,
	selectionSchema,
	textSchema,
	weekFiltersSchema
} from './communication.schemas';
import {
	CHANNELS_WITH_SHORT_LINK,
	CHANNELS_WITH_SUBJECT,
	addDays,
	defaultChannels,
	defaultMoments,
	mondayOf,
	plainSummary,
	printedLink,
	shortLink,
	suggestedText,
	tagOwnLinks,
	taggedLink,
	type SubjectFacts
} from './communication.texts';

// ---------------------------------------------------------------------------------------------
// Facts and presentation
// ---------------------------------------------------------------------------------------------

function kindOf(row: SubjectRow): CommunicationSubjectKind {
	return row.eventId !== null ? 'event' : row.opportunityId !== null ? 'opportunity' : 'action';
}

/** What a subject's texts are written from, out of a plan's (or a future plan's) subject row. */
export function factsOf(row: SubjectRow): SubjectFacts {
	const kind = kindOf(row);
	const slug = row.municipalitySlug ?? '';
	const actionPublic = row.actionPublishedAt !== null && row.actionArchivedAt === null;
	const image = row.actionImageId ? { id: row.actionImageId, alt: row.actionImageAlt ?? '' } : null;
	const common = { municipalityName: row.municipalityName ?? '', image, endsOn: null, closesAt: null };
	if (kind === 'event')
		return {
			...common,
			kind,
			id: row.eventId!,
			title: row.eventTitle ?? '',
			summary: plainSummary(row.eventDescription ?? '') || (row.actionSummary ?? ''),
			path: `/${slug}/activiteiten/${row.eventId}-${row.eventSlug}`,
			isPublic: row.eventStatus !== null && row.eventStatus !== 'draft',
			publishedAt: row.eventPublishedAt,
			startsAt: row.eventStartsAt,
			place: [row.eventVenue, row.eventAddress].filter(Boolean).join(', ') || null
		};
	if (kind === 'opportunity')
		return {
			...common,
			kind,
			id: row.opportunityId!,
			title: row.opportunityTitle ?? '',
			summary: plainSummary(row.opportunityHowTo ?? '') || (row.actionSummary ?? ''),
			path: `/${slug}/kansen/${row.opportunityId}`,
			isPublic: actionPublic,
			publishedAt: row.opportunityOpensAt ?? row.actionPublishedAt,
			startsAt: null,
			closesAt: row.opportunityClosesAt,
			place: null
		};
	return {
		...common,
		kind,
		id: row.actionId!,
		title: row.actionTitle ?? '',
		summary: row.actionSummary ?? '',
		path: `/${slug}/acties/${row.actionId}-${row.actionSlug}`,
		isPublic: actionPublic,
		publishedAt: row.actionPublishedAt,
		startsAt: null,
		endsOn: row.actionEndsOn,
		place: row.actionPlace
	};
}

export interface PresentedText {
	id: number;
	channel: CommunicationChannel;
	moment: CommunicationMoment;
	dueOn: string;
	/** The title or mail subject; null for a channel without one. */
	subject: string | null;
	body: string;
	/** Whether staff changed the suggested text. */
	edited: boolean;
	/** The subject's page with this channel's tags. */
	link: string;
	/** /k/{code}: the same page with the same tags, short (print, messages). */
	shortLink: string;
	printedShortLink: string;
	/** Facebook's image: the action's. */
	image: { url: string; alt: string } | null;
	/** The magazine's QR code of the short link, to download. */
	qr: { svg: string; png: string } | null;
	published: { at: string; by: string | null } | null;
}

function presentText(
	locale: Locale,
	facts: SubjectFacts,
	row: TextRow,
	origin: string,
	backoffice: string
): PresentedText {
	const tags = { channel: row.channel, moment: row.moment, subject: { kind: facts.kind, id: facts.id } };
	const link = taggedLink(origin, facts.path, tags);
	const short = shortLink(origin, row.shortCode);
	const suggested = suggestedText(locale, facts, {
		moment: row.moment,
		channel: row.channel,
		link: CHANNELS_WITH_SHORT_LINK.includes(row.channel) ? short : link
	});
	const edited = row.body !== null;
	return {
		id: row.id,
		channel: row.channel,
		moment: row.moment,
		dueOn: row.dueOn,
		subject: CHANNELS_WITH_SUBJECT.includes(row.channel) ? (row.subject ?? suggested.subject) : null,
		body: row.body ?? suggested.body,
		edited,
		link,
		shortLink: short,
		printedShortLink: printedLink(short),
		image:
			row.channel === 'facebook' && facts.image
				? { url: `${origin}/media/${facts.image.id}`, alt: facts.image.alt }
				: null,
		qr:
			row.channel === 'magazine'
				? {
						svg: `${backoffice}/communicatie/tekst/${row.id}/qr.svg`,
						png: `${backoffice}/communicatie/tekst/${row.id}/qr.png`
					}
				: null,
		published: row.publishedAt ? { at: row.publishedAt.toISOString(), by: row.publishedByName } : null
	};
}

const backofficeOf = (scope: BackofficeScope) => `/${scope.municipality.slug}/beheer`;

/** Seven random characters without look-alikes (no 0/o, 1/l/i): typed over from paper without doubt. */
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
function newShortCode(): string {
	const bytes = randomBytes(7);
	return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

// ---------------------------------------------------------------------------------------------
// The week
// ---------------------------------------------------------------------------------------------

/** The week (Monday to Sunday, Brussels days) an instant lies in. */
export function weekOf(now: Date): { from: string; to: string } {
	const from = mondayOf(brusselsDay(now));
	return { from, to: addDays(from, 7) };
}

export interface WeekItem extends PresentedText {
	plan: { id: number; kind: CommunicationSubjectKind; title: string; isPublic: boolean };
}

export interface CommunicationWeek {
	filters: { week?: string; channel?: CommunicationChannel; state?: 'open' | 'published'; q?: string };
	/** The week asked was no day: this week is shown instead. */
	weekRefused: boolean;
	from: string;
	/** The week's Sunday. */
	until: string;
	previous: string;
	next: string;
	isCurrent: boolean;
	days: { day: string; items: WeekItem[] }[];
	total: number;
	plans: {
		id: number;
		kind: CommunicationSubjectKind;
		title: string;
		next: string | null;
		total: number;
		done: number;
	}[];
	options: { value: string; kind: CommunicationSubjectKind; label: string }[];
}

export const listCommunicationWeek = command({
	load: async (
		ctx,
		scope,
		input: RawInput<typeof weekFiltersSchema> & { origin: string; now?: Date }
	): Promise<CommunicationWeek> => {
		const filters = weekFiltersSchema.parse(input);
		const now = input.now ?? new Date();
		const today = brusselsDay(now);
		const weekRefused = filters.week !== undefined && !isDay(filters.week.trim());
		const day = filters.week && !weekRefused ? filters.week.trim() : today;
		const from = mondayOf(day);
		const to = addDays(from, 7);
		const municipalityId = scope.municipality.id;
		const [rows, plans, options] = await Promise.all([
			listWeekTexts(ctx.db, {
				municipalityId,
				from,
				to,
				channel: filters.channel,
				state: filters.state,
				q: filters.q
			}),
			listPlans(ctx.db, { municipalityId, today }),
			listSubjectOptions(ctx.db, { municipalityId })
		]);
		const base = backofficeOf(scope);
		const byDay = new Map<string, WeekItem[]>();
		for (const row of rows) {
			const facts = factsOf(row);
			const item: WeekItem = {
				...presentText(ctx.locale, facts, row, input.origin, base),
				plan: { id: row.planId!, kind: facts.kind, title: facts.title, isPublic: facts.isPublic }
			};
			const list = byDay.get(row.dueOn) ?? [];
			list.push(item);
			byDay.set(row.dueOn, list);
		}
		const label = (kind: CommunicationSubjectKind, title: string) =>
			`${translate(ctx.locale, `communication.subjects.${kind}`)}: ${title}`;
		return {
			filters: { week: filters.week, channel: filters.channel, state: filters.state, q: filters.q },
			weekRefused,
			from,
			until: addDays(from, 6),
			previous: addDays(from, -7),
			next: addDays(from, 7),
			isCurrent: from === mondayOf(today),
			days: [...byDay].map(([d, items]) => ({ day: d, items })),
			total: rows.length,
			plans: plans.map((p) => {
				const facts = factsOf(p);
				return {
					id: p.planId!,
					kind: facts.kind,
					title: facts.title,
					next: p.next,
					total: p.total,
					done: p.done
				};
			}),
			options: [
				...options.actions.map((a) => ({
					value: subjectRef('action', a.id),
					kind: 'action' as const,
					label: label('action', a.title)
				})),
				...options.events.map((e) => ({
					value: subjectRef('event', e.id),
					kind: 'event' as const,
					label: `${label('event', e.title)} (${brusselsDay(e.startsAt)})`
				})),
				...options.opportunities.map((o) => ({
					value: subjectRef('opportunity', o.id),
					kind: 'opportunity' as const,
					label: label('opportunity', o.title)
				}))
			]
		};
	}
});

// ---------------------------------------------------------------------------------------------
// A plan
// ---------------------------------------------------------------------------------------------

/** The texts of the usual moments, written in `tx` for a new plan. */
async function insertMoments(
	tx: Db,
	municipalityId: string,
	planId: number,
	moments: { kind: CommunicationMoment; dueOn: string; channels: readonly CommunicationChannel[] }[]
) {
	const ids: number[] = [];
	for (const m of moments)
		ids.push(
			await insertMoment(tx, {
				municipalityId,
				planId,
				kind: m.kind,
				dueOn: m.dueOn,
				texts: m.channels.map((channel) => ({ channel, shortCode: newShortCode() }))
			})
		);
	return ids;
}

/**
 * A plan for a subject with the usual moments and a text per channel: the demo's, and the core of
 * `createCommunicationPlan` (which authorizes and writes the audit row around it).
 */
export async function insertPlanWithDefaults(
	tx: Db,
	params: {
		municipalityId: string;
		subject: SubjectRow;
		createdBy: string | null;
		today: string;
	}
): Promise<number | null> {
	const facts = factsOf(params.subject);
	const plan = await insertPlan(tx, {
		municipalityId: params.municipalityId,
		kind: facts.kind,
		subjectId: facts.id,
		createdBy: params.createdBy
	});
	if (!plan) return null;
	await insertMoments(
		tx,
		params.municipalityId,
		plan.id,
		defaultMoments(facts, params.today).map((m) => ({ ...m, channels: defaultChannels(m.kind) }))
	);
	return plan.id;
}

export const createCommunicationPlan = command({
	load: async (_ctx, _scope, input: RawInput<typeof createPlanSchema> & { now?: Date }) => ({
		now: input.now ?? new Date()
	}),
	schema: createPlanSchema,
	prepare: async ({ ctx, scope, values }) => {
		const municipalityId = scope.municipality.id;
		const subject = await getSubject(ctx.db, { municipalityId, ...values.subject });
		if (!subject) throw new AppError('validation', { fields: { subject: ['communication.errors.subject'] } });
		if (await getPlanOfSubject(ctx.db, { municipalityId, ...values.subject }))
			throw new AppError('conflict', {
				message: 'communication.errors.exists',
				fields: { subject: ['communication.errors.exists'] }
			});
		return subject;
	},
	execute: async (tx, { scope, loaded, prepared, record }) => {
		const id = await insertPlanWithDefaults(tx, {
			municipalityId: scope.municipality.id,
			subject: prepared,
			createdBy: scope.actor.userId,
			today: brusselsDay(loaded.now)
		});
		if (id === null)
			throw new AppError('conflict', {
				message: 'communication.errors.exists',
				fields: { subject: ['communication.errors.exists'] }
			});
		const facts = factsOf(prepared);
		record.audit({
			action: 'communication.plan_created',
			details: { planId: id, title: facts.title, subject: subjectRef(facts.kind, facts.id) }
		});
		return { id };
	}
});

export interface CommunicationPlanPage {
	plan: {
		id: number;
		kind: CommunicationSubjectKind;
		title: string;
		link: string;
		isPublic: boolean;
		startsAt: string | null;
	};
	moments: { id: number; kind: CommunicationMoment; dueOn: string; texts: PresentedText[] }[];
	kinds: readonly CommunicationMoment[];
	channels: readonly CommunicationChannel[];
	defaults: Record<CommunicationMoment, readonly CommunicationChannel[]>;
}

export const getCommunicationPlan = command({
	load: async (
		ctx,
		scope,
		input: { unverifiedId: unknown; origin: string }
	): Promise<CommunicationPlanPage> => {
		const row = await findPlan(ctx.db, scope, input.unverifiedId);
		const facts = factsOf(row);
		const { moments, texts } = await listTextsOfPlan(ctx.db, {
			municipalityId: scope.municipality.id,
			planId: row.planId
		});
		const base = backofficeOf(scope);
		return {
			plan: {
				id: row.planId,
				kind: facts.kind,
				title: facts.title,
				link: new URL(facts.path, input.origin).href,
				isPublic: facts.isPublic,
				startsAt: facts.startsAt?.toISOString() ?? null
			},
			moments: moments.map((m) => ({
				...m,
				texts: texts
					.filter((t) => t.momentId === m.id)
					.sort(
						(a, b) => COMMUNICATION_CHANNELS.indexOf(a.channel) - COMMUNICATION_CHANNELS.indexOf(b.channel)
					)
					.map((t) => presentText(ctx.locale, facts, t, input.origin, base))
			})),
			kinds: COMMUNICATION_MOMENTS,
			channels: COMMUNICATION_CHANNELS,
			defaults: Object.fromEntries(COMMUNICATION_MOMENTS.map((k) => [k, defaultChannels(k)])) as Record<
				CommunicationMoment,
				readonly CommunicationChannel[]
			>
		};
	}
});

const planAudit = (row: SubjectRow & { planId: number }) => ({
	planId: row.planId,
	title: factsOf(row).title
});

export const addCommunicationMoment = command({
	load: (ctx, scope, input: { unverifiedPlanId: unknown } & RawInput<typeof momentSchema>) =>
		findPlan(ctx.db, scope, input.unverifiedPlanId),
	schema: momentSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const [id] = await insertMoments(tx, scope.municipality.id, loaded.planId, [values]);
		record.audit({
			action: 'communication.moment_added',
			details: {
				...planAudit(loaded),
				momentId: id,
				kind: values.kind,
				dueOn: values.dueOn,
				channels: values.channels
			}
		});
		return { id: id! };
	}
});

async function findMoment(db: Db, scope: BackofficeScope, planId: number, unverifiedId: unknown) {
	const id = parseId(unverifiedId);
	const moment =
		id === null ? undefined : await getMoment(db, { municipalityId: scope.municipality.id, planId, id });
	if (!moment) throw new AppError('not_found');
	return moment;
}

async function loadMoment(
	db: Db,
	scope: BackofficeScope,
	input: { unverifiedPlanId: unknown; unverifiedMomentId: unknown }
) {
	const plan = await findPlan(db, scope, input.unverifiedPlanId);
	return { plan, moment: await findMoment(db, scope, plan.planId, input.unverifiedMomentId) };
}

export const moveCommunicationMoment = command({
	load: (
		ctx,
		scope,
		input: { unverifiedPlanId: unknown; unverifiedMomentId: unknown } & RawInput<typeof moveSchema>
	) => loadMoment(ctx.db, scope, input),
	schema: moveSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		await updateMomentDate(tx, {
			municipalityId: scope.municipality.id,
			id: loaded.moment.id,
			dueOn: values.dueOn
		});
		record.audit({
			action: 'communication.moment_moved',
			details: {
				...planAudit(loaded.plan),
				momentId: loaded.moment.id,
				kind: loaded.moment.kind,
				from: loaded.moment.dueOn,
				to: values.dueOn
			}
		});
	}
});

export interface MomentRemovalPreview {
	plan: { id: number; title: string };
	moment: { id: number; kind: CommunicationMoment; dueOn: string };
	channels: CommunicationChannel[];
}

async function momentPreview(
	ctx: Ctx,
	scope: BackofficeScope,
	loaded: Awaited<ReturnType<typeof loadMoment>>
): Promise<MomentRemovalPreview> {
	const { texts } = await listTextsOfPlan(ctx.db, {
		municipalityId: scope.municipality.id,
		planId: loaded.plan.planId
	});
	return {
		plan: { id: loaded.plan.planId, title: factsOf(loaded.plan).title },
		moment: loaded.moment,
		channels: COMMUNICATION_CHANNELS.filter((c) =>
			texts.some((t) => t.momentId === loaded.moment.id && t.channel === c)
		)
	};
}

export const previewMomentRemoval = command({
	load: async (ctx, scope, input: { unverifiedPlanId: unknown; unverifiedMomentId: unknown }) =>
		momentPreview(ctx, scope, await loadMoment(ctx.db, scope, input))
});

export const removeCommunicationMoment = command({
	load: (
		ctx,
		scope,
		input: { unverifiedPlanId: unknown; unverifiedMomentId: unknown } & RawInput<typeof confirmSchema>
	) => loadMoment(ctx.db, scope, input),
	schema: confirmSchema,
	execute: async (tx, { scope, loaded, record }) => {
		await deleteMoment(tx, { municipalityId: scope.municipality.id, id: loaded.moment.id });
		record.audit({
			action: 'communication.moment_removed',
			details: {
				...planAudit(loaded.plan),
				momentId: loaded.moment.id,
				kind: loaded.moment.kind,
				dueOn: loaded.moment.dueOn
			}
		});
		return { planId: loaded.plan.planId };
	}
});

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

async function loadText(
	db: Db,
	scope: BackofficeScope,
	input: { unverifiedPlanId: unknown; unverifiedTextId: unknown }
) {
	const plan = await findPlan(db, scope, input.unverifiedPlanId);
	const id = parseId(input.unverifiedTextId);
	const text =
		id === null
			? undefined
			: await getText(db, { municipalityId: scope.municipality.id, id, planId: plan.planId });
	if (!text) throw new AppError('not_found');
	return { plan, text };
}

export const saveCommunicationText = command({
	load: (
		ctx,
		scope,
		input: { unverifiedPlanId: unknown; unverifiedTextId: unknown; origin: string } & RawInput<
			typeof textSchema
		>
	) => loadText(ctx.db, scope, input),
	schema: textSchema,
	execute: async (tx, { scope, loaded, values, record, input }) => {
		const facts = factsOf(loaded.plan);
		const tags = {
			channel: loaded.text.channel,
			moment: loaded.text.moment,
			subject: { kind: facts.kind, id: facts.id }
		};
		const hasSubject = CHANNELS_WITH_SUBJECT.includes(loaded.text.channel);
		await updateText(tx, {
			municipalityId: scope.municipality.id,
			id: loaded.text.id,
			subject: hasSubject ? values.subject || null : null,
			body: tagOwnLinks(values.body, input.origin, tags)
		});
		record.audit({
			action: 'communication.text_changed',
			details: { ...planAudit(loaded.plan), textId: loaded.text.id, channel: loaded.text.channel }
		});
	}
});

/** Throws the staff's own text away for the suggested one, once they ticked that they mean it: it is not kept. */
export const resetCommunicationText = command({
	load: (
		ctx,
		scope,
		input: { unverifiedPlanId: unknown; unverifiedTextId: unknown } & RawInput<typeof confirmSchema>
	) => loadText(ctx.db, scope, input),
	schema: confirmSchema,
	execute: async (tx, { scope, loaded, record }) => {
		await updateText(tx, {
			municipalityId: scope.municipality.id,
			id: loaded.text.id,
			subject: null,
			body: null
		});
		record.audit({
			action: 'communication.text_reset',
			details: { ...planAudit(loaded.plan), textId: loaded.text.id, channel: loaded.text.channel }
		});
	}
});

/** Marks the chosen texts of this municipality published (by the person, now); already published ones stay. */
export const markCommunicationPublished = command({
	load: async (_ctx, _scope, _input: RawInput<typeof selectionSchema>) => undefined,
	schema: selectionSchema,
	execute: async (tx, { scope, values, record }) => {
		const marked = await markPublished(tx, {
			municipalityId: scope.municipality.id,
			ids: values.ids,
			by: scope.actor.userId
		});
		if (marked.length === 0)
			throw new AppError('validation', { fields: { ids: ['communication.errors.select'] } });
		record.audit({
			action: 'communication.published',
			details: { textIds: marked.map((m) => m.id), count: marked.length }
		});
		return { count: marked.length };
	}
});

export const unmarkCommunicationPublished = command({
	load: async (ctx, scope, input: { unverifiedTextId: unknown }) => {
		const id = parseId(input.unverifiedTextId);
		const text =
			id === null ? undefined : await getText(ctx.db, { municipalityId: scope.municipality.id, id });
		if (!text) throw new AppError('not_found');
		return text;
	},
	execute: async (tx, { scope, loaded, record }) => {
		await unmarkPublished(tx, { municipalityId: scope.municipality.id, id: loaded.id });
		record.audit({
			action: 'communication.unpublished',
			details: { planId: loaded.planId, textId: loaded.id, channel: loaded.channel }
		});
	}
});

/** The QR code of a text's short link, as an SVG drawing or a PNG image to download. */
export const getTextQrCode = command({
	load: async (ctx, scope, input: { unverifiedTextId: unknown; format: 'svg' | 'png'; origin: string }) => {
		const id = parseId(input.unverifiedTextId);
		const text =
			id === null ? undefined : await getText(ctx.db, { municipalityId: scope.municipality.id, id });
		if (!text) throw new AppError('not_found');
		const link = shortLink(input.origin, text.shortCode);
		const filename = `qr-${text.shortCode}.${input.format}`;
		if (input.format === 'svg')
			return {
				filename,
				contentType: 'image/svg+xml; charset=utf-8',
				body: qrSvg(link, translate(ctx.locale, 'communication.item.qrAlt', { link: printedLink(link) }))
			};
		return { filename, contentType: 'image/png', body: await qrPng(link, 10) };
	}
});

// ---------------------------------------------------------------------------------------------
// Short links
// ---------------------------------------------------------------------------------------------

/**
 * Where a short link leads: the subject's page with the channel's utm tags (a path on this platform), or not
 * found. Public: the code is the whole address, and the page it leads to shows only what is public.
 */
export async function resolveShortLink(ctx: Ctx, input: { unverifiedCode: unknown }): Promise<string> {
	const code = typeof input.unverifiedCode === 'string' ? input.unverifiedCode.toLowerCase() : '';
	if (!SHORT_CODE_PATTERN.test(code)) throw new AppError('not_found');
	const row = await getTextByCode(ctx.db, { code });
	if (!row) throw new AppError('not_found');
	const facts = factsOf(row);
	const url = new URL(
		taggedLink('http://x.invalid', facts.path, {
			channel: row.channel,
			moment: row.moment,
			subject: { kind: facts.kind, id: facts.id }
		})
	);
	return url.pathname + url.search;
}
