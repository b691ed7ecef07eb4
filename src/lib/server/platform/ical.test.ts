// The calendar text is read back by an independent parser (ical.js, the one Thunderbird uses): what a
// calendar app would show is what we meant, across the daylight-saving change too.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
	brusselsLocalStamp,
	eventUid,
	feedCalendar,
	fold,
	invitationCalendar,
	type CalendarEvent
} from './ical';

const now = new Date('2026-09-01T08:00:00Z');

function workingGroup(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
	return {
		uid: eventUid('0b7d3c1e-5a1f-4c39-9d59-2f1f6f3b9a01'),
		sequence: 0,
		start: new Date('2026-09-10T17:30:00Z'),
		end: new Date('2026-09-10T19:30:00Z'),
		summary: 'Werkgroep Klimaatmakers',
		description: 'We kiezen drie plaatsen om te ontharden.',
		location: 'Ontmoetingscentrum De Werft, Werft 32, 2440 Geel',
		url: 'https://meedoen.example/geel/activiteiten/werkgroep',
		status: 'confirmed',
		organizer: { name: 'Gemeente Geel', email: 'noreply@meedoen.example' },
		...overrides
	};
}

const attendee = { name: 'An Peeters', email: 'an@example.org', partstat: 'ACCEPTED' } as const;

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const vevents = calendar.getAllSubcomponents('vevent');
	return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

describe('invitationCalendar', () => {
	it('is a REQUEST with organizer, attendee, UID and SEQUENCE that a parser reads back', () => {
		const text = invitationCalendar(workingGroup({ sequence: 3 }), { attendee, now });
		const { calendar, vevents, events } = parse(text);

		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(events).toHaveLength(1);
		expect(events[0]!.uid).toBe('0b7d3c1e-5a1f-4c39-9d59-2f1f6f3b9a01@meedoen');
		expect(events[0]!.sequence).toBe(3);
		expect(vevents[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(events[0]!.organizer).toBe('mailto:noreply@meedoen.example');
		const att = vevents[0]!.getFirstProperty('attendee')!;
		expect(att.getFirstValue()).toBe('mailto:an@example.org');
		expect(att.getParameter('cn')).toBe('An Peeters');
		expect(att.getParameter('partstat')).toBe('ACCEPTED');
		expect(String(vevents[0]!.getFirstPropertyValue('dtstamp'))).toBe('2026-09-01T08:00:00Z');
	});

	it('keeps the UID of the event across versions and raises nothing itself', () => {
		const first = parse(invitationCalendar(workingGroup({ sequence: 0 }), { attendee, now })).events[0]!;
		const moved = parse(
			invitationCalendar(
				workingGroup({
					sequence: 1,
					start: new Date('2026-09-17T17:30:00Z'),
					end: new Date('2026-09-17T19:30:00Z')
				}),
				{ attendee, now }
			)
		).events[0]!;
		expect(moved.uid).toBe(first.uid);
		expect([first.sequence, moved.sequence]).toEqual([0, 1]);
	});

	it('is a CANCEL with STATUS:CANCELLED for a cancelled event', () => {
		const text = invitationCalendar(workingGroup({ status: 'cancelled', sequence: 2 }), { attendee, now });
		const { calendar, vevents, events } = parse(text);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(vevents[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(events[0]!.sequence).toBe(2);
		expect(events[0]!.uid).toBe(eventUid('0b7d3c1e-5a1f-4c39-9d59-2f1f6f3b9a01'));
	});

	it('takes a live event out of one person’s calendar with method CANCEL', () => {
		const { calendar, vevents } = parse(
			invitationCalendar(workingGroup(), { attendee, now, method: 'CANCEL' })
		);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(vevents[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
	});

	it('refuses an invitation without an organizer', () => {
		expect(() => invitationCalendar(workingGroup({ organizer: null }), { attendee, now })).toThrow(
			/organizer/
		);
	});

	it('quotes a name with a comma in the CN parameter', () => {
		const text = invitationCalendar(workingGroup(), {
			attendee: { name: 'Peeters, An', email: 'an@example.org', partstat: 'TENTATIVE' },
			now
		});
		const att = parse(text).vevents[0]!.getFirstProperty('attendee')!;
		expect(att.getParameter('cn')).toBe('Peeters, An');
		expect(att.getParameter('partstat')).toBe('TENTATIVE');
	});
});

describe('text round trip', () => {
	it('reads back summary, description and location with commas, semicolons, newlines, backslashes and é, ë', () => {
		const summary = 'Plantdag; Geel-Oost, met koffie — café “De Linde” ë';
		const description =
			'Breng mee:\n- een spade, handschoenen;\n- laarzen\r\nC:\\pad\\niet\nTot dan! Zoë & René';
		const location = 'Parochiezaal Sint-Dimpna, Markt 1; 2440 Geel, België';
		const { events } = parse(
			feedCalendar({ name: 'Geel', events: [workingGroup({ summary, description, location })], now })
		);
		expect(events[0]!.summary).toBe(summary);
		expect(events[0]!.description).toBe(description.replace(/\r\n/g, '\n'));
		expect(events[0]!.location).toBe(location);
	});

	it('folds lines longer than 75 octets with CRLF and a space, never inside a character, and unfolds to the same text', () => {
		const description = 'Ontharding en vergroening van het pleintje aan de Kerkstraat: é'.repeat(12);
		const text = feedCalendar({ name: 'Geel', events: [workingGroup({ description })], now });
		const lines = text.split('\r\n');
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
		expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
		// every folded piece is valid UTF-8 on its own: no character was cut
		for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
		expect(parse(text).events[0]!.description).toBe(description);
	});

	it('folds a line of two-, three- and four-octet characters within 75 octets each', () => {
		const line = 'DESCRIPTION:' + 'ë€😀'.repeat(40);
		const folded = fold(line).split('\r\n');
		for (const piece of folded) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
		expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
	});
});

describe('time zone', () => {
	// 24 October 2026 is the Saturday before the last Sunday of October (the 25th, when summer time ends).
	const beforeChange = workingGroup({
		uid: eventUid('before'),
		start: new Date('2026-10-24T17:30:00Z'),
		end: new Date('2026-10-24T19:30:00Z')
	});
	const afterChange = workingGroup({
		uid: eventUid('after'),
		start: new Date('2026-10-31T18:30:00Z'),
		end: new Date('2026-10-31T20:30:00Z')
	});

	it('writes 19:30 Europe/Brussels on both sides of the change and the parser finds 17:30Z and 18:30Z from our VTIMEZONE', () => {
		const text = feedCalendar({ name: 'Geel', events: [beforeChange, afterChange], now });
		const { calendar, events } = parse(text);
		expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
			'Europe/Brussels'
		]);
		for (const event of events) {
			expect(event.startDate.zone?.tzid).toBe('Europe/Brussels');
			expect([event.startDate.hour, event.startDate.minute]).toEqual([19, 30]);
		}
		expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
			'2026-10-24T17:30:00.000Z',
			'2026-10-31T18:30:00.000Z'
		]);
		expect(events.map((e) => e.endDate.toJSDate().toISOString())).toEqual([
			'2026-10-24T19:30:00.000Z',
			'2026-10-31T20:30:00.000Z'
		]);
	});

	it('gets the spring change right too (last Sunday of March)', () => {
		const saturday = workingGroup({
			start: new Date('2027-03-27T18:30:00Z'),
			end: new Date('2027-03-27T20:30:00Z')
		});
		const sunday = workingGroup({
			start: new Date('2027-03-28T17:30:00Z'),
			end: new Date('2027-03-28T19:30:00Z')
		});
		const { events } = parse(feedCalendar({ name: 'Geel', events: [saturday, sunday], now }));
		expect(events.map((e) => [e.startDate.hour, e.startDate.minute])).toEqual([
			[19, 30],
			[19, 30]
		]);
		expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
			'2027-03-27T18:30:00.000Z',
			'2027-03-28T17:30:00.000Z'
		]);
	});
});

