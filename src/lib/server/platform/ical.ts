// iCalendar (RFC 5545) text for events: single-event invitations for mails (iTIP, RFC 5546) and feeds that
// calendar apps subscribe to. Pure: plain objects in, text out; no database, no clock unless `now` is left out.
//
// Written here rather than taken from npm: we need three shapes (REQUEST, CANCEL, PUBLISH) in one time zone,
// and the parts that go wrong by hand (escaping, folding at 75 octets without splitting a UTF-8 character,
// a VTIMEZONE that calendar apps accept) are small and tested against an independent parser (ical.js) in
// ical.test.ts. ical-generator would still need a second package for the VTIMEZONE and a server dependency.
import { withoutControlCharacters } from './control-characters';

/** Every event's wall-clock time is written in this zone, with the VTIMEZONE below. */
export const CALENDAR_TIME_ZONE = 'Europe/Brussels';

/** One event as a calendar sees it; the caller has already chosen the words (Dutch, from the catalogue). */
export interface CalendarEvent {
	/** Stable across every version of the event: `eventUid(id)`. */
	uid: string;
	/** Raised by the owner each time date, time or place changes (RFC 5545 SEQUENCE); starts at 0. */
	sequence: number;
	start: Date;
	end: Date;
	summary: string;
	description?: string | null;
	/** Venue and address on one line, or the word for "online". */
	location?: string | null;
	/** The event's page. */
	url?: string | null;
	geo?: { lat: number; lon: number } | null;
	/** `tentative` marks, for example, a place on the waitlist in a person's own feed. */
	status: 'confirmed' | 'tentative' | 'cancelled';
	/** When the event was last changed (LAST-MODIFIED). */
	updatedAt?: Date | null;
	/** ORGANIZER; in an invitation it is required (iTIP). */
	organizer?: CalendarPerson | null;
	categories?: string[];
}

export interface CalendarPerson {
	name?: string | null;
	email: string;
}

export interface CalendarAttendee extends CalendarPerson {
	/** ACCEPTED for a confirmed registration, TENTATIVE for a place on the waitlist. */
	partstat: 'ACCEPTED' | 'TENTATIVE' | 'NEEDS-ACTION' | 'DECLINED';
}

export interface InvitationOptions {
	/** Defaults to the event's organizer. */
	organizer?: CalendarPerson;
	attendee: CalendarAttendee;
	/**
	 * REQUEST adds or updates the event in the attendee's calendar; CANCEL removes it. Defaults to CANCEL for a
	 * cancelled event, REQUEST otherwise. Pass CANCEL for a live event to take it out of the calendar of one
	 * person who cancelled their own registration.
	 */
	method?: 'REQUEST' | 'CANCEL';
	/** DTSTAMP: when this message was made. */
	now?: Date;
}

export interface FeedOptions {
	/** X-WR-CALNAME and NAME: what the calendar app shows as the subscription's name. */
	name: string;
	description?: string | null;
	events: CalendarEvent[];
	/** How often apps should fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL); 60 minutes unless told. */
	refreshMinutes?: number;
	now?: Date;
}

const PRODID = '-//Meedoen//Meedoen activiteiten//NL';

/** The UID of an event in every invitation and feed: the same for all its versions, unique across systems. */
export function eventUid(eventId: string): string {
	return `${eventId}@meedoen`;
}

/** A single-event calendar for a mail attachment (`text/calendar; method=REQUEST` or `CANCEL`). */
export function invitationCalendar(event: CalendarEvent, options: InvitationOptions): string {
	const method = options.method ?? (event.status === 'cancelled' ? 'CANCEL' : 'REQUEST');
	const organizer = options.organizer ?? event.organizer;
	if (!organizer) throw new Error('An invitation needs an organizer (RFC 5546)');
	const status = method === 'CANCEL' ? 'cancelled' : event.status;
	return calendar(
		[`METHOD:${method}`],
		[{ ...event, status, organizer }],
		options.now ?? new Date(),
		options.attendee
	);
}

/** A calendar to subscribe to: every event of the list, METHOD:PUBLISH. */
export function feedCalendar(options: FeedOptions): string {
	const refresh = `PT${options.refreshMinutes ?? 60}M`;
	const head = [
		'METHOD:PUBLISH',
		`NAME:${escapeText(options.name)}`,
		`X-WR-CALNAME:${escapeText(options.name)}`,
		`X-WR-TIMEZONE:${CALENDAR_TIME_ZONE}`,
		`REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
		`X-PUBLISHED-TTL:${refresh}`
	];
	if (options.description) {
		head.push(`DESCRIPTION:${escapeText(options.description)}`);
		head.push(`X-WR-CALDESC:${escapeText(options.description)}`);
	}
	return calendar(head, options.events, options.now ?? new Date());
}

/** The media type of a calendar for a mail part or a response. */
export function calendarContentType(method?: 'REQUEST' | 'CANCEL' | 'PUBLISH'): string {
	return `text/calendar; charset=utf-8${method ? `; method=${method}` : ''}`;
}

function calendar(head: string[], events: CalendarEvent[], now: Date, attendee?: CalendarAttendee): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${PRODID}`,
		'CALSCALE:GREGORIAN',
		...head,
		...VTIMEZONE_BRUSSELS
	];
	const stamp = utcStamp(now);
	for (const event of events) lines.push(...vevent(event, stamp, attendee));
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}

