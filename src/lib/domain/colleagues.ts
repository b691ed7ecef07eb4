// A colleague's page of the back office: where staff choose the actions and themes they follow as a colleague.
// Shared by the page, the notification mails (their "stop following" link) and the menu.

/** The back-office page of a municipality where staff follow actions and themes as a colleague. */
export function colleaguePagePath(municipalitySlug: string): string {
	return `/${municipalitySlug}/beheer/collega`;
}

/** What a colleague can follow, as the page names each row: `a12` an action, `t{uuid}` a theme. */
export type ColleagueSubjectKey = `a${number}` | `t${string}`;
