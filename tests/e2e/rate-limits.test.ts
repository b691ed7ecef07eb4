// Over real HTTP against the built server: a signed-in citizen who keeps voting is stopped with a 429 problem
// document in Dutch that says when to try again (Retry-After), and the refused votes change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInOverHttp, removeDataDir, startServer, type RunningServer } from './support';

/** The vote limit of suggestions.contribute.schemas.ts (RATE_LIMITS.votes): 60 a minute per person. */
const VOTES_PER_MINUTE = 60;

let server: RunningServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDataDir(server.dataDir);
});

/** A listed suggestion of Geel's demo that takes votes without a vote limit (the roofs for solar panels). */
async function votableSuggestion(): Promise<number> {
	const actions = (await (
		await fetch(`${server.url}/api/v1/municipalities/geel/actions?limit=100`)
	).json()) as { data: { id: number }[] };
	for (const action of actions.data) {
		const detail = (await (await fetch(`${server.url}/api/v1/actions/${action.id}`)).json()) as {
			data: { opportunities: { id: number; kind: string; title: string }[] };
		};
		const found = detail.data.opportunities.find(
			(o) => o.kind === 'mapSuggestions' && o.title === 'Daken die geschikt zijn voor zonnepanelen'
		);
		if (!found) continue;
		const listed = (await (
			await fetch(`${server.url}/api/v1/opportunities/${found.id}/suggestions?limit=1`)
		).json()) as { data: { id: number }[] };
		return listed.data[0]!.id;
	}
	throw new Error('no opportunity for solar roofs in the demo of Geel');
}

describe('rate limits of the running server', () => {
	it('answers the vote past the limit with 429, a Dutch problem document and Retry-After', async () => {
		const suggestionId = await votableSuggestion();
		const voter = await logInOverHttp(server, 'dev-citizen-olen');
		const url = new URL(`/api/v1/suggestions/${suggestionId}/vote`, server.url);
		const vote = () =>
			fetch(url, { method: 'PUT', headers: { origin: server.url, cookie: voter.header(url) } });
		const stored = async () => {
			const page = new URL(`/api/v1/suggestions/${suggestionId}`, server.url);
			const response = await fetch(page, { headers: { cookie: voter.header(page) } });
			return ((await response.json()) as { data: { votes: number } }).data.votes;
		};

		// The windows are fixed minutes: should a minute end during the loop, the count starts again once, so
		// the refusal comes at the latest after two full windows. No clock is waited for.
		let allowed = 0;
		const counts = new Set<number>();
		let refused: Response | undefined;
		while (!refused && allowed <= 2 * VOTES_PER_MINUTE) {
			const response = await vote();
			if (response.status === 429) refused = response;
			else {
				expect(response.status).toBe(200);
				const body = (await response.json()) as { voted: boolean; voteCount: number };
				expect(body.voted).toBe(true);
				counts.add(body.voteCount);
				allowed++;
			}
		}
		if (!refused) throw new Error(`no 429 after ${allowed} votes`);
		expect(allowed).toBeGreaterThanOrEqual(VOTES_PER_MINUTE);
		expect(refused.headers.get('content-type')).toContain('application/problem+json');
		const retryAfter = refused.headers.get('retry-after');
		expect(retryAfter).toMatch(/^\d+$/);
		expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
		expect(Number(retryAfter)).toBeLessThanOrEqual(60);
		expect(await refused.json()).toMatchObject({
			status: 429,
			code: 'rate_limited',
			title: 'Je deed dit de laatste tijd al vaak. Probeer het over een tijdje opnieuw.'
		});

		// However often it was sent, the person's support counts once.
		expect(counts.size).toBe(1);
		expect(await stored()).toBe([...counts][0]);
	});
});