function vevent(event: CalendarEvent, stamp: string, attendee?: CalendarAttendee): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${stamp}`,
		`SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
		`DTSTART;TZID=${CALENDAR_TIME_ZONE}:${brusselsLocalStamp(event.start)}`,
		`DTEND;TZID=${CALENDAR_TIME_ZONE}:${brusselsLocalStamp(event.end)}`,
		`SUMMARY:${escapeText(event.summary)}`,
		`STATUS:${event.status.toUpperCase()}`,
		// Registered people block the time; a cancelled event no longer does.
		`TRANSP:${event.status === 'cancelled' ? 'TRANSPARENT' : 'OPAQUE'}`
	];
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.geo) lines.push(`GEO:${event.geo.lat.toFixed(6)};${event.geo.lon.toFixed(6)}`);
	if (event.url) lines.push(`URL:${uri(event.url)}`);
	if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
	if (event.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(event.updatedAt)}`);
	if (event.organizer) lines.push(`ORGANIZER${cn(event.organizer)}:${mailto(event.organizer.email)}`);
	if (attendee) {
		lines.push(
			`ATTENDEE${cn(attendee)};ROLE=REQ-PARTICIPANT;PARTSTAT=${attendee.partstat};RSVP=FALSE:${mailto(attendee.email)}`
		);
	}
	lines.push('END:VEVENT');
	return lines;
}

/**
 * Europe/Brussels since 1996: the EU rule, summer time from the last Sunday of March 02:00 (CET) to the last
 * Sunday of October 03:00 (CEST). Every event the platform holds is after 1996.
 */
const VTIMEZONE_BRUSSELS = [
	'BEGIN:VTIMEZONE',
	`TZID:${CALENDAR_TIME_ZONE}`,
	`X-LIC-LOCATION:${CALENDAR_TIME_ZONE}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month: when the EU changes the clocks (month 0-based). */
function lastSundayAtOneUtc(year: number, month: number): number {
	const lastDay = new Date(Date.UTC(year, month + 1, 0));
	return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The wall-clock time in Brussels as a DATE-TIME without zone letter: 20260910T193000. Computed from the same
 * EU rule as the VTIMEZONE above (so the two cannot disagree), without Intl, which costs ten times more per
 * call in a feed of thousands of events; ical.test.ts holds it against Intl's Europe/Brussels.
 */
export function brusselsLocalStamp(date: Date): string {
	const t = date.getTime();
	const year = date.getUTCFullYear();
	const summer = t >= lastSundayAtOneUtc(year, 2) && t < lastSundayAtOneUtc(year, 9);
	const local = new Date(t + (summer ? 2 : 1) * HOUR);
	return (
		String(local.getUTCFullYear()).padStart(4, '0') +
		two(local.getUTCMonth() + 1) +
		two(local.getUTCDate()) +
		'T' +
		two(local.getUTCHours()) +
		two(local.getUTCMinutes()) +
		two(local.getUTCSeconds())
	);
}

function two(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

/** UTC DATE-TIME with Z: 20261205T115300Z. */
function utcStamp(date: Date): string {
	return date
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

/** TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; control characters dropped. */
export function escapeText(text: string): string {
	return withoutControlCharacters(text).replace(/\r\n?|[\n\t\\;,]/g, (c) =>
		c === '\t' ? ' ' : c === '\\' || c === ';' || c === ',' ? `\\${c}` : '\\n'
	);
}

/** A parameter value (CN): quoted when it holds : ; or , — double quotes and line breaks cannot be written. */
function paramValue(text: string): string {
	const clean = withoutControlCharacters(text).replace(/[\r\n\t"]/g, ' ');
	return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function cn(person: CalendarPerson): string {
	return person.name ? `;CN=${paramValue(person.name)}` : '';
}

function mailto(email: string): string {
	return `mailto:${uri(email)}`;
}

/** A URI value is not escaped like text; line breaks in one would break the line structure. */
function uri(value: string): string {
	return withoutControlCharacters(value).replace(/[\r\n\t ]/g, '');
}

// eslint-disable-next-line no-control-regex -- ASCII is U+0000 to U+007F
const NON_ASCII = /[^\u0000-\u007f]/;

/** Content lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
export function fold(line: string): string {
	if (!NON_ASCII.test(line)) {
		// One octet per character: cut every 75, then every 74 (the continuation's space counts).
		if (line.length <= 75) return line;
		const parts = [line.slice(0, 75)];
		for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
		return parts.join('\r\n ');
	}
	// A UTF-16 unit is at most 3 octets of UTF-8 (a surrogate pair, two units, is 4).
	if (line.length <= 25) return line;
	const parts: string[] = [];
	let from = 0;
	let octets = 0;
	let limit = 75;
	for (let i = 0; i < line.length;) {
		const code = line.charCodeAt(i);
		const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
		const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
		if (octets + size > limit) {
			parts.push(line.slice(from, i));
			from = i;
			octets = 0;
			limit = 74;
		}
		octets += size;
		i += pair ? 2 : 1;
	}
	parts.push(line.slice(from));
	return parts.join('\r\n ');
}
