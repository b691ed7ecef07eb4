// Many requests at once against running servers (the scale-out and `npm start` journeys): votes over the API
// with a session, a pool of tasks at a fixed concurrency, and waiting for a condition instead of a fixed time.

/**
 * Supports (PUT) or withdraws (DELETE) a suggestion over the API as the session's person. `origin` is the
 * platform's own (its ORIGIN), named as a browser on its page would, also when the request goes straight to
 * one node or process.
 */
export function voteOverApi(
	base: string,
	origin: string,
	token: string,
	id: number,
	method: 'PUT' | 'DELETE'
): Promise<Response> {
	return fetch(new URL(`/api/v1/suggestions/${id}/vote`, base), {
		method,
		headers: { cookie: `meedoen_session=${token}`, origin, accept: 'application/json' },
		signal: AbortSignal.timeout(30_000)
	});
}

/** Runs `task(0)` … `task(count - 1)`, `concurrency` at a time; resolves with their results in order. */
export async function pool<T>(
	count: number,
	concurrency: number,
	task: (i: number) => Promise<T>
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) {
				const i = next++;
				results[i] = await task(i);
			}
		})
	);
	return results;
}

/** Resolves once `condition` holds (asked every 100 ms); rejects, naming `what`, after `ms`. */
export async function until(condition: () => Promise<boolean>, what: string, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`${what} not ready within ${ms} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
