// oidc-provider 8 ships no type declarations (and @types/oidc-provider is not installed): this declares
// only the part of its API the development identity provider uses.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	export type UnknownObject = Record<string, unknown>;

	export interface ClientMetadata {
		client_id: string;
		client_secret: string;
		redirect_uris: string[];
		post_logout_redirect_uris: string[];
		response_types: string[];
		grant_types: string[];
		token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post';
		id_token_signed_response_alg: string;
	}

	export interface Client {
		clientId: string;
		clientName?: string;
	}

	export interface Session {
		accountId?: string;
		state?: { secret?: string } & UnknownObject;
		grantIdFor(clientId: string): string | undefined;
	}

	export interface Account {
		accountId: string;
		claims(use: string, scope: string, claims: UnknownObject, rejected: string[]): Promise<UnknownObject>;
	}

	export interface Grant {
		jti: string;
		accountId: string;
		clientId: string;
		addOIDCScope(scope: string): void;
		addOIDCClaims(claims: string[]): void;
		save(): Promise<string>;
	}

	export interface GrantConstructor {
		new (properties: { accountId: string; clientId: string }): Grant;
		find(id: string): Promise<Grant | undefined>;
	}

	export interface InteractionResults {
		login?: { accountId: string; remember?: boolean };
		consent?: { grantId?: string };
		error?: string;
		error_description?: string;
	}

	export interface Interaction {
		uid: string;
		grantId?: string;
		params: UnknownObject & { client_id?: string; scope?: string };
		prompt: { name: string; reasons: string[]; details: UnknownObject };
		session?: { accountId?: string; uid?: string };
		result?: InteractionResults;
	}

	export interface OIDCContext {
		route: string;
		issuer: string;
		provider: Provider;
		params: UnknownObject;
		session?: Session;
		client?: Client;
		account?: Account;
		result?: InteractionResults;
		requestParamOIDCScopes: Set<string>;
		requestParamClaims: Set<string>;
		urlFor(name: string, options?: UnknownObject): string;
	}

	/** The Koa context oidc-provider hands to its helpers and middleware. */
	export interface KoaContextWithOIDC {
		oidc: OIDCContext;
		method: string;
		path: string;
		status: number;
		type: string;
		body: unknown;
		set(field: string, value: string): void;
	}

	export type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

	export interface ErrorOut {
		error: string;
		error_description?: string;
		state?: string;
		scope?: string;
	}

	export interface JWK {
		kty: string;
		kid?: string;
		alg?: string;
		use?: string;
		[parameter: string]: unknown;
	}

	export interface Configuration {
		adapter?: new (model: string) => Adapter;
		clients?: ClientMetadata[];
		clientAuthMethods?: string[];
		claims?: Record<string, string[] | null>;
		scopes?: string[];
		responseTypes?: string[];
		conformIdTokenClaims?: boolean;
		clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
		cookies?: {
			keys?: string[];
			long?: UnknownObject;
			short?: UnknownObject;
		};
		enabledJWA?: Record<string, string[]>;
		features?: Record<string, UnknownObject>;
		findAccount?: (ctx: KoaContextWithOIDC, sub: string) => Promise<Account | undefined>;
		interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => Promise<string> };
		jwks?: { keys: JWK[] };
		loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
		pkce?: { methods?: string[]; required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
		renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Promise<void>;
		ttl?: Record<string, number>;
	}

	export interface AdapterPayload extends UnknownObject {
		grantId?: string;
		uid?: string;
		userCode?: string;
		consumed?: number;
	}

	export interface Adapter {
		upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
		find(id: string): Promise<AdapterPayload | undefined>;
		findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
		findByUid(uid: string): Promise<AdapterPayload | undefined>;
		consume(id: string): Promise<void>;
		destroy(id: string): Promise<void>;
		revokeByGrantId(grantId: string): Promise<void>;
	}

	export class Provider {
		constructor(issuer: string, configuration?: Configuration);
		readonly issuer: string;
		proxy: boolean;
		readonly Grant: GrantConstructor;
		callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
		use(middleware: Middleware): void;
		on(event: 'server_error', listener: (ctx: KoaContextWithOIDC, error: Error) => void): this;
		on(event: string, listener: (ctx: KoaContextWithOIDC, error: Error & Partial<ErrorOut>) => void): this;
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: InteractionResults,
			options?: { mergeWithLastSubmission?: boolean }
		): Promise<void>;
	}

	export const errors: {
		SessionNotFound: new (description?: string) => Error;
	};

	export default Provider;
}
