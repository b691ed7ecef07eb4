// All configuration comes from environment variables, validated once at start-up.
import { translate } from '$lib/i18n';

export interface Config {
	nodeEnv: 'development' | 'production' | 'test';
	port: number;
	host: string;
	origin: string | undefined;
	dataDir: string;
	databaseUrl: string | undefined;
	/** A PostgreSQL streaming replica that visitors' pages read from (DATABASE_REPLICA_URL). */
	databaseReplicaUrl: string | undefined;
	/** Connections per process to PostgreSQL (DATABASE_POOL_SIZE), and as many to the replica. */
	databasePoolSize: number;
	/** Load demo content: true/false when DEMO is set; otherwise decided by the database kind. */
	demo: boolean | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	/** Connections kept open to the SMTP server (SMTP_POOL_SIZE). */
	smtpPoolSize: number;
	/** Mails per second this process hands to the SMTP server at most (MAIL_RATE_PER_SECOND); 0: no limit. */
	mailRatePerSecond: number;
	/** Per municipality (by slug) a lower rate of its own (MAIL_RATE_PER_MUNICIPALITY=geel=20,mol=5). */
	mailRatePerMunicipality: Record<string, number>;
	/**
	 * The domain of the bounce addresses (MAIL_BOUNCE_DOMAIN): each mail's envelope sender becomes
	 * bounces+<delivery>-<signature>@ this domain (VERP), so a late bounce names the delivery it is about.
	 * Unset: the envelope sender is MAIL_FROM and late bounces are not read.
	 */
	mailBounceDomain: string | undefined;
	/** Port of the inbound SMTP listener for those bounces (BOUNCE_SMTP_PORT); undefined: not started. */
	bounceSmtpPort: number | undefined;
	/** Address that listener binds to (BOUNCE_SMTP_HOST, default HOST). */
	bounceSmtpHost: string;
	logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
	frameAncestors: string;
	jobs: boolean;
	oidc: OidcConfig | undefined;
	/** Run the bundled development identity provider: true/false when DEV_IDP is set, otherwise only with demo content and no OIDC_ISSUER. */
	devIdp: boolean | undefined;
	devIdpPort: number;
	/**
	 * The development identity provider's client secret, shared by the processes of one `npm start` (set by
	 * scripts/start.mjs, DEV_IDP_CLIENT_SECRET); unset: a new one per start.
	 */
	devIdpClientSecret: string | undefined;
	/** This process's number among those `npm start` runs (MEEDOEN_PROCESS, 1 to PROCESSES; 1 by default). */
	processNumber: number;
	/** Numbered test citizens the development identity provider knows besides its personas (load tests). */
	devIdpPeople: number;
	sessionIdleMinutes: number;
	sessionMaxDays: number;
	/** Serve public pages to visitors without a session from a few-second cache. */
	pageCache: boolean;
	/** Reads of /api per client address per minute (API_READ_LIMIT), counted per process; 0: no limit. */
	apiReadLimit: number;
	/** Tell every response's statements and database time in a Server-Timing header (tests/e2e/statements.test.ts). */
	serverTiming: boolean;
	/** The base map under the small map on an action page. */
	tiles: TileConfig;
	/** Base URL of the Flemish geolocation service (…/geolocation/v4); unset: typed addresses stay text. */
	geolocationUrl: string | null;
}

export interface TileConfig {
	/** Tile URL template with {z}, {x} and {y}; null when TILE_URL=none (no base map, the marker only). */
	url: string | null;
	attribution: string;
}

/** Flemish GRB grey base map (WMTS, Web Mercator tile matrix set GoogleMapsVL). */
export const DEFAULT_TILE_URL =
	'https://geo.api.vlaanderen.be/GRB/wmts/1.0.0/grb_bsk_grijs/default/GoogleMapsVL/{z}/{y}/{x}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© Digitaal Vlaanderen — GRB';

export const OIDC_CLIENT_AUTH = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;

export interface OidcConfig {
	issuer: string;
	clientId: string;
	clientSecret: string | undefined;
	clientAuth: (typeof OIDC_CLIENT_AUTH)[number];
	/** PEM (PKCS#8) private key for private_key_jwt. */
	privateKey: string | undefined;
	scopes: string;
	/** Shown on the login button, e.g. "Mijn Burgerprofiel". */
	label: string;
}

/** A scope that would release the national register number (ACM/IDM calls it `rrn`; `vo_rrn`, `rijksregisternummer`). */
function isRrnScope(scope: string): boolean {
	return /(^|[_:.-])rrn$|rijksregister/i.test(scope);
}

