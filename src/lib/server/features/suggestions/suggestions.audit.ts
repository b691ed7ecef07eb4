// The audit actions of suggestions: moderation, answers, merges, blocks, settings and exports.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'suggestion.approved': true;
		'suggestion.rejected': true;
		'suggestion.comment_approved': true;
		'suggestion.comment_rejected': true;
		'suggestion.report_dismissed': true;
		'suggestion.answered': true;
		'suggestion.status_changed': true;
		'suggestion.placed': true;
		'suggestion.official_comment': true;
		'suggestion.merged': true;
		'suggestion.author_blocked': true;
		'suggestion.author_unblocked': true;
		'suggestion.settings_changed': true;
		'suggestion.exported': true;
	}
}
