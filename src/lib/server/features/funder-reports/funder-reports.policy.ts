// Who may do what with a funder's reporting programme: the one place these rules live. Nothing of it is public.
// - The region's admins define programmes, name reviewers and see every report of their region.
// - The submitter fills: for a programme submitted per municipality, that municipality's staff who steer its
//   content (content.moderate: moderators and admins, and the region's admins); for one the region submits as
//   project holder, the region's admins.
// - The municipality's staff who read its dashboards (dashboard.view) see its reports and their verdicts.
// - Only the people named as reviewers of the programme judge its reports (a reviewer of another programme
//   judges nothing here); a reviewer reads the reports they judge, once submitted (never a draft).
// Staff of another municipality get nothing: the service answers "not found" before reading a report.
import { can, canManageRegion, type Actor } from '$lib/server/platform/policy';

export interface ProgrammeRef {
	regionId: string;
	submitter: 'municipality' | 'region';
	/** The user ids named as reviewers of this programme. */
	reviewerIds: readonly string[];
}

export type ReportStatus = 'draft' | 'submitted' | 'reviewed';

/** A report's submitter: a municipality of the programme's region, or null for the region itself. */
export type SubmitterRef = { municipalityId: string } | null;

export function mayDefineProgrammes(actor: Actor | null, regionId: string): boolean {
	return canManageRegion(actor, regionId);
}

export function isReviewer(actor: Actor | null, programme: ProgrammeRef): boolean {
	return Boolean(actor && programme.reviewerIds.includes(actor.userId));
}

export function mayFillReport(
	actor: Actor | null,
	programme: ProgrammeRef,
	submitter: SubmitterRef
): boolean {
	if (!actor) return false;
	if (programme.submitter === 'region')
		return submitter === null && canManageRegion(actor, programme.regionId);
	if (submitter === null) return false;
	return can(actor, 'content.moderate', {
		municipalityId: submitter.municipalityId,
		regionId: programme.regionId
	});
}

/** The region's admins and the submitter's staff who read its dashboards: every report of it, drafts included. */
function readsEveryReport(actor: Actor, programme: ProgrammeRef, submitter: SubmitterRef): boolean {
	if (canManageRegion(actor, programme.regionId)) return true;
	if (submitter === null) return false;
	return can(actor, 'dashboard.view', {
		municipalityId: submitter.municipalityId,
		regionId: programme.regionId
	});
}

/** Whether the actor sees this submitter's reports of the programme at all (its list, its page). */
export function mayReadProgrammeReports(
	actor: Actor | null,
	programme: ProgrammeRef,
	submitter: SubmitterRef
): boolean {
	if (!actor) return false;
	return readsEveryReport(actor, programme, submitter) || isReviewer(actor, programme);
}

/**
 * One report: its submitter's readers and the region's admins read it in every state; a named reviewer only
 * once it is submitted (a draft is the submitter's work in progress, not yet for the funder's eyes).
 */
export function mayReadReport(
	actor: Actor | null,
	programme: ProgrammeRef,
	submitter: SubmitterRef,
	status: ReportStatus
): boolean {
	if (!actor) return false;
	if (readsEveryReport(actor, programme, submitter)) return true;
	return status !== 'draft' && isReviewer(actor, programme);
}

export function mayJudgeReport(actor: Actor | null, programme: ProgrammeRef): boolean {
	return isReviewer(actor, programme);
}
