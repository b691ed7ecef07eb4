// The soak's arithmetic (soak-stats.mjs): what counts as memory levelling off, and an interval's figures.
import { describe, expect, it } from 'vitest';
import { intervalStats, memoryLevelsOff, percentile, slope } from './soak-stats.mjs';

const MB = 1024 * 1024;
/** One sample every 30 s for `minutes`, RSS from `mb(minute)`. */
function run(minutes: number, mb: (minute: number) => number) {
	return Array.from({ length: minutes * 2 + 1 }, (_, i) => ({ tS: i * 30, rssBytes: mb(i / 2) * MB }));
}

describe('memoryLevelsOff', () => {
	it('passes memory that grows while warming up and then stays flat, with garbage-collection noise', () => {
		const result = memoryLevelsOff(
			run(30, (m) => (m < 10 ? 300 + 8 * m : 380) + (Math.round(m * 2) % 3) * 6)
		);
		expect(result.pass).toBe(true);
		expect(result.slopeMbPerMin).toBeLessThanOrEqual(1);
	});

	it('fails a steady climb of 2 MB a minute, and says by how much', () => {
		const result = memoryLevelsOff(run(30, (m) => 300 + 2 * m));
		expect(result.pass).toBe(false);
		expect(result.slopeMbPerMin).toBeCloseTo(2, 5);
		expect(result.reason).toContain('2.00 MB/min > 1 MB/min');
	});

	it('fails a jump in the last third even when the second half is flat at its end', () => {
		const result = memoryLevelsOff(run(30, (m) => (m < 20 ? 300 : 340)));
		expect(result.pass).toBe(false);
		expect(result.thirdGrowth).toBeCloseTo(40 / 300, 5);
	});

	it('does not judge a run with too few samples', () => {
		expect(memoryLevelsOff(run(2, () => 300).slice(0, 5)).pass).toBe(false);
	});
});

describe('intervalStats', () => {
	it('counts requests and errors and takes nearest-rank percentiles', () => {
		const records = Array.from({ length: 100 }, (_, i) => ({
			ms: i + 1,
			error: i === 99 ? 'answered 500' : null
		}));
		expect(intervalStats(records)).toEqual({ requests: 100, errors: 1, p50Ms: 50, p99Ms: 99, maxMs: 100 });
	});

	it('gives zeros for an interval without requests', () => {
		expect(intervalStats([])).toEqual({ requests: 0, errors: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
	});
});

describe('slope and percentile', () => {
	it('fits a straight line exactly', () => {
		expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 5 + 3 * x })))).toBeCloseTo(3, 10);
		expect(slope([{ x: 1, y: 2 }])).toBe(0);
	});

	it('takes the nearest rank', () => {
		expect(percentile([10, 20, 30, 40], 50)).toBe(20);
		expect(percentile([10, 20, 30, 40], 99)).toBe(40);
	});
});
