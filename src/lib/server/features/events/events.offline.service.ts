// The list of people who showed interest outside the platform (#17's "invite"): staff who manage the
// municipality's events type in who signed a paper list or left their address at a stand, with the day and the
// way they agreed to be invited; the entry is that consent record (who recorded it and when). Such people can
// then be chosen as an invitation audience ('offline'), and the mail's one-click unsubscribe turns invitations
// off for them like for anyone. Removing an entry deletes the person. Staff see and change only their own
// municipality's list (the events policy, the municipality in every query).
import { brusselsDay } from '$lib/server/platform/dates';
import type { MessageKey } from '$lib/i18n';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import { writeScopedAudit, type BackofficeScope } from '$lib/server/platform/backoffice';
import type { AuditAction } from '$lib/server/platform/audit';
import { parseId } from '$lib/domain/ids';
import { authorizeEvents } from './events.admin.access';
import {
	deleteOfflineInterest,
	getOfflineInterest,
	insertOfflineInterests,
	listOfflineInterests,
	listedAddresses,
	lockOfflineList
} from './events.offline.queries';
import { listEventIdsWithPlaceOf } from './events.queries';
import { fillFreedPlaces } from './events.registrations.service';
import './events.audit';

const E = 'eventsOffline.errors';
/** At most this many people per addition (a long paper list goes in a few times). */
export const OFFLINE_MAX_LINES = 200;
/** The textarea's limit in characters: 200 lines of a long name and address. */
export const OFFLINE_MAX_CHARS = 200 * 360;
export const OFFLINE_NAME_MAX = 100;
export const OFFLINE_HOW_MAX = 200;
/** How many entries the page shows at once (a search narrows it). */
export const OFFLINE_PAGE_SIZE = 200;

const { command } = commands<Ctx, BackofficeScope, { action: AuditAction; details: Record<string, unknown> }>(
	{
		authorize: authorizeEvents,
		writeAudit: writeScopedAudit,
		fallback: 'backoffice.errors.invalid'
	}
);

export interface OfflineEntry {
	id: number;
	name: string;
	email: string;
	agreedOn: string;
	agreedHow: string;
	recordedAt: string;
	recordedBy: string | null;
	unsubscribed: boolean;
}

export interface OfflineListPage {
	q: string;
	people: OfflineEntry[];
	/** How many match the search (all of them without one); the page shows at most OFFLINE_PAGE_SIZE. */
	total: number;
}

/** The municipality's list, newest first, narrowed by a search in names and addresses. */
export const getOfflineList = command({
	load: async (ctx, scope, input: { unverifiedQuery: unknown }): Promise<OfflineListPage> => {
		const q = typeof input.unverifiedQuery === 'string' ? input.unverifiedQuery.trim().slice(0, 100) : '';
		const { rows, total } = await listOfflineInterests(ctx.db, {
			municipalityId: scope.municipality.id,
			q,
			limit: OFFLINE_PAGE_SIZE
		});
		return {
			q,
			total,
			people: rows.map((r) => ({
				id: r.id,
				name: r.name,
				email: r.email,
				agreedOn: r.agreedOn,
				agreedHow: r.agreedHow,
				recordedAt: r.recordedAt.toISOString(),
				recordedBy: r.recordedBy,
				unsubscribed: Boolean(r.unsubscribed)
			}))
		};
	}
});

/** A line of the textarea that could not be taken, with its number (from 1) and what is wrong. */
export interface LineProblem {
	line: number;
	problem: 'format' | 'name' | 'email' | 'duplicate' | 'listed';
}

