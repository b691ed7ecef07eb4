// The municipality's internal work on its climate plan (seed 004): departments with their staff, climate teams per
// theme, the meetings of the internal trajectory (a relaunch day, one-to-one lunch talks, climate team meetings)
// with their agreements and tasks, and the short diagnosis of how departments cooperate. Shared by server and pages.

/** The kinds of meeting the seed names: doorstartdag, lunchgesprek, klimaatteam. */
export const MEETING_KINDS = ['relaunch_day', 'lunch_talk', 'team_meeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The Dutch word of a kind in the address (`?soort=lunchgesprek`). */
export const MEETING_KIND_SLUGS: Record<MeetingKind, string> = {
	relaunch_day: 'doorstartdag',
	lunch_talk: 'lunchgesprek',
	team_meeting: 'klimaatteam'
};

/** What an agreement became: still open, a plan action or a task. Each agreement becomes one of them once. */
export const AGREEMENT_OUTCOMES = ['open', 'action', 'task'] as const;
export type AgreementOutcome = (typeof AGREEMENT_OUTCOMES)[number];

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The diagnosis' statements, each answered on a scale of 1 (not at all) to DIAGNOSIS_SCALE (fully). */
export const DIAGNOSIS_QUESTIONS = [
	'knowsActions',
	'worksTogether',
	'contactPoint',
	'inPlanning',
	'politicalSupport'
] as const;
export type DiagnosisQuestion = (typeof DIAGNOSIS_QUESTIONS)[number];
export const DIAGNOSIS_SCALE = 5;
export type DiagnosisScores = Record<DiagnosisQuestion, number>;

export const TEAM_LIMITS = {
	nameMax: 80,
	agreementMax: 1_000,
	notesMax: 10_000,
	taskTitleMax: 200,
	commentMax: 2_000,
	participantsMax: 200,
	agreementsMax: 50,
	membersMax: 100,
	staffBulkMax: 200
} as const;
