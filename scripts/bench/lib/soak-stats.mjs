// The arithmetic of the soak (lib/soak.mjs), kept free of I/O so it can be unit-tested: latency figures of
// one interval, and whether the app's memory levelled off.

/** The nearest-rank percentile of numbers sorted ascending; 0 for none. */
export function percentile(sorted, p) {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Requests, errors and latency (p50, p99, max in ms) of one interval's records ({ ms, error }). */
export function intervalStats(records) {
	const latencies = records.map((r) => r.ms).sort((a, b) => a - b);
	return {
		requests: records.length,
		errors: records.filter((r) => r.error).length,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		maxMs: latencies.at(-1) ?? 0
	};
}

/** Least-squares slope of y over x (points [{ x, y }]); 0 for fewer than two distinct x. */
export function slope(points) {
	const n = points.length;
	if (n < 2) return 0;
	const mx = points.reduce((s, p) => s + p.x, 0) / n;
	const my = points.reduce((s, p) => s + p.y, 0) / n;
	let sxy = 0;
	let sxx = 0;
	for (const p of points) {
		sxy += (p.x - mx) * (p.y - my);
		sxx += (p.x - mx) ** 2;
	}
	return sxx === 0 ? 0 : sxy / sxx;
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return 0;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The levelling-off rule, fixed before any run: the first half of a soak is allowed to grow (code compiled on
 * first use, caches and the database's buffers filling); after that memory must stay flat. Both must hold:
 *   - the least-squares slope of RSS over the second half of the run is at most `maxSlopeMbPerMin`
 *     (default 1 MB/min: a steady climb that size would be 1.4 GB a day, and gets caught);
 *   - the median RSS of the last third is at most `maxThirdGrowth` (default 5 %) above the median of the
 *     middle third (medians, so one garbage-collection peak does not decide).
 *
 * @param {{ tS: number, rssBytes: number }[]} samples memory samples in time order (seconds since start)
 */
export function memoryLevelsOff(samples, { maxSlopeMbPerMin = 1, maxThirdGrowth = 0.05 } = {}) {
	if (samples.length < 6)
		return { pass: false, reason: `only ${samples.length} memory samples`, samples: samples.length };
	const start = samples[0].tS;
	const end = samples.at(-1).tS;
	const span = end - start;
	const mb = (bytes) => bytes / 1024 / 1024;
	const secondHalf = samples.filter((s) => s.tS >= start + span / 2);
	const slopeMbPerMin = slope(secondHalf.map((s) => ({ x: s.tS / 60, y: mb(s.rssBytes) })));
	const middle = samples.filter((s) => s.tS >= start + span / 3 && s.tS < start + (2 * span) / 3);
	const last = samples.filter((s) => s.tS >= start + (2 * span) / 3);
	const middleMb = median(middle.map((s) => mb(s.rssBytes)));
	const lastMb = median(last.map((s) => mb(s.rssBytes)));
	const thirdGrowth = middleMb > 0 ? lastMb / middleMb - 1 : 0;
	const slopeOk = slopeMbPerMin <= maxSlopeMbPerMin;
	const thirdsOk = thirdGrowth <= maxThirdGrowth;
	const reasons = [];
	if (!slopeOk)
		reasons.push(
			`RSS still climbing over the second half: ${slopeMbPerMin.toFixed(2)} MB/min > ${maxSlopeMbPerMin} MB/min`
		);
	if (!thirdsOk)
		reasons.push(
			`median RSS of the last third ${lastMb.toFixed(0)} MB is ${(thirdGrowth * 100).toFixed(1)} % above ` +
				`the middle third's ${middleMb.toFixed(0)} MB (at most ${(maxThirdGrowth * 100).toFixed(0)} %)`
		);
	return {
		pass: slopeOk && thirdsOk,
		reason: reasons.join('; '),
		samples: samples.length,
		slopeMbPerMin,
		maxSlopeMbPerMin,
		middleThirdMedianMb: middleMb,
		lastThirdMedianMb: lastMb,
		thirdGrowth,
		maxThirdGrowth
	};
}
