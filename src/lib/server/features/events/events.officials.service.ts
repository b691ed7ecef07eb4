// The alderman and civil servants attending an event: staff who manage the municipality's events choose them
// among its staff members (the back office's logistics page), and the event's public page names them with
// their role. Someone who is not a staff member of the municipality cannot be listed.
import { z } from 'zod';
import { isUuid } from '$lib/domain/ids';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import type { RawInput } from '$lib/server/platform/validation';
import {
	deleteEventOfficial,
	insertEventOfficial,
	listEventOfficials,
	listStaffCandidates
} from './events.officials.queries';
import { command, findEvent } from './events.admin.access';

export type OfficialRole = 'alderman' | 'civilServant';

export interface OfficialView {
	userId: string;
	name: string;
	role: OfficialRole;
}

export interface EventOfficialsPage {
	officials: OfficialView[];
	/** Staff members of the municipality not listed yet, for the form's select. */
	candidates: { userId: string; name: string; role: OfficialRole }[];
}

const personSchema = z.object({
	person: z
		.string({ error: 'eventsAdmin.officials.errors.person' })
		.refine((v) => isUuid(v), { error: 'eventsAdmin.officials.errors.person' })
});

/** The officials of an event for the public page (names and roles only). */
export async function officialsOf(
	db: Db,
	params: { municipalityId: string; eventId: number }
): Promise<{ name: string; role: OfficialRole }[]> {
	return (await listEventOfficials(db, params)).map((o) => ({ name: o.name, role: o.role }));
}

export const getEventOfficials = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown }): Promise<EventOfficialsPage> => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const where = { municipalityId: scope.municipality.id, eventId: event.id };
		const [officials, staff] = await Promise.all([
			listEventOfficials(ctx.db, where),
			listStaffCandidates(ctx.db, { municipalityId: scope.municipality.id })
		]);
		const listed = new Set(officials.map((o) => o.userId));
		return {
			officials: officials.map((o) => ({ userId: o.userId, name: o.name, role: o.role })),
			candidates: staff
				.filter((s) => !listed.has(s.userId))
				.map((s) => ({ userId: s.userId, name: s.name, role: s.alderman ? 'alderman' : 'civilServant' }))
		};
	}
});

export const addEventOfficial = command({
	load: (ctx, scope, input: { unverifiedEventId: unknown } & RawInput<typeof personSchema>) =>
		findEvent(ctx.db, scope, input.unverifiedEventId),
	schema: personSchema,
	prepare: async ({ ctx, scope, values }) => {
		const staff = await listStaffCandidates(ctx.db, { municipalityId: scope.municipality.id });
		const found = staff.find((s) => s.userId === values.person);
		if (!found)
			throw new AppError('validation', {
				message: 'eventsAdmin.officials.errors.person',
				fields: { person: ['eventsAdmin.officials.errors.person'] }
			});
		return found;
	},
	execute: async (tx, { scope, loaded, prepared, record }) => {
		const role: OfficialRole = prepared.alderman ? 'alderman' : 'civilServant';
		const added = await insertEventOfficial(tx, {
			municipalityId: scope.municipality.id,
			eventId: loaded.id,
			userId: prepared.userId,
			role
		});
		if (added)
			record.audit({
				action: 'event.officials_changed',
				details: { eventId: loaded.id, name: loaded.title, added: prepared.userId, role }
			});
		return { name: prepared.name };
	}
});

export const removeEventOfficial = command({
	load: (ctx, scope, input: { unverifiedEventId: unknown } & RawInput<typeof personSchema>) =>
		findEvent(ctx.db, scope, input.unverifiedEventId),
	schema: personSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const removed = await deleteEventOfficial(tx, {
			municipalityId: scope.municipality.id,
			eventId: loaded.id,
			userId: values.person
		});
		if (removed)
			record.audit({
				action: 'event.officials_changed',
				details: { eventId: loaded.id, name: loaded.title, removed: values.person }
			});
		return { removed };
	}
});
