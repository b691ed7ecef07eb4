// The audit actions of neighbourhood stories: what staff did to a story.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		/** The text lightly edited before publication: the details name the fields. */
		'story.edited': true;
		/** On the home or as an update of an action: the details say which. */
		'story.published': true;
		/** Not published, with the reason the author reads. */
		'story.rejected': true;
		/** Taken offline again (back in the queue). */
		'story.unpublished': true;
	}
}
