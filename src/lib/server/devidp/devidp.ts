// A development and test OpenID Connect provider shaped like ACM/IDM (Mijn Burgerprofiel): authorization
// code flow with PKCE S256 only, client_secret_basic/post, RS256 id tokens with the profile claims in them,
// RP-initiated logout, and a persona picker instead of a password.
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import Provider, {
	errors,
	type Adapter,
	type AdapterPayload,
	type Configuration,
	type Interaction,
	type JWK,
	type KoaContextWithOIDC,
	type OIDCContext
} from 'oidc-provider';
import type { Logger } from '$lib/server/platform/log';
import { PERSONAS, findNumberedPersona, numberedPersona, type Persona } from './personas';
import {
	PAGE_CSP,
	continueLogoutPage,
	errorPage,
	loggedOutPage,
	logoutPage,
	pickerPage
} from './devidp.pages';

export interface DevIdpClient {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	postLogoutRedirectUris: string[];
}

export interface DevIdp {
	issuer: string;
	close(): Promise<void>;
}

export interface DevIdpOptions {
	host: string;
	/** 0 picks a free port; the default issuer then carries the port that was picked. */
	port: number;
	/** Defaults to `http://{host}:{port}` (localhost for 0.0.0.0). May have a path, like ACM/IDM's `/op`. */
	issuer?: string;
	clients: DevIdpClient[];
	log: Logger;
	/** Who can log in; the bundled personas unless a test brings its own. */
	personas?: readonly Persona[];
	/**
	 * Numbered test citizens besides the personas (`dev-person-1` … `dev-person-{people}`, DEV_IDP_PEOPLE):
	 * the picker offers them by number, so the bench logs in a thousand distinct people. Default 0.
	 */
	people?: number;
	/**
	 * Whether the profile claims (and a persona's rrn) are in the id token, as ACM/IDM does (the default), or
	 * only behind the userinfo endpoint, as other providers do.
	 */
	claimsInIdToken?: boolean;
}

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})$/;
const MAX_FORM_BYTES = 16 * 1024;

/** Starts the provider on its own HTTP server. Everything it holds (keys, sessions, codes) lives in memory. */
export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
	const log = options.log.child({ component: 'devidp' });
	const personas = options.personas ?? PERSONAS;
	const people = options.people ?? 0;
	const findPersona = (sub: string) =>
		personas.find((p) => p.sub === sub) ?? findNumberedPersona(sub, people);
	const memory = createMemoryAdapter();
	let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;

	const server = createServer((req, res) => {
		if (!handler) {
			res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' }).end();
			return;
		}
		handler(req, res).catch((error: unknown) => {
			log.error({ err: error }, 'devidp request failed');
			if (!res.headersSent) sendHtml(res, 500, errorPage({ error: 'server_error' }));
			else res.destroy();
		});
	});
	await listen(server, options.port, options.host);

	try {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : options.port;
		const issuer = options.issuer ?? devIdpIssuer(options.host, port);
		const mountPath = new URL(issuer).pathname.replace(/\/$/, '');

		const provider = new Provider(
			issuer,
			await configure(options.clients, mountPath, memory.Adapter, {
				personas,
				findPersona,
				claimsInIdToken: options.claimsInIdToken ?? true
			})
		);
		// Behind a TLS-terminating proxy (demo installations) the https issuer needs X-Forwarded-Proto.
		provider.proxy = issuer.startsWith('https:');
		provider.use(async (ctx, next) => {
			setPageHeaders((name, value) => ctx.set(name, value));
			await next();
			replaceScriptedLogoutPage(ctx);
		});
		logProviderEvents(provider, log);

		const providerCallback = provider.callback();
		handler = async (req, res) => {
			if (mountPath && !stripMountPath(req, mountPath)) {
				sendHtml(res, 404, errorPage({ error: 'not_found', description: 'unknown path' }));
				return;
			}
			const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', 'http://devidp.invalid').pathname);
			if (match?.[1])
				await handleInteraction(
					provider,
					log,
					{ personas, people, findPersona },
					req,
					res,
					match[1],
					mountPath
				);
			else await providerCallback(req, res);
		};

		log.warn(
			{ issuer },
			`Ontwikkel-identiteitsprovider actief op ${issuer} — alleen voor demo en tests, nooit in productie`
		);

		let closing: Promise<void> | undefined;
		return {
			issuer,
			close() {
				closing ??= closeServer(server).then(() => memory.clear());
				return closing;
			}
		};
	} catch (error) {
		await closeServer(server);
		throw error;
	}
}

