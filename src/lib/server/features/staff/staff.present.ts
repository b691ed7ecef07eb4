// What leaves the server about staff, invitations and the audit log, field by field.
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import {
	MUNICIPALITY_ABILITIES,
	type MunicipalityAbility,
	type MunicipalityRole,
	type RegionRole
} from '$lib/server/platform/policy';

/** Most powerful first, the order in which the interface lists roles. */
export const ROLE_ORDER: readonly MunicipalityRole[] = [
	'admin',
	'moderator',
	'communication',
	'alderman',
	'colleague'
];

export type AbilityFlags = Record<MunicipalityAbility, boolean>;

export function presentAbilities(abilities: Set<MunicipalityAbility>): AbilityFlags {
	return Object.fromEntries(MUNICIPALITY_ABILITIES.map((a) => [a, abilities.has(a)])) as AbilityFlags;
}

export function roleLabel(locale: Locale, role: MunicipalityRole | RegionRole): string {
	return translate(locale, `backoffice.roles.${role}`);
}

export function sortRoles<T extends { role: MunicipalityRole }>(items: T[]): T[] {
	return [...items].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

const iso = (value: Date | string) => new Date(value).toISOString();

export interface StaffMemberView {
	userId: string;
	name: string;
	email: string | null;
	/** ISO time of the person's first role here. */
	since: string;
	roles: { membershipId: string; role: MunicipalityRole; department: string | null }[];
	/** The department of the colleague's role, when the person has one here. */
	department: string | null;
	isSelf: boolean;
}

export function presentStaffMember(
	row: {
		userId: string;
		name: string;
		email: string | null;
		since: Date | string;
		roles: { id: string; role: MunicipalityRole; department?: string | null }[];
	},
	selfId: string
): StaffMemberView {
	const roles = sortRoles(row.roles).map((r) => ({
		membershipId: r.id,
		role: r.role,
		department: r.role === 'colleague' ? (r.department ?? null) : null
	}));
	return {
		userId: row.userId,
		name: row.name,
		email: row.email,
		since: iso(row.since),
		roles,
		department: roles.find((r) => r.role === 'colleague')?.department ?? null,
		isSelf: row.userId === selfId
	};
}

export interface InvitationView {
	id: string;
	email: string;
	role: MunicipalityRole;
	department: string | null;
	invitedBy: string | null;
	createdAt: string;
}

export function presentInvitation(row: {
	id: string;
	email: string;
	role: MunicipalityRole;
	department: string | null;
	invitedBy: string | null;
	createdAt: Date;
}): InvitationView {
	return {
		id: row.id,
		email: row.email,
		role: row.role,
		department: row.department,
		invitedBy: row.invitedBy,
		createdAt: iso(row.createdAt)
	};
}

/** One line of a removal to confirm: a role of a person, or a pending invitation. */
export interface RemovalItem {
	kind: 'role' | 'invitation';
	id: string;
	/** The person whose role it is; null for an invitation (nobody has an account yet). */
	personId: string | null;
	name: string;
	email: string | null;
	role: MunicipalityRole;
	isSelf: boolean;
}

export interface AuditEntryView {
	id: number;
	/** ISO time; the page writes it in Belgian time. */
	at: string;
	actorName: string;
	action: string;
	actionLabel: string;
	subjectName: string | null;
	summary: string;
}

function label(locale: Locale, key: string, fallback: string): string {
	const text = translate(locale, key as MessageKey);
	return text === key ? fallback : text;
}

function roleText(locale: Locale, value: unknown): string {
	return typeof value === 'string' ? label(locale, `backoffice.roles.${value}`, value) : '';
}

/** A short Dutch sentence about what changed, from the details the use case recorded. */
export function describeAuditDetails(locale: Locale, details: unknown): string {
	if (!details || typeof details !== 'object') return '';
	const d = details as Record<string, unknown>;
	const parts: string[] = [];
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	if (typeof d.role === 'string')
		parts.push(t('backoffice.audit.detail.role', { role: roleText(locale, d.role) }));
	if (typeof d.department === 'string')
		parts.push(t('backoffice.audit.detail.department', { department: d.department }));
	if (typeof d.email === 'string') parts.push(t('backoffice.audit.detail.email', { email: d.email }));
	const list = (value: unknown) =>
		Array.isArray(value) ? value.map((r) => roleText(locale, r)).join(', ') : '';
	if (Array.isArray(d.added) && d.added.length)
		parts.push(t('backoffice.audit.detail.added', { roles: list(d.added) }));
	if (Array.isArray(d.removed) && d.removed.length)
		parts.push(t('backoffice.audit.detail.removed', { roles: list(d.removed) }));
	if (Array.isArray(d.changed) && d.changed.length)
		parts.push(
			t('backoffice.audit.detail.changed', {
				fields: d.changed
					.map((f) => (typeof f === 'string' ? label(locale, `backoffice.audit.field.${f}`, f) : ''))
					.join(', ')
			})
		);
	if (typeof d.name === 'string') parts.push(t('backoffice.audit.detail.name', { name: d.name }));
	if (typeof d.previousName === 'string')
		parts.push(t('backoffice.audit.detail.previousName', { name: d.previousName }));
	if (typeof d.kind === 'string') parts.push(label(locale, `backoffice.audit.statement.${d.kind}`, d.kind));
	if (typeof d.municipality === 'string')
		parts.push(t('backoffice.audit.detail.municipality', { name: d.municipality }));
	if (typeof d.participating === 'boolean')
		parts.push(
			t(
				d.participating
					? 'backoffice.audit.detail.participatingOn'
					: 'backoffice.audit.detail.participatingOff'
			)
		);
	return parts.join(' · ');
}

export function presentAuditEntry(
	locale: Locale,
	row: {
		id: number;
		actorName: string;
		action: string;
		subjectName: string | null;
		details: unknown;
		createdAt: Date;
	}
): AuditEntryView {
	return {
		id: row.id,
		at: iso(row.createdAt),
		actorName: row.actorName,
		action: row.action,
		actionLabel: auditActionLabel(locale, row.action),
		subjectName: row.subjectName,
		summary: describeAuditDetails(locale, row.details)
	};
}

export function auditActionLabel(locale: Locale, action: string): string {
	return label(locale, `backoffice.audit.action.${action}`, action);
}
