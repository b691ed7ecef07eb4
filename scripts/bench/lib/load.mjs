// One load measurement with autocannon: an optional warm-up (same connections, not counted), then the run.
import autocannon from 'autocannon';

let current = null;

/** Stops the autocannon run in progress, if any (on Ctrl-C); its promise then resolves early. */
export function stopLoad() {
	current?.stop();
}

function run(options) {
	return new Promise((resolve, reject) => {
		current = autocannon(options, (error, result) => {
			current = null;
			if (error) reject(error);
			else resolve(result);
		});
	});
}

/**
 * `request` (optional) shapes every request: `setupRequest(request, context)` is called before each one (to
 * send another person's cookie each time), `onResponse(status, body, context, headers)` after it (on the
 * measured run only). `headers` are sent with every request.
 *
 * @param {{ url: string, connections: number, duration: number, warmup: number,
 *   headers?: Record<string, string>, request?: { setupRequest?: Function, onResponse?: Function } }} options
 */
export async function measureLoad({ url, connections, duration, warmup, headers, request }) {
	const shape = (measured) => ({
		url,
		connections,
		...(headers ? { headers } : {}),
		...(request
			? {
					requests: [
						{
							...(request.setupRequest ? { setupRequest: request.setupRequest } : {}),
							...(measured && request.onResponse ? { onResponse: request.onResponse } : {})
						}
					]
				}
			: {})
	});
	// JIT, caches and connection pools settle in the first second or two; that is not the steady state.
	if (warmup > 0) await run({ ...shape(false), duration: warmup });
	const result = await run({ ...shape(true), duration });
	const completed = result.requests.total;
	const failed = result.non2xx + result.errors;
	return {
		url,
		connections,
		durationS: result.duration,
		/** 2xx answers per second: an error page served fast must not count as throughput. */
		reqPerSec: result.duration > 0 ? result['2xx'] / result.duration : 0,
		/** Every answer per second, whatever its status (autocannon's own average). */
		answersPerSec: result.requests.average,
		latencyMs: {
			p50: result.latency.p50,
			p99: result.latency.p99,
			average: result.latency.average,
			max: result.latency.max
		},
		requests: completed,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCodes: Object.fromEntries(
			Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)])
		),
		/** Share of attempts that were not a 2xx answer (non-2xx responses plus connection errors). */
		failedShare: completed + result.errors > 0 ? failed / (completed + result.errors) : 1,
		bytesPerSec: result.throughput.average
	};
}
