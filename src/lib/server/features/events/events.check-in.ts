// Check-in at the door by QR code. The mail of a confirmed place carries a code that names the registration and
// is signed with HMAC-SHA256 under an installation secret (platform_meta, made by the feature's seed), so nobody
// can make or alter one: `{registration id}-{first 128 bits of HMAC("event-check-in|{municipality}|{event}|{id}")}`.
// Staff who manage the municipality's events open its address (checkInPath) on a phone, see who it is and press
// "Aanwezig melden"; it sets the same check-in as the tick list (setCheckedIn). Anyone else is refused by the
// back office of events before the code is read.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkInPath } from '$lib/domain/events';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import { installationSecret } from '$lib/server/platform/secrets';
import { qrPng } from '$lib/server/platform/qr';
import type { RegistrationStatus } from '$lib/domain/events';
import { getRegistrationForCheckIn } from './events.queries';
import { setCheckedIn } from './events.admin.queries';
import { command, findEvent } from './events.admin.access';
import type { EventRow } from './events.queries';

interface CodeSubject {
	municipalityId: string;
	eventId: number;
	registrationId: number;
}

function signature(secret: string, subject: CodeSubject): Buffer {
	return createHmac('sha256', secret)
		.update(`event-check-in|${subject.municipalityId}|${subject.eventId}|${subject.registrationId}`)
		.digest()
		.subarray(0, 16);
}

/** The code of one registration (what the QR code's address carries). */
export function checkInCode(secret: string, subject: CodeSubject): string {
	return `${subject.registrationId}-${signature(secret, subject).toString('base64url')}`;
}

/** The platform_meta key of the check-in secret (kept: codes already mailed are signed with it). */
const SECRET_KEY = 'event_check_in_secret';

/** The secret that signs check-in codes: read (one statement); made here only if the seed has not. */
export function checkInSecret(db: Db): Promise<string> {
	return installationSecret(db, SECRET_KEY);
}

/** The absolute check-in address of a registration and its QR code as a PNG, for the mail of a confirmed place. */
export async function checkInCodeFor(
	db: Db,
	origin: string,
	subject: CodeSubject & { municipalitySlug: string }
): Promise<{ url: string; png: Buffer }> {
	const code = checkInCode(await checkInSecret(db), subject);
	const url = `${origin}${checkInPath(subject.municipalitySlug, subject.eventId, code)}`;
	return { url, png: await qrPng(url) };
}

const CODE = /^(\d{1,15})-([A-Za-z0-9_-]{22})$/;

/** What a code says about the event of the address: whose it is, or why it names nobody here. */
export type CheckInProblem = 'invalid' | 'otherEvent' | 'notConfirmed';

export interface CheckInCard {
	event: { id: number; title: string; startsAt: string };
	/** Null when the code is not valid. */
	person: {
		name: string;
		companions: number;
		status: RegistrationStatus;
		checkedInAt: string | null;
	} | null;
	problem: CheckInProblem | null;
	/** The event the code belongs to, when it is another one of this municipality. */
	otherEvent: { id: number; title: string } | null;
}

async function readCode(db: Db, event: EventRow, unverifiedCode: unknown) {
	const match = typeof unverifiedCode === 'string' ? CODE.exec(unverifiedCode.trim()) : null;
	if (!match) return { problem: 'invalid' as const, row: null };
	const id = Number(match[1]);
	const row = await getRegistrationForCheckIn(db, { municipalityId: event.municipalityId, id });
	if (!row) return { problem: 'invalid' as const, row: null };
	const secret = await checkInSecret(db);
	const expected = Buffer.from(
		signature(secret, {
			municipalityId: row.municipalityId,
			eventId: row.eventId,
			registrationId: row.id
		}).toString('base64url')
	);
	// Compared as text: base64 leaves spare bits in its last character, so decoding would accept variants.
	const given = Buffer.from(match[2]!);
	if (given.length !== expected.length || !timingSafeEqual(given, expected))
		return { problem: 'invalid' as const, row: null };
	if (row.eventId !== event.id) return { problem: 'otherEvent' as const, row };
	if (row.status !== 'confirmed') return { problem: 'notConfirmed' as const, row };
	return { problem: null, row };
}

function cardOf(event: EventRow, found: Awaited<ReturnType<typeof readCode>>): CheckInCard {
	const { problem, row } = found;
	return {
		event: { id: event.id, title: event.title, startsAt: event.startsAt.toISOString() },
		person:
			row && problem !== 'otherEvent'
				? {
						name: row.name,
						companions: row.companions,
						status: row.status,
						checkedInAt: row.checkedInAt?.toISOString() ?? null
					}
				: null,
		problem,
		otherEvent: row && problem === 'otherEvent' ? { id: row.eventId, title: row.eventTitle } : null
	};
}

/** The page a scanned code opens: the person and the event, or why the code does not fit. Changes nothing. */
export const getCheckInCard = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown; unverifiedCode: unknown }) => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		return cardOf(event, await readCode(ctx.db, event, input.unverifiedCode));
	}
});

const PROBLEM_MESSAGE = {
	invalid: 'eventsAdmin.checkIn.invalid',
	otherEvent: 'eventsAdmin.checkIn.otherEvent',
	notConfirmed: 'eventsAdmin.checkIn.notConfirmed'
} as const;

/**
 * "Aanwezig melden": checks the code's person in (the same record as the tick list, with an audit row).
 * Already checked in: nothing changes and the answer says so. A code that does not fit is refused in Dutch.
 */
export const checkInByCode = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown; unverifiedCode: unknown }) => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const found = await readCode(ctx.db, event, input.unverifiedCode);
		if (found.problem || !found.row)
			throw new AppError(found.problem === 'invalid' ? 'validation' : 'conflict', {
				message: PROBLEM_MESSAGE[found.problem ?? 'invalid'],
				details: { title: found.row?.eventTitle ?? '' }
			});
		return { event, registration: found.row };
	},
	execute: async (tx, { scope, loaded, record }) => {
		const { event, registration } = loaded;
		const result = await setCheckedIn(tx, {
			municipalityId: scope.municipality.id,
			eventId: event.id,
			present: [registration.id],
			absent: []
		});
		if (result.checkedIn === 0) {
			// Already checked in, or the place was given up since the page was opened.
			const now = await getRegistrationForCheckIn(tx, {
				municipalityId: scope.municipality.id,
				id: registration.id
			});
			if (now?.status !== 'confirmed')
				throw new AppError('conflict', { message: PROBLEM_MESSAGE.notConfirmed });
			return { name: registration.name, already: true };
		}
		record.audit({
			action: 'event.checked_in',
			details: { eventId: event.id, name: event.title, checkedIn: 1, undone: 0, byCode: true }
		});
		return { name: registration.name, already: false };
	}
});
