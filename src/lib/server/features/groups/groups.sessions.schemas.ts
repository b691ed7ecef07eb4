// Input of a group's sessions, their notes and the evaluation's lessons. Every message is a catalogue key; text
// loses control characters and is trimmed here as well as in hooks.server.ts.
import { z } from 'zod';
import { LESSON_KINDS, SESSION_LIMITS as L, SESSION_VISIBILITIES } from '$lib/domain/groups-sessions';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { parseId } from '$lib/domain/ids';

const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

const id = (message: 'groupSessions.errors.step' | 'groupSessions.errors.stepRequired') =>
	z
		.unknown()
		.transform((v) => parseId(v))
		.pipe(z.number({ error: message }));

/** Staff plan a session of the group from a session step of a running trajectory. */
export const planSessionSchema = z.object({
	step: id('groupSessions.errors.stepRequired'),
	visibility: z.enum(SESSION_VISIBILITIES, { error: 'groupSessions.errors.visibility' })
});

/** Staff plan a session step of the trajectory for one of the municipality's groups. */
export const stepGroupSchema = z.object({
	group: z
		.unknown()
		.transform((v) => parseId(v))
		.pipe(z.number({ error: 'groupSessions.errors.groupRequired' })),
	visibility: z.enum(SESSION_VISIBILITIES, { error: 'groupSessions.errors.visibility' })
});

export const sessionNoteSchema = z.object({
	body: text.pipe(
		z
			.string()
			.min(1, { error: 'groupSessions.errors.noteRequired' })
			.max(L.sessionNoteMax, { error: 'groupSessions.errors.noteTooLong' })
	)
});

export const lessonSchema = z.object({
	kind: z.enum(LESSON_KINDS, { error: 'groupSessions.errors.kind' }),
	body: text.pipe(
		z
			.string()
			.min(1, { error: 'groupSessions.errors.lessonRequired' })
			.max(L.lessonMax, { error: 'groupSessions.errors.lessonTooLong' })
	)
});

/** Staff send a lesson back into the playbook as a proposal for one step of the trajectory. */
export const proposeLessonSchema = z.object({
	step: id('groupSessions.errors.step')
});

export function sessionFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}