export class ConfigError extends Error {
	constructor(readonly problems: { variable: string; problem: string }[]) {
		super(
			[
				translate('nl', 'config.invalid'),
				...problems.map(
					(p) => '  ' + translate('nl', 'config.variable', { name: p.variable, problem: p.problem })
				)
			].join('\n')
		);
		this.name = 'ConfigError';
	}
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

export function loadConfig(env: Env = process.env): Config {
	const problems: { variable: string; problem: string }[] = [];
	// An empty variable counts as unset, as it does in most deployment tools.
	const read = (name: string) => {
		const value = env[name]?.trim();
		return value ? value : undefined;
	};
	const fail = (variable: string, problem: string) => {
		problems.push({ variable, problem });
		return undefined;
	};

	const integer = (name: string, fallback: number, min: number, max: number) => {
		const raw = read(name);
		if (raw === undefined) return fallback;
		const n = Number(raw);
		if (!/^\d+$/.test(raw) || n < min || n > max) {
			fail(name, translate('nl', 'config.number', { min: String(min), max: String(max), value: raw }));
			return fallback;
		}
		return n;
	};
	const oneOf = <T extends string>(name: string, options: readonly T[], fallback: T): T => {
		const raw = read(name);
		if (raw === undefined) return fallback;
		if ((options as readonly string[]).includes(raw)) return raw as T;
		fail(name, translate('nl', 'config.oneOf', { options: options.join(', '), value: raw }));
		return fallback;
	};
	const flag = (name: string): boolean | undefined => {
		const raw = read(name)?.toLowerCase();
		if (raw === undefined) return undefined;
		if (['1', 'true', 'yes', 'ja'].includes(raw)) return true;
		if (['0', 'false', 'no', 'nee'].includes(raw)) return false;
		return fail(name, translate('nl', 'config.boolean', { value: raw }));
	};
	const url = (name: string, protocols: string[], message: string) => {
		const raw = read(name);
		if (raw === undefined) return undefined;
		try {
			const parsed = new URL(raw);
			if (protocols.includes(parsed.protocol)) return raw;
		} catch {
			// reported below
		}
		return fail(name, message);
	};

	const port = integer('PORT', 3000, 1, 65535);
	const origin = url(
		'ORIGIN',
		['http:', 'https:'],
		translate('nl', 'config.url', { example: 'https://meedoen.geel.be', value: read('ORIGIN') ?? '' })
	);
	const frameAncestors = read('FRAME_ANCESTORS') ?? "'none'";
	const validAncestors = frameAncestors
		.split(/\s+/)
		.every((part) => part === "'none'" || part === "'self'" || /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(part));
	if (!validAncestors || (frameAncestors.includes("'none'") && frameAncestors.trim() !== "'none'")) {
		fail('FRAME_ANCESTORS', translate('nl', 'config.frameAncestors'));
	}

	const oidcIssuer = url(
		'OIDC_ISSUER',
		['https:', 'http:'],
		translate('nl', 'config.url', {
			example: 'https://authenticatie.vlaanderen.be/op',
			value: read('OIDC_ISSUER') ?? ''
		})
	);
	let oidc: OidcConfig | undefined;
	if (oidcIssuer) {
		const clientId = read('OIDC_CLIENT_ID');
		const clientAuth = oneOf('OIDC_CLIENT_AUTH', OIDC_CLIENT_AUTH, 'client_secret_basic');
		const clientSecret = read('OIDC_CLIENT_SECRET');
		const privateKey = read('OIDC_PRIVATE_KEY')?.replace(/\\n/g, '\n');
		if (!clientId) fail('OIDC_CLIENT_ID', translate('nl', 'config.requiredWith', { other: 'OIDC_ISSUER' }));
		if (clientAuth === 'private_key_jwt') {
			if (!privateKey?.includes('PRIVATE KEY'))
				fail(
					'OIDC_PRIVATE_KEY',
					translate('nl', 'config.requiredWith', { other: 'OIDC_CLIENT_AUTH=private_key_jwt' })
				);
		} else if (!clientSecret) {
			fail('OIDC_CLIENT_SECRET', translate('nl', 'config.requiredWith', { other: 'OIDC_ISSUER' }));
		}
		const scopes = read('OIDC_SCOPES') ?? 'openid profile';
		// The national register number is never asked for, so it can never be stored: refuse the scope.
		if (scopes.split(/\s+/).some(isRrnScope)) fail('OIDC_SCOPES', translate('nl', 'config.rrnScope'));
		oidc = {
			issuer: oidcIssuer,
			clientId: clientId ?? '',
			clientSecret,
			clientAuth,
			privateKey,
			scopes,
			label: read('OIDC_LABEL') ?? 'Mijn Burgerprofiel'
		};
	}

	const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'production');
	// https only in production; plain http is for a local tile server during development and tests.
	const tileUrl = (() => {
		const raw = read('TILE_URL') ?? DEFAULT_TILE_URL;
		if (raw.toLowerCase() === 'none') return null;
		const protocols = nodeEnv === 'production' ? ['https:'] : ['https:', 'http:'];
		try {
			const parsed = new URL(raw);
			if (protocols.includes(parsed.protocol) && ['{z}', '{x}', '{y}'].every((p) => raw.includes(p)))
				return raw;
		} catch {
			// reported below
		}
		fail('TILE_URL', translate('nl', 'config.tileUrl', { example: DEFAULT_TILE_URL, value: raw }));
		return null;
	})();