/** The provider's issuer on `host` and `port` when none is given (what another process of the same start uses). */
export function devIdpIssuer(host: string, port: number): string {
	const name =
		host === '0.0.0.0' || host === '::' || host === ''
			? 'localhost'
			: host.includes(':') && !host.startsWith('[')
				? `[${host}]`
				: host;
	return `http://${name}:${port}`;
}

async function configure(
	clients: DevIdpClient[],
	mountPath: string,
	adapter: new (model: string) => Adapter,
	options: {
		personas: readonly Persona[];
		findPersona: (sub: string) => Persona | undefined;
		claimsInIdToken: boolean;
	}
): Promise<Configuration> {
	const { personas } = options;
	// A national register number is sent only for a test persona that has one, with the profile, asked or not.
	const profileClaims = ['given_name', 'family_name', ...(personas.some((p) => p.rrn) ? ['rrn'] : [])];
	return {
		adapter,
		clients: clients.map((client) => ({
			client_id: client.clientId,
			client_secret: client.clientSecret,
			redirect_uris: client.redirectUris,
			post_logout_redirect_uris: client.postLogoutRedirectUris,
			response_types: ['code'],
			grant_types: ['authorization_code'],
			// Either secret method is accepted at the token endpoint whichever one is registered.
			token_endpoint_auth_method: 'client_secret_basic',
			id_token_signed_response_alg: 'RS256'
		})),
		clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
		responseTypes: ['code'],
		scopes: ['openid', 'profile', 'email'],
		claims: { openid: ['sub'], profile: profileClaims, email: ['email'] },
		// ACM/IDM puts the profile claims in the id token, not only behind the userinfo endpoint.
		conformIdTokenClaims: !options.claimsInIdToken,
		pkce: { methods: ['S256'], required: () => true },
		enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
		jwks: { keys: [await generateSigningKey()] },
		cookies: {
			keys: [randomBytes(32).toString('base64url')],
			// Lax rather than oidc-provider's default None for the session cookie: browsers drop SameSite=None
			// cookies that are not Secure, and this provider usually runs over plain http on localhost.
			long: { signed: true, httpOnly: true, sameSite: 'lax' },
			short: { signed: true, httpOnly: true, sameSite: 'lax' }
		},
		ttl: {
			AccessToken: 60 * 60,
			AuthorizationCode: 60,
			IdToken: 60 * 60,
			Interaction: 60 * 60,
			Session: 8 * 60 * 60,
			Grant: 8 * 60 * 60
		},
		features: {
			devInteractions: { enabled: false },
			pushedAuthorizationRequests: { enabled: false },
			resourceIndicators: { enabled: false },
			requestObjects: { request: false, requestUri: false },
			userinfo: { enabled: true },
			rpInitiatedLogout: {
				enabled: true,
				logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
					ctx.type = 'html';
					ctx.body = logoutPage(form);
				},
				postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
					ctx.type = 'html';
					ctx.body = loggedOutPage();
				}
			}
		},
		clientBasedCORS: () => false,
		interactions: { url: async (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
		findAccount: async (_ctx, sub) => {
			const persona = options.findPersona(sub);
			if (!persona) return undefined;
			return { accountId: persona.sub, claims: async () => personaClaims(persona) };
		},
		// No consent screen: every configured client gets the OIDC scopes and claims it asks for.
		loadExistingGrant: async (ctx) => {
			const { oidc } = ctx;
			const accountId = oidc.account?.accountId;
			const clientId = oidc.client?.clientId;
			if (!accountId || !clientId) return undefined;
			const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
			const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
			const grant =
				existing && existing.accountId === accountId
					? existing
					: new oidc.provider.Grant({ accountId, clientId });
			grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
			if (oidc.requestParamClaims.size > 0) grant.addOIDCClaims([...oidc.requestParamClaims]);
			await grant.save();
			return grant;
		},
		renderError: async (ctx, out) => {
			ctx.type = 'html';
			ctx.body = errorPage({ error: out.error, description: out.error_description });
		}
	};
}

/** What ACM/IDM gives; a national register number (rrn) only for a test persona that has one. */
function personaClaims(persona: Persona): Record<string, string> {
	return {
		sub: persona.sub,
		given_name: persona.givenName,
		family_name: persona.familyName,
		...(persona.email ? { email: persona.email } : {}),
		...(persona.rrn ? { rrn: persona.rrn } : {})
	};
}

