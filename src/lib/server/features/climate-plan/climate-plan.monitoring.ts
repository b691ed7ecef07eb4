// Monitoring that keeps itself alive: once a month every owner of open plan actions gets "hoe ver staat je?" with
// one signed link per action, which opens a form to post an update without logging in (a mail scanner that opens
// the link posts nothing: only the form's POST does). A link is signed with an HMAC over the action, the person
// and its expiry, with a secret the installation makes once (platform_meta), as the unsubscribe and bounce links
// are; it is checked again at the POST, with the person's role and responsibility of that moment.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import type { JobContext } from '$lib/server/platform/feature';
import { installationSecret } from '$lib/server/platform/secrets';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { DEFAULT_LOCALE, formatDate, translate, type MessageKey } from '$lib/i18n';
import { escapeHtml as escape, mailDocument } from '$lib/server/platform/mail-html';
import { writeAudit } from '$lib/server/platform/audit';
import type { MailMessage } from '$lib/server/platform/mail';
import type { PlanStatus } from '$lib/domain/climate-plan';
import { mayPostPlanUpdate } from './climate-plan.policy';
import {
	brusselsMonth,
	claimReminder,
	getPlanAction,
	getPlanMunicipality,
	getPlanPerson,
	listOwnersOfOpenActions,
	listParticipatingMunicipalities
} from './climate-plan.queries';
import { planFieldOf, planUpdateSchema } from './climate-plan.schemas';
import { postUpdateAs } from './climate-plan.service';

export const MONTHLY_JOB = 'climate-plan.monthly';
/** The mail goes out from this hour (Europe/Brussels) on the first day of the month; a missed run catches up. */
export const SEND_FROM_HOUR = 8;
/** How long a link in the mail works. */
export const LINK_DAYS = 45;

const SECRET_KEY = 'climate_plan.update_link_secret';
const TOKEN = /^(\d{1,10})\.([0-9a-f]{32})\.(\d{5,6})\.([A-Za-z0-9_-]{22})$/;

function linkSecret(db: Db): Promise<string> {
	return installationSecret(db, SECRET_KEY);
}

function mac(secret: string, planActionId: number, userId: string, expiresDay: number): string {
	return createHmac('sha256', secret)
		.update(`climate-plan-update|${planActionId}|${userId}|${expiresDay}`)
		.digest()
		.subarray(0, 16)
		.toString('base64url');
}

const dayOf = (date: Date) => Math.floor(date.getTime() / 86_400_000);

/** The path of the one-click update link of an action for a person, valid LINK_DAYS days from `now`. */
export function updateLinkPath(
	secret: string,
	params: { slug: string; planActionId: number; userId: string; now: Date }
): string {
	const expires = dayOf(params.now) + LINK_DAYS;
	const hex = params.userId.replaceAll('-', '');
	return `/${params.slug}/beheer/klimaatplan/bijwerken/${params.planActionId}.${hex}.${expires}.${mac(secret, params.planActionId, params.userId, expires)}`;
}

/** The action and person a link names, or null when it is malformed, forged or expired. */
async function readLink(db: Db, token: unknown, now: Date) {
	const match = typeof token === 'string' ? TOKEN.exec(token) : null;
	if (!match) return null;
	const planActionId = Number(match[1]);
	const hex = match[2]!;
	const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	const expires = Number(match[3]);
	if (expires < dayOf(now)) return null;
	const expected = Buffer.from(mac(await linkSecret(db), planActionId, userId, expires));
	const given = Buffer.from(match[4]!);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	return { planActionId, userId };
}

/** The person of a link and whether they may still post on its action (role and responsibility of now). */
async function linkScope(ctx: Ctx, token: unknown, now: Date) {
	if (!ctx.tenant) throw new AppError('not_found');
	const link = await readLink(ctx.db, token, now);
	if (!link) throw new AppError('not_found', { message: 'climatePlan.errors.linkInvalid' });
	const municipality = await getPlanMunicipality(ctx.db, { municipalityId: ctx.tenant.id });
	const action = municipality
		? await getPlanAction(ctx.db, { municipalityId: municipality.id, id: link.planActionId })
		: undefined;
	const person = municipality
		? await getPlanPerson(ctx.db, { municipalityId: municipality.id, userId: link.userId })
		: undefined;
	if (!municipality || !action || !person)
		throw new AppError('not_found', { message: 'climatePlan.errors.linkInvalid' });
	if (!mayPostPlanUpdate(person, action.responsibleId === link.userId))
		throw new AppError('forbidden', { message: 'climatePlan.errors.linkNotYours' });
	const actor = { userId: link.userId, displayName: person.displayName };
	return { municipality, action, actor };
}

export interface UpdateByLinkPage {
	title: string;
	code: string | null;
	status: PlanStatus;
	personName: string;
}

/** What the link's page shows: the action and whose update it will be. Reading it changes nothing. */
export async function getUpdateByLink(
	ctx: Ctx,
	input: { token: unknown; now?: Date }
): Promise<UpdateByLinkPage> {
	const { action, actor } = await linkScope(ctx, input.token, input.now ?? new Date());
	return { title: action.title, code: action.code, status: action.status, personName: actor.displayName };
}

