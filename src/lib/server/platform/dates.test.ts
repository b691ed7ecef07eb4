// The Brussels day of an instant around midnight, in winter (UTC+1), in summer (UTC+2) and on the nights the
// clock changes (the last Sunday of March at 02:00 → 03:00, of October at 03:00 → 02:00).
import { describe, expect, it } from 'vitest';
import { brusselsDay } from './dates';

describe('brusselsDay', () => {
	it('turns at midnight in Brussels, an hour before UTC in winter and two in summer', () => {
		expect(brusselsDay(new Date('2026-01-14T22:59:59Z'))).toBe('2026-01-14');
		expect(brusselsDay(new Date('2026-01-14T23:00:00Z'))).toBe('2026-01-15');
		expect(brusselsDay(new Date('2026-07-31T21:59:59Z'))).toBe('2026-07-31');
		expect(brusselsDay(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08-01');
		expect(brusselsDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
	});

	it('keeps the day right around the spring change (last Sunday of March)', () => {
		// Saturday 28 March 2026 ends at 23:00 UTC (still winter time); the clock jumps at 01:00 UTC on the 29th.
		expect(brusselsDay(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
		expect(brusselsDay(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
		expect(brusselsDay(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
		expect(brusselsDay(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29');
		// That Sunday has 23 hours: it ends at 22:00 UTC (summer time).
		expect(brusselsDay(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
		expect(brusselsDay(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
	});

	it('keeps the day right around the autumn change (last Sunday of October)', () => {
		// Saturday 24 October 2026 ends at 22:00 UTC (still summer time); the clock goes back at 01:00 UTC on the 25th.
		expect(brusselsDay(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
		expect(brusselsDay(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
		expect(brusselsDay(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25');
		expect(brusselsDay(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25');
		// That Sunday has 25 hours: it ends at 23:00 UTC (winter time).
		expect(brusselsDay(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
		expect(brusselsDay(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
	});

	it('is today in Brussels without an instant', () => {
		const before = brusselsDay(new Date());
		const today = brusselsDay();
		expect([before, brusselsDay(new Date())]).toContain(today);
		expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});
