// Every request passes here: request id, language, municipality from the URL, security headers, a log line.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import cluster from 'node:cluster';
import { intlLocale, negotiateLocale, translate } from '$lib/i18n';
import { ConfigError, loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { DataDirInUseError, requestContext, startApp, stopApp, type App } from '$lib/server/platform/app';
import { features } from '$lib/server/features';
import { backupEmbedded } from '$lib/server/platform/backup';
import { getApp, hasApp, setApp } from '$lib/server/platform/runtime';
import { problem, refuseCrossOrigin } from '$lib/server/platform/http';
import {
	apiPreflight,
	conditionalResponse,
	isApiPath,
	isOwnPageRead,
	setReadLimitHeaders,
	withReadCors,
	type ReadLimitOutcome
} from '$lib/server/platform/api-http';
import { cleanedQuery, cleanedRequest } from '$lib/server/platform/control-characters';
import { isShareableRequest, pageCacheKey, pageResponse } from '$lib/server/platform/page-cache';
import { serverTiming, type RequestTally } from '$lib/server/platform/server-timing';
import { RECENT_WRITE_COOKIE, recentWriteCookie } from '$lib/server/platform/replica';
import { resolveMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import { isShortLinkPath } from '$lib/domain/communication';
import { isWidgetPath } from '$lib/server/platform/widgets';
import { isReservedPath } from '$lib/server/platform/reserved-paths';
import { firstChannel, resolveRequestSession } from '$lib/server/features/accounts/accounts.service';
import { isUnsubscribePath } from '$lib/server/features/notifications/notifications.service';
import {
	CHANNEL_COOKIE,
	clearSessionCookie,
	SESSION_COOKIE,
	setChannelCookie
} from '$lib/server/features/accounts/accounts.cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A POST to an unsubscribe link's own address (RFC 8058's one-click: no cookie, no Origin). */
function isOneClickUnsubscribe(method: string, pathname: string): boolean {
	return method === 'POST' && isUnsubscribePath(pathname);
}

export const init: ServerInit = async () => {
	// The dev server runs init again when it regenerates its files; the running platform carries on.
	if (hasApp()) return;
	let config;
	try {
		config = loadConfig();
	} catch (err) {
		if (err instanceof ConfigError) {
			console.error(err.message);
			process.exit(78); // EX_CONFIG
		}
		throw err;
	}
	const log = createLogger(config.logLevel);
	let app;
	try {
		app = await startApp(config, log, { features });
	} catch (err) {
		if (err instanceof DataDirInUseError) {
			console.error(err.message);
			process.exit(75); // EX_TEMPFAIL: the folder is busy now
		}
		throw err;
	}
	setApp(app);

	let stopping = false;
	process.on('sveltekit:shutdown', async (reason: string) => {
		if (stopping) return;
		stopping = true;
		log.info({ reason }, 'shutting down');
		await stopApp(app);
		setApp(undefined);
		// A process of `npm start` with several processes: its channel to the first would keep it alive.
		cluster.worker?.disconnect();
	});
	// `npm run backup` asks the running server for a copy of its embedded database (it holds the folder).
	if (app.database.dumpDataDir) {
		let writing = false;
		process.on('SIGUSR2', () => {
			if (writing) return;
			writing = true;
			backupEmbedded(app.database, config.dataDir)
				.then((file) => log.info({ file }, translate('nl', 'backup.written', { file })))
				.catch((err: unknown) => log.error({ err }, 'backup failed'))
				.finally(() => (writing = false));
		});
	}
	const shown =
		config.origin ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
	log.info({ url: shown }, `Meedoen draait op ${shown}`);
};

export const handle: Handle = (input) => {
	const app = getApp();
	// SERVER_TIMING: the request's statements and database time, counted wherever they are sent from.
	return app.statements
		? app.statements.track((tally) => handleRequest(app, input, tally))
		: handleRequest(app, input);
};

async function handleRequest(
	app: App,
	{ event, resolve }: Parameters<Handle>[0],
	tally?: RequestTally
): Promise<Response> {
	const started = performance.now();
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
	const locale = negotiateLocale(event.request.headers.get('accept-language'));
	const log = app.log.child({ requestId });
	event.locals.requestId = requestId;
	event.locals.locale = locale;
	// A read of the API may come from a script on any site (CORS, no credentials) and is counted per address.
	const api = isApiPath(event.url.pathname);
	const apiRead = api && (event.request.method === 'GET' || event.request.method === 'HEAD');
	let readLimit: ReadLimitOutcome | undefined;
	const done = (response: Response, cache?: 'hit' | 'miss') => {
		if (apiRead) {
			withReadCors(response.headers);
			if (readLimit) setReadLimitHeaders(response.headers, readLimit);
		}
		response.headers.set('x-request-id', requestId);
		if (cache) response.headers.set('x-cache', cache);
		if (tally) response.headers.set('server-timing', serverTiming(tally, performance.now() - started));
		log.info(
			{
				method: event.request.method,
				path: event.url.pathname,
				status: response.status,
				cache,
				ms: Math.round(performance.now() - started)
			},
			'request'
		);
		return response;
	};

	// A write must come from a page of the platform itself: the browser names the page's origin in every
	// POST, PUT, PATCH and DELETE (fetch and forms alike). Anything else (another site, an opaque origin
	// such as a sandboxed frame, or no origin at all) is refused before the session is even looked up,
	// whatever the content type, for pages and the API alike. This is the platform's one CSRF check;
	// SvelteKit's own (form content types only, English) is switched off in svelte.config.js.
	// One exception, narrow on purpose: RFC 8058's one-click unsubscribe is a POST from the mail provider,
	// without our Origin or any cookie, to the signed link itself; it can only turn that one kind of mail off.
	if (
		!SAFE_METHODS.has(event.request.method) &&
		event.request.headers.get('origin') !== event.url.origin &&
		!isOneClickUnsubscribe(event.request.method, event.url.pathname)
	)
		return done(refuseCrossOrigin(event));

	// Control characters nobody types (U+0000 among them, which PostgreSQL refuses) leave the request here,
	// whatever reads it afterwards: a write's form fields or JSON, and a page's query (by a redirect).
	if (!SAFE_METHODS.has(event.request.method)) {
		const clean = await cleanedRequest(event.request);
		if (clean) event.request = clean;
	} else {
		const clean = cleanedQuery(event.url);
		if (clean)
			return done(new Response(null, { status: 308, headers: { location: clean.pathname + clean.search } }));
	}

	// The preflight of a script on another site: reads only (a write's preflight is answered without PUT,
	// POST or DELETE, so the browser never sends it).
	if (api && event.request.method === 'OPTIONS') return done(apiPreflight());
	// The platform's own pages (the map's clusters) read with a larger allowance of their own than integrators.
	const readLimiter = isOwnPageRead(event.request) ? app.apiOwnPagesReadLimiter : app.apiReadLimiter;
	if (apiRead && readLimiter) {
		readLimit = readLimiter.hit(event.getClientAddress());
		if (!readLimit.allowed)
			return done(
				problem(event, 429, translate(locale, 'api.readLimited', { seconds: readLimit.resetSeconds }), {
					code: 'rate_limited'
				})
			);
	}

	// A widget is shown inside other sites: it reads no session and sets no cookie (no third-party cookies), and
	// is never kept in the shared page cache (its CORS answer depends on the asking site).
	const widget = isWidgetPath(event.url.pathname);
	const sessionToken = widget ? undefined : event.cookies.get(SESSION_COOKIE);
	// A visitor landing from a poster, a newsletter or another site: remember the channel until they register. A
	// short link is not the landing: it redirects to the page with its channel's utm tags, which is.
	const landing =
		!widget &&
		!sessionToken &&
		event.request.method === 'GET' &&
		!isShortLinkPath(event.url.pathname) &&
		!event.cookies.get(CHANNEL_COOKIE)
			? firstChannel({
					utmSource: event.url.searchParams.get('utm_source'),
					referrer: event.request.headers.get('referer'),
					ownOrigin: event.url.origin
				})
			: null;
	if (landing?.channel) setChannelCookie(event.cookies, event.url, landing);
	// Someone who just wrote (with a replica configured) reads what everyone reads, but fresh: from the primary.
	const recentWrite = Boolean(app.replica && event.cookies.get(RECENT_WRITE_COOKIE));
	const publicRead = isShareableRequest(event.request, event.url, Boolean(sessionToken) || recentWrite);
	const shareable = app.config.pageCache && !landing?.channel && publicRead && !widget;
	// The raw request URL: event.url hides the __data.json suffix of client-side navigation.
	const cacheKey = shareable ? pageCacheKey(new URL(event.request.url), locale) : '';
	if (shareable) {
		const page = app.pageCache.get(cacheKey);
		if (page) {
			const response = pageResponse(page);
			// The API's validators travel with the kept answer: a request that holds it gets 304 here too.
			return done(apiRead ? conditionalResponse(event.request, response) : response, 'hit');
		}
	}
	const cacheGeneration = app.pageCache.generation();

	event.locals.ctx = requestContext(app, {
		requestId,
		locale,
		log,
		fromReplica: publicRead && (app.replica?.usable() ?? false)
	});
	event.locals.municipality = null;
	event.locals.session = null;

	if (sessionToken) {
		event.locals.session = await resolveRequestSession(event.locals.ctx, {
			unverifiedToken: sessionToken,
			settings: app.sessionSettings
		});
		if (event.locals.session) event.locals.ctx.actor = event.locals.session.actor;
		else clearSessionCookie(event.cookies, event.url);
	}

	const first = event.url.pathname.split('/')[1] ?? '';
	if (first && !isReservedPath(first)) {
		event.locals.municipality = await resolveMunicipality(event.locals.ctx, { unverifiedSlug: first });
		if (event.locals.municipality) event.locals.ctx.tenant = event.locals.municipality.tenant;
	}

	let response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', intlLocale(locale))
	});

	setSecurityHeaders(response.headers, {
		https: event.url.protocol === 'https:',
		frameAncestors: event.locals.frameAncestors ?? app.config.frameAncestors,
		formAction: app.oidc ? `'self' ${new URL(app.oidc.issuer).origin}` : "'self'"
	});
	// Any write that went through drops cached data and pages, in every process, so the next page shows the change.
	if (!SAFE_METHODS.has(event.request.method) && response.status < 400) {
		await app.dropCaches();
		if (app.replica && !event.locals.session) {
			response.headers.append('set-cookie', recentWriteCookie(event.url.protocol === 'https:'));
		}
	}
	// Whatever a widget's code might have tried: its answer carries no cookie.
	if (widget) response.headers.delete('set-cookie');
	if (shareable) response = await app.pageCache.store(cacheKey, response, cacheGeneration);
	return done(response, shareable ? 'miss' : undefined);
}

function setSecurityHeaders(
	headers: Headers,
	{ https, frameAncestors, formAction }: { https: boolean; frameAncestors: string; formAction: string }
) {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('permissions-policy', 'camera=(), microphone=(), payment=(), geolocation=(self)');
	headers.set('cross-origin-opener-policy', 'same-origin');
	if (frameAncestors === "'none'") headers.set('x-frame-options', 'DENY');
	// What is only known at run time joins SvelteKit's policy (hashes for its inline scripts, on pages) as
	// further directives of the same policy: one header value, never a second policy after a comma.
	// Form posts may go to the identity provider: logging in and out redirect there after a POST.
	const runtime = `frame-ancestors ${frameAncestors}; form-action ${formAction}`;
	const built = headers.get('content-security-policy')?.trim().replace(/;$/, '');
	headers.set('content-security-policy', built ? `${built}; ${runtime}` : runtime);
	if (https) headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	const locale = event.locals.locale ?? 'nl';
	if (status === 404) return { message: translate(locale, 'errors.notFound'), requestId };
	const log = event.locals.ctx?.log;
	if (log) log.error({ err: error, status, path: event.url.pathname }, message);
	else console.error(error);
	return { message: translate(locale, 'errors.unexpected'), requestId };
};