/** Posts the update of the link's form as the link's person, with the audit row, in one transaction. */
export async function postUpdateByLink(
	ctx: Ctx,
	input: { token: unknown; now?: Date } & RawInput<typeof planUpdateSchema>
): Promise<{ id: number }> {
	const { municipality, action, actor } = await linkScope(ctx, input.token, input.now ?? new Date());
	const values = validateInput(planUpdateSchema, input, {
		fallback: 'backoffice.errors.invalid',
		fieldOf: planFieldOf
	});
	return ctx.db.transaction(async (tx) => {
		const current = await getPlanAction(tx, {
			municipalityId: municipality.id,
			id: action.id,
			forUpdate: true
		});
		if (!current) throw new AppError('not_found');
		const update = await postUpdateAs(tx, { municipality, actor }, current.id, values, current.status);
		await writeAudit(tx, {
			regionId: municipality.regionId,
			municipalityId: municipality.id,
			actor: { userId: actor.userId, displayName: actor.displayName },
			action: 'climate_plan.update_posted',
			details: {
				planActionId: current.id,
				name: current.title,
				byMailLink: true,
				statusAfter: values.status ?? current.status
			}
		});
		return update;
	});
}

// ---------------------------------------------------------------------------------------------
// The monthly mail
// ---------------------------------------------------------------------------------------------

export function monthlyMail(
	origin: string,
	input: {
		municipality: { id: string; name: string; primaryColor: string };
		recipient: { name: string; email: string };
		actions: { title: string; lastUpdateAt: Date | null; link: string }[];
		reference: string;
	}
): MailMessage {
	const t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(DEFAULT_LOCALE, key, params);
	const m = input.municipality;
	const line = (a: (typeof input.actions)[number]) =>
		a.lastUpdateAt
			? t('climatePlan.mail.lastUpdate', { title: a.title, date: formatDate(a.lastUpdateAt, DEFAULT_LOCALE) })
			: t('climatePlan.mail.noUpdate', { title: a.title });
	const text = [
		t('climatePlan.mail.greeting', { name: input.recipient.name }),
		'',
		t('climatePlan.mail.intro', { municipality: m.name, count: input.actions.length }),
		'',
		...input.actions.flatMap((a) => [
			`- ${line(a)}`,
			`  ${t('climatePlan.mail.linkFor', { title: a.title })}: ${origin}${a.link}`
		]),
		'',
		t('climatePlan.mail.why', { municipality: m.name })
	].join('\n');
	const items = input.actions
		.map(
			(a) =>
				`<li>${escape(line(a))}<br><a href="${escape(origin + a.link)}">${escape(t('climatePlan.mail.linkFor', { title: a.title }))}</a></li>`
		)
		.join('');
	return {
		to: input.recipient.email,
		subject: t('climatePlan.mail.subject', { municipality: m.name }),
		text,
		html: mailDocument({
			lang: DEFAULT_LOCALE,
			title: t('climatePlan.mail.subject', { municipality: m.name }),
			brand: { name: `Meedoen ${m.name}`, color: m.primaryColor },
			body: `<p>${escape(t('climatePlan.mail.greeting', { name: input.recipient.name }))}</p>
<p>${escape(t('climatePlan.mail.intro', { municipality: m.name, count: input.actions.length }))}</p>
<ul>${items}</ul>`,
			footer: `<p>${escape(t('climatePlan.mail.why', { municipality: m.name }))}</p>`
		}),
		reference: input.reference,
		municipalityId: m.id
	};
}

/**
 * Queues the month's "hoe ver staat je?" mail for every owner of open actions (staff here who may read the plan)
 * who has not had it this month, from the first day of the month at SEND_FROM_HOUR on; each mail is recorded in
 * climate_plan_reminders in the transaction that queues it, so it goes once. Returns how many were queued.
 */
export async function sendMonthlyReminders(ctx: JobContext, input: { now?: Date } = {}): Promise<number> {
	const now = input.now ?? new Date();
	const clock = await brusselsMonth(ctx.db, { now });
	if (clock.day === 1 && clock.hour < SEND_FROM_HOUR) return 0;
	const origin = ctx.config.origin ?? `http://localhost:${ctx.config.port}`;
	const secret = await linkSecret(ctx.db);
	const towns = await listParticipatingMunicipalities(ctx.db);
	let queued = 0;
	for (const town of towns) {
		const owners = await listOwnersOfOpenActions(ctx.db, { municipalityId: town.id });
		const byPerson = new Map<string, typeof owners>();
		for (const row of owners)
			if (row.email) byPerson.set(row.userId, [...(byPerson.get(row.userId) ?? []), row]);
		for (const [userId, rows] of byPerson) {
			queued += await ctx.db.transaction(async (tx) => {
				if (!(await claimReminder(tx, { municipalityId: town.id, userId, month: clock.month }))) return 0;
				const first = rows[0]!;
				await ctx.queueMailIn(
					tx,
					monthlyMail(origin, {
						municipality: town,
						recipient: { name: first.name, email: first.email! },
						actions: rows.map((r) => ({
							title: r.title,
							lastUpdateAt: r.lastUpdateAt,
							link: updateLinkPath(secret, { slug: town.slug, planActionId: r.planActionId, userId, now })
						})),
						reference: `climate-plan.monthly:${town.id}:${clock.month}:${userId}`
					})
				);
				return 1;
			});
		}
	}
	if (queued > 0) ctx.log.info({ queued, month: clock.month }, 'climate plan reminders queued');
	return queued;
}