describe('brusselsLocalStamp', () => {
	const intl = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23'
	});
	const viaIntl = (date: Date) => {
		const p = Object.fromEntries(intl.formatToParts(date).map((x) => [x.type, x.value]));
		return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
	};

	it('agrees with the time zone database every 7 h 13 min from 2000 to 2045', () => {
		const step = (7 * 60 + 13) * 60_000;
		const mismatches: string[] = [];
		for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2045, 0, 1); t += step) {
			const date = new Date(t);
			if (brusselsLocalStamp(date) !== viaIntl(date)) mismatches.push(date.toISOString());
		}
		expect(mismatches).toEqual([]);
	});

	it('agrees minute by minute around every change of the clocks from 2024 to 2035', () => {
		const mismatches: string[] = [];
		for (let year = 2024; year <= 2035; year++) {
			for (const month of [2, 9]) {
				const last = new Date(Date.UTC(year, month + 1, 0));
				const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
				for (let t = change - 90 * 60_000; t <= change + 90 * 60_000; t += 60_000) {
					const date = new Date(t);
					if (brusselsLocalStamp(date) !== viaIntl(date)) mismatches.push(date.toISOString());
				}
			}
		}
		expect(mismatches).toEqual([]);
	});
});

describe('feedCalendar', () => {
	it('publishes many events under the calendar’s name', () => {
		const events = Array.from({ length: 3 }, (_, i) =>
			workingGroup({ uid: eventUid(`e${i}`), summary: `Werkgroep ${i + 1}` })
		);
		const text = feedCalendar({ name: 'Activiteiten in Geel, Meedoen', events, now, refreshMinutes: 30 });
		const { calendar, events: parsed } = parse(text);
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		// ical.js does not know X-WR-CALNAME, so it is read with the parser's own TEXT rule, as calendar apps do
		const calname = String(calendar.getFirstPropertyValue('x-wr-calname'));
		expect(ICAL.design.icalendar.value.text.fromICAL!(calname)).toBe('Activiteiten in Geel, Meedoen');
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(parsed.map((e) => e.uid)).toEqual(['e0@meedoen', 'e1@meedoen', 'e2@meedoen']);
		expect(parsed.map((e) => e.summary)).toEqual(['Werkgroep 1', 'Werkgroep 2', 'Werkgroep 3']);
		expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT30M');
		expect(parsed[0]!.component.getFirstProperty('attendee')).toBeNull();
	});

	it('is a valid calendar with no events at all', () => {
		const { calendar, events } = parse(feedCalendar({ name: 'Leeg', events: [], now }));
		expect(calendar.name).toBe('vcalendar');
		expect(events).toEqual([]);
	});

	it('marks a tentative event (a place on the waitlist) as TENTATIVE', () => {
		const { vevents } = parse(
			feedCalendar({ name: 'Mijn agenda', events: [workingGroup({ status: 'tentative' })], now })
		);
		expect(vevents[0]!.getFirstPropertyValue('status')).toBe('TENTATIVE');
	});
});