// Letters, marks, digits, spaces and the punctuation of names (O'Brien, Van den Broeck-Peeters, Jr.).
const NAME = /^[\p{L}\p{M}\p{N} .'’\-()]+$/u;
// An address as people write it: one @, no spaces or angle brackets or quotes, a dot in the domain.
const EMAIL = /^[^\s@<>"',;()\\[\]]+@[^\s@<>"',;()\\[\]]+\.[^\s@<>"',;()\\[\]]{2,}$/;

/**
 * Reads "naam, e-mail" lines (a semicolon or a tab also separates; the last separator counts, so a name may
 * hold a comma). Empty lines are skipped. Returns the people and, per line, what is wrong.
 */
export function parseOfflineLines(text: string): {
	people: { line: number; name: string; email: string }[];
	problems: LineProblem[];
} {
	const people: { line: number; name: string; email: string }[] = [];
	const problems: LineProblem[] = [];
	const seen = new Set<string>();
	text.split(/\r\n|\r|\n/).forEach((raw, index) => {
		const line = index + 1;
		const trimmed = raw.trim();
		if (!trimmed) return;
		const at = Math.max(trimmed.lastIndexOf(','), trimmed.lastIndexOf(';'), trimmed.lastIndexOf('\t'));
		if (at < 0) return void problems.push({ line, problem: 'format' });
		const name = trimmed.slice(0, at).trim().replace(/\s+/g, ' ');
		const email = trimmed.slice(at + 1).trim();
		if (!name || name.length > OFFLINE_NAME_MAX || !NAME.test(name))
			return void problems.push({ line, problem: 'name' });
		if (email.length > 254 || !EMAIL.test(email)) return void problems.push({ line, problem: 'email' });
		const key = email.toLowerCase();
		if (seen.has(key)) return void problems.push({ line, problem: 'duplicate' });
		seen.add(key);
		people.push({ line, name, email });
	});
	return { people, problems };
}

/** A refusal of the form: per field a message, and the lines that could not be taken (details.lines). */
function refuse(fields: Record<string, MessageKey[]>, lines: LineProblem[] = []): AppError {
	return new AppError('validation', { message: `${E}.form`, fields, details: { lines } });
}

/** The lines a refusal of addOfflinePeople named, for the page to show beside the list. */
export function lineProblemsOf(err: unknown): LineProblem[] {
	if (!(err instanceof AppError)) return [];
	const lines = err.options.details?.lines;
	return Array.isArray(lines) ? (lines as LineProblem[]) : [];
}

function checkDate(unverified: unknown, today: string): string | null {
	if (typeof unverified !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(unverified)) return null;
	const date = new Date(`${unverified}T12:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== unverified) return null;
	return unverified >= '2000-01-01' && unverified <= today ? unverified : null;
}

/**
 * Adds the people of the textarea to the list, all or none: refused with every problem at once (the date,
 * the way they agreed, each line that is malformed, repeated or already on the list), so staff correct what
 * they typed. Each becomes an account without a login with the pool consent and this consent record.
 */
export const addOfflinePeople = command({
	prepare: async ({
		ctx,
		scope,
		input
	}: {
		ctx: Ctx;
		scope: BackofficeScope;
		input: { lines: unknown; agreedOn: unknown; agreedHow: unknown; now?: Date };
	}) => {
		const fields: Record<string, MessageKey[]> = {};
		const agreedOn = checkDate(input.agreedOn, brusselsDay(input.now ?? new Date()));
		if (!agreedOn) fields.datum = [`${E}.date`];
		const how = typeof input.agreedHow === 'string' ? input.agreedHow.trim().replace(/\s+/g, ' ') : '';
		if (!how) fields.hoe = [`${E}.howRequired`];
		else if (how.length > OFFLINE_HOW_MAX || /[\p{Cc}<>]/u.test(how)) fields.hoe = [`${E}.howInvalid`];
		const text = typeof input.lines === 'string' ? input.lines : '';
		if (text.length > OFFLINE_MAX_CHARS) fields.lijst = [`${E}.tooLong`];
		else if (text.split(/\r\n|\r|\n/).filter((l) => l.trim()).length > OFFLINE_MAX_LINES)
			fields.lijst = [`${E}.tooMany`];
		if (fields.lijst) throw refuse(fields);
		const { people, problems } = parseOfflineLines(text);
		if (people.length === 0 && problems.length === 0) fields.lijst = [`${E}.empty`];
		const listed = await listedAddresses(ctx.db, {
			municipalityId: scope.municipality.id,
			emails: people.map((p) => p.email.toLowerCase())
		});
		for (const p of people)
			if (listed.has(p.email.toLowerCase())) problems.push({ line: p.line, problem: 'listed' });
		problems.sort((a, b) => a.line - b.line);
		if (problems.length > 0) fields.lijst = [`${E}.lines`];
		if (Object.keys(fields).length > 0) throw refuse(fields, problems);
		return { people, agreedOn: agreedOn!, agreedHow: how };
	},
	execute: async (tx, { scope, prepared, record }) => {
		const municipalityId = scope.municipality.id;
		await lockOfflineList(tx, { municipalityId });
		// Another addition may have listed an address meanwhile: checked again under the list's lock.
		const listed = await listedAddresses(tx, {
			municipalityId,
			emails: prepared.people.map((p) => p.email.toLowerCase())
		});
		const late = prepared.people.filter((p) => listed.has(p.email.toLowerCase()));
		if (late.length > 0)
			throw refuse(
				{ lijst: [`${E}.lines`] },
				late.map((p) => ({ line: p.line, problem: 'listed' as const }))
			);
		const added = await insertOfflineInterests(tx, {
			municipalityId,
			recordedBy: scope.actor.userId,
			agreedOn: prepared.agreedOn,
			agreedHow: prepared.agreedHow,
			people: prepared.people
		});
		record.audit({
			action: 'event.offline_interest_added',
			details: { count: added, agreedOn: prepared.agreedOn, agreedHow: prepared.agreedHow }
		});
		return { added };
	}
});

async function findEntry(ctx: Ctx, scope: BackofficeScope, unverifiedId: unknown) {
	const id = parseId(unverifiedId);
	const entry =
		id === null ? undefined : await getOfflineInterest(ctx.db, { municipalityId: scope.municipality.id, id });
	if (!entry) throw new AppError('not_found', { message: `${E}.notFound` });
	return entry;
}

/** The confirmation step of removing someone: who it is (GET changes nothing). */
export const previewRemoveOfflinePerson = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }) => {
		const e = await findEntry(ctx, scope, input.unverifiedId);
		return { id: e.id, name: e.name, email: e.email, agreedOn: e.agreedOn, agreedHow: e.agreedHow };
	}
});

/**
 * Removes someone from the list: the person (the account made for the list) is deleted with all of it. A place
 * they held (registered through an invitation) goes to the waitlist at once, each moved up mailed.
 */
export const removeOfflinePerson = command({
	load: (ctx, scope, input: { unverifiedId: unknown; origin: string }) =>
		findEntry(ctx, scope, input.unverifiedId),
	execute: async (tx, { ctx, scope, input, loaded, record }) => {
		const municipalityId = scope.municipality.id;
		// Where the person held a place (registered through an invitation): those places go to the waitlist.
		const freed = await listEventIdsWithPlaceOf(tx, { municipalityId, userId: loaded.userId });
		const removed = await deleteOfflineInterest(tx, { municipalityId, id: loaded.id });
		if (!removed) throw new AppError('not_found', { message: `${E}.notFound` });
		record.audit({ action: 'event.offline_interest_removed', details: { entry: loaded.id } });
		const movedUp = await fillFreedPlaces(
			{ db: tx, origin: input.origin, queueMails: (t, messages) => ctx.queueMails(t, messages) },
			{ municipalityId, eventIds: freed }
		);
		return { removed: 1, movedUp };
	}
});
