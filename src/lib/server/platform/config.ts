// All configuration comes from environment variables, validated once at start-up.
import { translate } from '$lib/i18n';

export interface Config {
	nodeEnv: 'development' | 'production' | 'test';
	port: number;
	host: string;
	origin: string | undefined;
	dataDir: string;
	databaseUrl: string | undefined;
	/** Load demo content: true/false when DEMO is set; otherwise decided by the database kind. */
	demo: boolean | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
	frameAncestors: string;
	jobs: boolean;
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

	const config: Config = {
		nodeEnv: oneOf('NODE_ENV', NODE_ENVS, 'production'),
		port,
		host: read('HOST') ?? '0.0.0.0',
		origin,
		dataDir: read('DATA_DIR') ?? './data',
		databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:'], translate('nl', 'config.postgresUrl')),
		demo: flag('DEMO'),
		smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:'], translate('nl', 'config.smtpUrl')),
		mailFrom: read('MAIL_FROM') ?? 'Meedoen <noreply@meedoen.localhost>',
		logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
		frameAncestors,
		jobs: flag('JOBS') ?? true
	};
	if (problems.length > 0) throw new ConfigError(problems);
	return config;
}