	const mailRatePerMunicipality: Record<string, number> = {};
	const rates = read('MAIL_RATE_PER_MUNICIPALITY');
	if (rates) {
		for (const part of rates.split(',')) {
			const match = /^\s*([a-z0-9-]{1,60})\s*=\s*(\d{1,6})\s*$/.exec(part);
			if (!match || Number(match[2]) < 1) {
				fail('MAIL_RATE_PER_MUNICIPALITY', translate('nl', 'config.mailRates', { value: rates }));
				break;
			}
			mailRatePerMunicipality[match[1]!] = Number(match[2]);
		}
	}

	const mailBounceDomain = (() => {
		const raw = read('MAIL_BOUNCE_DOMAIN')?.toLowerCase();
		if (raw === undefined) return undefined;
		if (raw.length <= 190 && /^(?=.{1,190}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(raw))
			return raw;
		return fail('MAIL_BOUNCE_DOMAIN', translate('nl', 'config.mailBounceDomain', { value: raw }));
	})();
	const bounceSmtpPort =
		read('BOUNCE_SMTP_PORT') === undefined ? undefined : integer('BOUNCE_SMTP_PORT', 0, 0, 65535);
	if (bounceSmtpPort !== undefined && !mailBounceDomain)
		fail('MAIL_BOUNCE_DOMAIN', translate('nl', 'config.requiredWith', { other: 'BOUNCE_SMTP_PORT' }));

	const config: Config = {
		nodeEnv,
		port,
		host: read('HOST') ?? '0.0.0.0',
		origin,
		dataDir: read('DATA_DIR') ?? './data',
		databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:'], translate('nl', 'config.postgresUrl')),
		databaseReplicaUrl: url(
			'DATABASE_REPLICA_URL',
			['postgres:', 'postgresql:'],
			translate('nl', 'config.postgresUrl')
		),
		databasePoolSize: integer('DATABASE_POOL_SIZE', 10, 1, 500),
		demo: flag('DEMO'),
		smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:'], translate('nl', 'config.smtpUrl')),
		mailFrom: read('MAIL_FROM') ?? 'Meedoen <noreply@meedoen.localhost>',
		smtpPoolSize: integer('SMTP_POOL_SIZE', 5, 1, 100),
		mailRatePerSecond: integer('MAIL_RATE_PER_SECOND', 0, 0, 100_000),
		mailRatePerMunicipality,
		mailBounceDomain,
		bounceSmtpPort,
		bounceSmtpHost: read('BOUNCE_SMTP_HOST') ?? read('HOST') ?? '0.0.0.0',
		logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
		frameAncestors,
		jobs: flag('JOBS') ?? true,
		oidc,
		devIdp: flag('DEV_IDP'),
		devIdpPort: integer('DEV_IDP_PORT', port === 65535 ? 65534 : port + 1, 0, 65535),
		devIdpPeople: integer('DEV_IDP_PEOPLE', 0, 0, 1_000_000),
		devIdpClientSecret: read('DEV_IDP_CLIENT_SECRET'),
		processNumber: integer('MEEDOEN_PROCESS', 1, 1, 1_024),
		sessionIdleMinutes: integer('SESSION_IDLE_MINUTES', 12 * 60, 5, 60 * 24 * 30),
		sessionMaxDays: integer('SESSION_MAX_DAYS', 30, 1, 365),
		pageCache: flag('PAGE_CACHE') ?? true,
		apiReadLimit: integer('API_READ_LIMIT', 600, 0, 10_000_000),
		serverTiming: flag('SERVER_TIMING') ?? false,
		tiles: { url: tileUrl, attribution: read('TILE_ATTRIBUTION') ?? DEFAULT_TILE_ATTRIBUTION },
		geolocationUrl:
			url('GEOLOCATION_URL', ['https:', 'http:'], translate('nl', 'config.geolocationUrl'))?.replace(
				/\/+$/,
				''
			) ?? null
	};
	// Links in mails are built from the public origin; without ORIGIN it would come from the Host header,
	// which anyone can forge. `npm start` sets it for a local installation.
	if (config.nodeEnv === 'production' && !config.origin && !read('ORIGIN')) {
		fail('ORIGIN', translate('nl', 'config.originRequired'));
	}
	if (config.databaseReplicaUrl && !config.databaseUrl) {
		fail('DATABASE_REPLICA_URL', translate('nl', 'config.requiredWith', { other: 'DATABASE_URL' }));
	}
	if (problems.length > 0) throw new ConfigError(problems);
	return config;
}
