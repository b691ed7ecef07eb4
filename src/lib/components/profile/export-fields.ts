// How "Mijn gegevens" (profiel/gegevens) names the fields of the export's records and the codes in them: a Dutch
// label from the catalogue, the section's own where the shared one reads wrong there. The JSON download keeps the
// field names and the codes.
import type { MessageKey } from '$lib/i18n';

/**
 * Per section, the fields whose value is what the person typed, keyed by names that are themselves data (a
 * registration's answers by question, a form's values kept across a login): shown as they are, not labelled.
 */
const FREE_FORM_FIELDS: Record<string, readonly string[]> = {
	eventRegistrations: ['answers'],
	savedDrafts: ['values']
};

/** Whether the names inside `field` of `section` are data rather than fields of the export. */
export const isFreeForm = (section: string, field: string): boolean =>
	Object.hasOwn(FREE_FORM_FIELDS, section) && FREE_FORM_FIELDS[section]!.includes(field);

/** The catalogue keys that may name `field` in `section`, the most specific first. */
export function fieldLabelKeys(section: string, field: string): MessageKey[] {
	return [
		`profile.export.sectionFields.${section}.${field}`,
		`profile.export.fields.${field}`
	] as MessageKey[];
}

/** The Dutch label of `field` in `section`, or undefined when the catalogue has none. */
export function fieldLabel(
	t: (key: MessageKey) => string,
	section: string,
	field: string
): string | undefined {
	for (const key of fieldLabelKeys(section, field)) {
		const text = t(key);
		if (text !== key && text.trim() !== '') return text;
	}
	return undefined;
}

/**
 * Per section, the fields whose value is a code from a fixed list (a status, a role, a kind), each with the
 * catalogue key of a code's Dutch name: `*` stands for the code. The page shows that name instead of the
 * code; the JSON download keeps the code. personal-data.test.ts checks every code of each list (from the
 * schema and the domain's constants) has its name.
 */
const CODED_FIELDS: Record<string, Record<string, string>> = {
	person: {
		mailFrequency: 'profile.mailFrequency.*',
		// Open lists: a campaign's own utm_source, an identity provider's address, shown as they are.
		firstChannel: 'profile.export.values.firstChannel.*'
	},
	identities: { issuer: 'profile.export.values.issuer.*' },
	mailedLinks: { purpose: 'profile.export.values.mailPurpose.*' },
	consents: { kind: 'profile.consents.*.label' },
	memberships: { role: 'profile.export.values.staffRole.*' },
	regionRoles: { role: 'profile.export.values.staffRole.*' },
	auditLog: {
		action: 'profile.export.values.auditAction.*',
		role: 'profile.export.values.auditRole.*'
	},
	suggestions: {
		status: 'profile.export.values.suggestionStatus.*',
		moderation: 'profile.export.values.moderation.*'
	},
	suggestionComments: { moderation: 'profile.export.values.moderation.*' },
	suggestionReports: { reason: 'profile.export.values.reportReason.*' },
	eventRegistrations: { status: 'profile.activity.registration.*' },
	mailPreferences: {
		kind: 'profile.export.values.notificationKind.*',
		frequency: 'profile.mailFrequency.*'
	},
	colleagueFollows: { kind: 'profile.export.values.followKind.*' },
	stories: {
		status: 'profile.export.values.storyStatus.*',
		placement: 'profile.export.values.storyPlacement.*'
	},
	groups: {
		status: 'profile.activity.group.*',
		role: 'profile.export.values.groupRole.*'
	},
	climatePlanMeetings: { kind: 'profile.export.values.meetingKind.*' },
	climatePlanTasks: { status: 'profile.export.values.planTaskStatus.*' },
	climatePactReports: {
		kind: 'profile.export.values.pactKind.*',
		status: 'profile.export.values.pactStatus.*'
	}
};

/** Every coded field as [section, field], for the test that each of their codes has a Dutch name. */
export const codedFields = (): [section: string, field: string][] =>
	Object.entries(CODED_FIELDS).flatMap(([section, fields]) =>
		Object.keys(fields).map((field) => [section, field] as [string, string])
	);

/** Codes are words (`published`, `lunch_talk`, `staff.invited`), never a path into the catalogue's objects. */
const CODE = /^[a-z][a-zA-Z_]*(\.[a-z][a-zA-Z_]*)?$/;

/**
 * The Dutch name of `value` when `field` of `section` holds a code, or undefined: the field is not coded,
 * or the code has no name (an open list's own value, shown as it is).
 */
export function valueLabel(
	t: (key: MessageKey) => string,
	section: string,
	field: string,
	value: unknown
): string | undefined {
	const fields = Object.hasOwn(CODED_FIELDS, section) ? CODED_FIELDS[section]! : {};
	if (!Object.hasOwn(fields, field) || typeof value !== 'string' || !CODE.test(value)) return undefined;
	const key = fields[field]!.replace('*', value) as MessageKey;
	const text = t(key);
	return text !== key && text.trim() !== '' ? text : undefined;
}