async function generateSigningKey(): Promise<JWK> {
	const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
	return { ...privateKey.export({ format: 'jwk' }), kty: 'RSA', kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

async function handleInteraction(
	provider: Provider,
	log: Logger,
	who: { personas: readonly Persona[]; people: number; findPersona: (sub: string) => Persona | undefined },
	req: IncomingMessage,
	res: ServerResponse,
	uid: string,
	mountPath: string
): Promise<void> {
	let interaction: Interaction;
	try {
		interaction = await provider.interactionDetails(req, res);
	} catch (error) {
		if (!(error instanceof errors.SessionNotFound)) throw error;
		sendHtml(
			res,
			400,
			errorPage({ error: 'session_not_found', description: 'login session expired or unknown' })
		);
		return;
	}
	if (interaction.uid !== uid) {
		sendHtml(res, 400, errorPage({ error: 'session_not_found', description: 'login session mismatch' }));
		return;
	}

	if (req.method === 'GET') {
		if (interaction.prompt.name === 'consent') {
			await grantConsent(provider, req, res, interaction);
			return;
		}
		const clientId = typeof interaction.params.client_id === 'string' ? interaction.params.client_id : '';
		sendHtml(
			res,
			200,
			pickerPage({
				action: `${mountPath}/interaction/${uid}`,
				clientId,
				personas: who.personas,
				people: who.people
			})
		);
		return;
	}
	if (req.method !== 'POST') {
		res.writeHead(405, { allow: 'GET, POST' }).end();
		return;
	}

	const form = await readForm(req);
	if (!form) {
		sendHtml(res, 413, errorPage({ error: 'invalid_request', description: 'form too large' }));
		return;
	}
	if (form.get('action') === 'cancel') {
		await provider.interactionFinished(
			req,
			res,
			{ error: 'access_denied', error_description: 'End-User cancelled the login' },
			{ mergeWithLastSubmission: false }
		);
		return;
	}
	// A numbered test citizen is chosen by number, a persona by its button.
	const number = form.get('number')?.trim();
	const persona =
		number !== undefined && /^[1-9]\d{0,6}$/.test(number) && Number(number) <= who.people
			? numberedPersona(Number(number))
			: who.findPersona(form.get('persona') ?? '');
	if (!persona || interaction.prompt.name !== 'login') {
		sendHtml(res, 400, errorPage({ error: 'invalid_request', description: 'unknown persona' }));
		return;
	}
	log.info({ sub: persona.sub }, 'devidp login');
	await provider.interactionFinished(
		req,
		res,
		{ login: { accountId: persona.sub } },
		{ mergeWithLastSubmission: false }
	);
}

/** Reached only when a client sends prompt=consent: grant what is missing without asking. */
async function grantConsent(
	provider: Provider,
	req: IncomingMessage,
	res: ServerResponse,
	interaction: Interaction
): Promise<void> {
	const accountId = interaction.session?.accountId;
	const clientId = interaction.params.client_id;
	if (!accountId || typeof clientId !== 'string') {
		sendHtml(res, 400, errorPage({ error: 'invalid_request', description: 'no login to consent for' }));
		return;
	}
	const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
	const grant = existing ?? new provider.Grant({ accountId, clientId });
	const { missingOIDCScope, missingOIDCClaims } = interaction.prompt.details;
	if (Array.isArray(missingOIDCScope)) grant.addOIDCScope(missingOIDCScope.join(' '));
	if (Array.isArray(missingOIDCClaims)) grant.addOIDCClaims(missingOIDCClaims.map(String));
	const grantId = await grant.save();
	await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/**
 * oidc-provider answers a logout request without a session with a page that submits itself by script;
 * give it a Dutch page with a visible button instead, so it works without JavaScript.
 */
function replaceScriptedLogoutPage(ctx: KoaContextWithOIDC): void {
	const oidc = ctx.oidc as OIDCContext | undefined;
	if (oidc?.route !== 'end_session' || ctx.status !== 200 || oidc.session?.accountId) return;
	const xsrf = oidc.session?.state?.secret;
	if (typeof xsrf !== 'string') return;
	ctx.type = 'html';
	ctx.body = continueLogoutPage({ action: oidc.urlFor('end_session_confirm'), xsrf });
}

function logProviderEvents(provider: Provider, log: Logger): void {
	provider.on('server_error', (_ctx, error) => log.error({ err: error }, 'devidp server error'));
	for (const event of ['authorization.error', 'grant.error', 'end_session.error', 'userinfo.error']) {
		provider.on(event, (_ctx, error) =>
			log.info(
				{ event, error: error.error, description: error.error_description },
				'devidp refused a request'
			)
		);
	}
}

function setPageHeaders(set: (name: string, value: string) => void): void {
	set('Content-Security-Policy', PAGE_CSP);
	set('X-Content-Type-Options', 'nosniff');
	set('Referrer-Policy', 'no-referrer');
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
	setPageHeaders((name, value) => res.setHeader(name, value));
	res.setHeader('Cache-Control', 'no-store');
	res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

/** The body of an urlencoded form, or undefined when it is too large. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
	if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
		return new URLSearchParams();
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		size += buffer.length;
		if (size > MAX_FORM_BYTES) return undefined;
		chunks.push(buffer);
	}
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * For an issuer with a path (ACM/IDM's is `…/op`): serve only below it, and hand oidc-provider the rest of
 * the path with the original URL beside it, as Express does when mounting, so it builds its URLs right.
 */
function stripMountPath(req: IncomingMessage & { originalUrl?: string }, mountPath: string): boolean {
	const url = req.url ?? '/';
	const rest = url.slice(mountPath.length);
	if (!url.startsWith(mountPath) || !(rest === '' || rest.startsWith('/') || rest.startsWith('?')))
		return false;
	req.originalUrl = url;
	req.url = rest.startsWith('/') ? rest : `/${rest}`;
	return true;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
	return new Promise((resolve, reject) => {
		if (!server.listening) {
			resolve();
			return;
		}
		server.close((error) => (error ? reject(error) : resolve()));
		server.closeAllConnections();
	});
}

type Entry<T> = { value: T; expiresAt: number };

/**
 * oidc-provider's own memory adapter keeps one store per process (shared by every instance) and warns on
 * each start; this one belongs to a single provider and is dropped on close.
 */
function createMemoryAdapter(): { Adapter: new (model: string) => Adapter; clear(): void } {
	const records = new Map<string, Entry<AdapterPayload>>();
	const sessionIdsByUid = new Map<string, Entry<string>>();
	const idsByUserCode = new Map<string, Entry<string>>();
	const keysByGrant = new Map<string, Set<string>>();
	let lastSweep = Date.now();

	const expiry = (expiresIn: number | undefined) =>
		expiresIn === undefined ? Number.POSITIVE_INFINITY : Date.now() + expiresIn * 1000;
	function live<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
		const entry = map.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt > Date.now()) return entry.value;
		map.delete(key);
		return undefined;
	}
	function sweep(): void {
		const now = Date.now();
		if (now - lastSweep < 60_000) return;
		lastSweep = now;
		for (const map of [records, sessionIdsByUid, idsByUserCode] as Map<string, Entry<unknown>>[]) {
			for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
		}
		for (const [grantId, keys] of keysByGrant) {
			for (const key of keys) if (!records.has(key)) keys.delete(key);
			if (keys.size === 0) keysByGrant.delete(grantId);
		}
	}
	const GRANTABLE = new Set([
		'AccessToken',
		'AuthorizationCode',
		'RefreshToken',
		'DeviceCode',
		'BackchannelAuthenticationRequest'
	]);

	class MemoryAdapter implements Adapter {
		readonly #model: string;
		constructor(model: string) {
			this.#model = model;
		}
		#key(id: string): string {
			return `${this.#model}:${id}`;
		}
		async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
			sweep();
			const key = this.#key(id);
			const expiresAt = expiry(expiresIn);
			if (this.#model === 'Session' && payload.uid) {
				sessionIdsByUid.set(payload.uid, { value: id, expiresAt });
			}
			if (GRANTABLE.has(this.#model) && payload.grantId) {
				const keys = keysByGrant.get(payload.grantId) ?? new Set<string>();
				keys.add(key);
				keysByGrant.set(payload.grantId, keys);
			}
			if (payload.userCode) idsByUserCode.set(payload.userCode, { value: id, expiresAt });
			records.set(key, { value: payload, expiresAt });
		}
		async find(id: string): Promise<AdapterPayload | undefined> {
			return live(records, this.#key(id));
		}
		async findByUid(uid: string): Promise<AdapterPayload | undefined> {
			const id = live(sessionIdsByUid, uid);
			return id === undefined ? undefined : this.find(id);
		}
		async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
			const id = live(idsByUserCode, userCode);
			return id === undefined ? undefined : this.find(id);
		}
		async consume(id: string): Promise<void> {
			const payload = live(records, this.#key(id));
			if (payload) payload.consumed = Math.floor(Date.now() / 1000);
		}
		async destroy(id: string): Promise<void> {
			records.delete(this.#key(id));
		}
		async revokeByGrantId(grantId: string): Promise<void> {
			for (const key of keysByGrant.get(grantId) ?? []) records.delete(key);
			keysByGrant.delete(grantId);
		}
	}

	return {
		Adapter: MemoryAdapter,
		clear() {
			records.clear();
			sessionIdsByUid.clear();
			idsByUserCode.clear();
			keysByGrant.clear();
		}
	};
}
