// How many SQL statements a signed-in request sends, per page kind, through the built server's real
// request path (SERVER_TIMING=1 puts each request's count in its Server-Timing header). The counts are
// exact: one more means an N+1 query or a per-request write came back, and should be a deliberate change
// of the number here (and of README's Performance section); one fewer is a gain to write down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/lib/server/testing/http-client';
import { readServerTiming } from '../../src/lib/server/platform/server-timing';
import { logInOverHttp, removeDataDir, startServer, type RunningServer } from './support';

/**
 * Statements of one signed-in GET, with the per-process caches warm (the municipality, its themes: read at
 * most every 10 seconds, so a busy server nearly always finds them), and with them cold (the first request
 * after a write). The session lookup is one statement; its last-seen time is written at most every 5 minutes.
 */
const STATEMENTS = {
	// Every signed-in page counts the header's bell (unread notifications): one statement.
	// Cold, one more since the home shows "Verhalen uit de buurt" (from the read cache when warm).
	home: { warm: 2, cold: 10 },
	actionList: { warm: 2, cold: 7 },
	// Cold, one more since the page shows the parts of the climate plan linked to the action (read cache when warm).
	actionPage: { warm: 3, cold: 12 },
	// The ranked page is shared (read cache) and the person's own support read beside it: one more when cold.
	opportunityByVotes: { warm: 4, cold: 8 },
	suggestionPage: { warm: 7, cold: 8 },
	profile: { warm: 5, cold: 7 },
	// One more than the page's own: the back office's menu counts what waits for moderation (its badge).
	moderationQueue: { warm: 6, cold: 8 }
} satisfies Record<string, { warm: number; cold: number }>;

type Kind = keyof typeof STATEMENTS;

let server: RunningServer;
let citizen: CookieJar;
let moderator: CookieJar;
const paths = {} as Record<Kind, string>;

/** A signed-in GET: answered 200 with a page, and how many statements it sent. */
async function statementsOf(jar: CookieJar, path: string): Promise<number> {
	const response = await jar.fetch(new URL(path, server.url));
	const body = await response.text();
	expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(200);
	expect(body).toContain('Mijn profiel');
	const timing = readServerTiming(response.headers.get('server-timing'));
	if (!timing) throw new Error(`${path}: no Server-Timing header of ours`);
	return timing.statements;
}

/** The first match of `pattern` in the page at `path` (as a visitor sees it). */
async function find(path: string, pattern: RegExp): Promise<string> {
	const html = await (await fetch(new URL(path, server.url))).text();
	const match = html.match(pattern);
	if (!match?.[1]) throw new Error(`${path}: nothing matches ${pattern}`);
	return match[1];
}

async function suggestionsOpportunity(): Promise<{ id: number; actionUrl: string }> {
	const list = (await (await fetch(`${server.url}/api/v1/municipalities/geel/actions?limit=100`)).json()) as {
		data: { id: number; url: string }[];
	};
	for (const action of list.data) {
		const detail = (await (await fetch(`${server.url}/api/v1/actions/${action.id}`)).json()) as {
			data: { opportunities: { id: number; kind: string }[] };
		};
		const found = detail.data.opportunities.find((o) => o.kind === 'mapSuggestions');
		if (found) return { id: found.id, actionUrl: action.url };
	}
	throw new Error('no opportunity with suggestions in the demo of Geel');
}

/** Any write clears the per-process caches (hooks.server.ts): a visitor starting a login is one. */
async function clearCaches() {
	const response = await new CookieJar().fetch(new URL('/aanmelden?/oidc', server.url), {
		method: 'POST',
		form: { returnTo: '/', requestId: '' }
	});
	expect(response.status).toBe(303);
}

beforeAll(async () => {
	server = await startServer({ env: { SERVER_TIMING: '1' } });
	citizen = await logInOverHttp(server, 'dev-citizen-geel');
	moderator = await logInOverHttp(server, 'dev-moderator-geel');
	paths.home = '/geel';
	paths.actionList = '/geel/acties?thema=vergroening-en-ontharding';
	// The action page of the demo action that asks for suggestions on the map (it lists its opportunities).
	const opportunity = await suggestionsOpportunity();
	paths.actionPage = new URL(opportunity.actionUrl).pathname;
	paths.opportunityByVotes = `/geel/kansen/${opportunity.id}?sorteer=steun`;
	paths.suggestionPage = await find(paths.opportunityByVotes, /href="(\/geel\/suggesties\/\d+-[^"?#]+)"/);
	paths.profile = '/profiel';
	paths.moderationQueue = '/geel/beheer/suggesties';
	// The citizen supports a suggestion, so the list marks their own support (the form posts, then redirects).
	const voted = await citizen.fetch(new URL(`${paths.suggestionPage}?/vote`, server.url), {
		method: 'POST',
		form: { terug: '' }
	});
	expect(voted.status).toBe(303);
});

afterAll(async () => {
	await server?.stop();
	if (server) removeDataDir(server.dataDir);
});

describe('statements of a signed-in request', () => {
	it('marks the person’s own support on the list sorted by votes', async () => {
		const html = await (await citizen.fetch(new URL(paths.opportunityByVotes, server.url))).text();
		expect(html).toContain('Je steunt deze suggestie.');
	});

	for (const kind of Object.keys(STATEMENTS) as Kind[]) {
		it(`${kind}: ${STATEMENTS[kind].warm} with the caches warm, ${STATEMENTS[kind].cold} cold`, async () => {
			const jar = kind === 'moderationQueue' ? moderator : citizen;
			await clearCaches();
			const cold = await statementsOf(jar, paths[kind]);
			const warm = await statementsOf(jar, paths[kind]);
			expect({ warm, cold }).toEqual(STATEMENTS[kind]);
		});
	}
});
