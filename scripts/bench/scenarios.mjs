// What `npm run bench` measures. Add a scenario by adding an entry; run.mjs does the rest.
//
// Each load scenario is measured twice with autocannon, the same way: against the real app, and against
// a bare node:http server that answers the same body with the same content-type from memory (the
// ceiling). Its figures are req/s, p99 latency and the app/ceiling ratio, checked against TARGETS unless
// the scenario gives its own `targets`.
//
//   name         shown in the tables and in .bench/results.json
//   path         requested with GET on the app (and the same path on the ceiling); a string, or a function
//                of { datasets } (the summaries of the dataset steps) for paths that depend on the data.
//                When no page or endpoint of the build serves the path (only a catch-all, or nothing),
//                the run fails with "NOT MEASURED: route missing"
//   contentType  what the response must be; checked once before the load, so a scenario that silently
//                measures an error page fails the run instead
//   targets      optional: { p99Ms, ratio } overriding TARGETS for this scenario

/** The targets every scenario and the page weight are held to. */
export const TARGETS = {
	/** p99 latency of the app under load, in milliseconds (at most). */
	p99Ms: 50,
	/** app req/s divided by the ceiling's req/s for the same payload (at least). */
	ratio: 0.05,
	/** JavaScript a citizen page loads at start, gzip -9, in KB of 1024 bytes (at most). */
	jsKb: 60,
	/** The widgets' script another site loads (/widget.js), gzip -9, in bytes (at most). */
	widgetScriptBytes: 1_024
};

export const LOAD_SCENARIOS = [
	{ name: 'municipality home', path: '/geel', contentType: /^text\/html\b/ },
	{ name: 'API municipalities', path: '/api/v1/municipalities', contentType: /^application\/json\b/ },
	// Issue 4, on 29 municipalities × 300 actions × 5 opportunities (dataset `actions`). The list's
	// query parameters are PAGE_PARAMS in src/lib/server/features/actions/actions.schemas.ts.
	{
		name: 'action list by theme',
		path: '/geel/acties?thema=vergroening-en-ontharding',
		contentType: /^text\/html\b/
	},
	{
		name: 'action page',
		path: ({ datasets }) => datasets.actions.geelActionPath,
		contentType: /^text\/html\b/
	},
	{
		name: 'API actions',
		path: '/api/v1/municipalities/geel/actions',
		contentType: /^application\/json\b/
	},
	// Issue 5, on Geel with one opportunity of 10,000 suggestions and 1,000,000 votes (dataset `suggestions`):
	// the clusters for the whole municipality at a city zoom, the list sorted by votes, a suggestion's page.
	{
		name: 'suggestion clusters',
		path: ({ datasets }) => datasets.suggestions.clustersPath,
		contentType: /^application\/(geo\+)?json\b/
	},
	{
		name: 'suggestion list by votes',
		path: ({ datasets }) => datasets.suggestions.listPath,
		contentType: /^text\/html\b/
	},
	{
		name: 'suggestion page',
		path: ({ datasets }) => datasets.suggestions.suggestionPath,
		contentType: /^text\/html\b/
	}
];

/**
 * The vote load (scripts/bench/lib/votes.mjs): the people of dataset `suggestions` each cast their votes with
 * PUT /api/v1/suggestions/{id}/vote, this many requests in flight; afterwards the counts are checked in the
 * database. `twice` people send their first vote twice at the same moment (two tabs): it must count once.
 */
export const VOTE_LOAD = {
	inFlight: 150,
	twice: 100,
	targets: { votesPerSec: 1_000, p99Ms: null }
};

/** Pages whose start-up JavaScript is weighed (script src, modulepreload, the inline import() entries). */
export const PAGE_WEIGHT_SCENARIOS = [{ name: 'citizen page', path: '/geel' }];

/**
 * Signed-in people (issue 15): `people` numbered citizens logged in through the app's own login and the
 * bundled identity provider (scripts/bench/lib/signed-in.mjs), each supporting one suggestion on the first
 * page of the list sorted by votes, and `moderatorSessions` sessions of the moderator persona (there is one
 * moderator of Geel among the personas, so the moderation queue is one person in several sessions).
 */
export const SIGNED_IN = {
	people: 1_000,
	moderator: { sub: 'dev-moderator-geel', name: 'Bart C.' },
	moderatorSessions: 50,
	/** Logins and votes in flight while the pool is made. */
	concurrency: 25,
	/** Requests sent one at a time after each load, to read a quiet server's Server-Timing. */
	quietSamples: 20,
	targets: { p99Ms: 50, reqPerSec: 1_000, ratio: 0.05, ofAnonymous: 0.5 }
};

/**
 * Signed-in scenarios: every request is sent by the next person of the pool (their own cookie), so no two
 * requests in a row are the same person's, and every answer must be a page rendered for that person (their
 * name in the header, no x-cache header: the page cache is never used with a session). `as` is the pool;
 * `anonymous` also measures the same path without a session and without the page cache (an `authorization`
 * header keeps a request out of it), for the target "at least half of the uncached anonymous throughput";
 * `mustContain` is more text each answer must hold.
 */
export const SIGNED_IN_SCENARIOS = [
	{ name: 'signed in: municipality home', path: '/geel', as: 'citizens', anonymous: true },
	{
		name: 'signed in: action list by theme',
		path: '/geel/acties?thema=vergroening-en-ontharding',
		as: 'citizens',
		anonymous: true
	},
	{
		name: 'signed in: action page',
		path: ({ datasets }) => datasets.actions.geelActionPath,
		as: 'citizens',
		anonymous: true
	},
	{
		name: 'signed in: suggestion list by votes, own support marked',
		path: ({ datasets }) => datasets.suggestions.listPath,
		as: 'citizens',
		anonymous: true,
		mustContain: ['Je steunt deze suggestie.']
	},
	{
		name: 'signed in: suggestion page',
		path: ({ datasets }) => datasets.suggestions.suggestionPath,
		as: 'citizens',
		anonymous: true
	},
	{ name: 'signed in: profile', path: '/profiel', as: 'citizens', anonymous: false },
	{
		name: 'signed in: moderation queue (moderator)',
		path: '/geel/beheer/suggesties',
		as: 'moderators',
		anonymous: false
	}
];
