// A citizen group's coaching sessions (events of the playbook's trajectory), the notes written for each, and the
// evaluation month's experiences and lessons. Shared by the server and the pages.

/** Who may see a session's event: the group's members only (the event stays a draft) or everyone (published). */
export const SESSION_VISIBILITIES = ['members', 'public'] as const;
export type SessionVisibility = (typeof SESSION_VISIBILITIES)[number];

/** What the evaluation records: a positive experience or a lesson learned. */
export const LESSON_KINDS = ['positive', 'lesson'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** Whose voice it is: the municipality (coaching staff) or the citizens (members). */
export const LESSON_VOICES = ['municipality', 'citizens'] as const;
export type LessonVoice = (typeof LESSON_VOICES)[number];

export const SESSION_LIMITS = {
	sessionNoteMax: 20_000,
	lessonMax: 1_800,
	/** At most this many notes a person writes under one session in an hour. */
	notesPerHour: 30,
	lessonsPerHour: 20
} as const;
