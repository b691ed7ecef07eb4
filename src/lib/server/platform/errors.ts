// The one error type of the platform: a closed list of codes, each with one HTTP status.
import { translate, type Locale, type MessageKey, type Params } from '$lib/i18n';

export const ERROR_STATUS = {
	bad_request: 400,
	validation: 422,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	rate_limited: 429,
	unavailable: 503
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Per-field messages, as catalogue keys, for forms and problem documents. */
export type FieldErrors = Record<string, MessageKey[]>;

export class AppError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		readonly options: {
			message?: MessageKey;
			fields?: FieldErrors;
			details?: Record<string, unknown>;
			cause?: unknown;
		} = {}
	) {
		super(code, { cause: options.cause });
		this.name = 'AppError';
		this.status = ERROR_STATUS[code];
	}

	get messageKey(): MessageKey {
		return this.options.message ?? (`errors.code.${this.code}` as MessageKey);
	}
}

export function isAppError(value: unknown): value is AppError {
	return value instanceof AppError;
}

export const notFound = (message?: MessageKey) => new AppError('not_found', { message });

/**
 * Whether `error` is PostgreSQL's unique violation (23505) — of `constraint` when one is named — anywhere along its
 * `cause` chain: Drizzle wraps the driver's error (its `cause`), and PGlite and node-postgres both name `code` and
 * `constraint`. The one test of it: a second row the unique index refuses, also when two people save at once.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	let e: unknown = error;
	for (let depth = 0; depth < 8 && e !== null && typeof e === 'object'; depth++) {
		const pg = e as { code?: unknown; constraint?: unknown; cause?: unknown };
		if (pg.code === '23505') return constraint === undefined || pg.constraint === constraint;
		e = pg.cause;
	}
	return false;
}

/** The numbers and names an error's details carry (a limit, a wait, a count), for its messages. */
export function errorParams(err: AppError): Params {
	const params: Params = {};
	for (const [key, value] of Object.entries(err.options.details ?? {}))
		if (typeof value === 'string' || typeof value === 'number') params[key] = value;
	return params;
}

/** The Dutch message of a platform error, with the numbers and names its details carry (a limit, a wait). */
export function errorMessage(locale: Locale, err: AppError): string {
	return translate(locale, err.messageKey, errorParams(err));
}
