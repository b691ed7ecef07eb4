// The platform as OpenID Connect relying party (ACM/IDM, Mijn Burgerprofiel): code flow with PKCE S256.
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '$lib/server/platform/config';

export interface OidcIdentity {
	issuer: string;
	subject: string;
	givenName: string | null;
	familyName: string | null;
	email: string | null;
	emailVerified: boolean;
	/**
	 * Kept for logging out at the provider (id_token_hint); null when the token carries a national register
	 * number, which is never stored: logout then names the client instead.
	 */
	idToken: string | null;
	/** The provider sent a national register number (it was dropped): its client registration asks too much. */
	rrnSent: boolean;
}

export interface OidcClient {
	issuer: string;
	label: string;
	authorizationUrl(params: {
		state: string;
		nonce: string;
		codeVerifier: string;
		redirectUri: string;
	}): Promise<URL>;
	/** Checks state, nonce, PKCE, issuer, audience and signature, then returns the mapped claims. */
	exchange(
		currentUrl: URL,
		params: { state: string; nonce: string; codeVerifier: string }
	): Promise<OidcIdentity>;
	endSessionUrl(params: { idTokenHint: string | null; postLogoutRedirectUri: string }): Promise<URL | null>;
}

export const newOidcSecrets = () => ({
	state: client.randomState(),
	nonce: client.randomNonce(),
	codeVerifier: client.randomPKCECodeVerifier()
});

async function clientAuthentication(config: OidcConfig): Promise<client.ClientAuth> {
	if (config.clientAuth === 'private_key_jwt') {
		const der = createPrivateKey(config.privateKey ?? '').export({ type: 'pkcs8', format: 'der' });
		const key = await webcrypto.subtle.importKey(
			'pkcs8',
			der,
			{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
			false,
			['sign']
		);
		return client.PrivateKeyJwt(key as CryptoKey);
	}
	if (config.clientAuth === 'client_secret_post') return client.ClientSecretPost(config.clientSecret);
	return client.ClientSecretBasic(config.clientSecret);
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null;
}

/** Only what we need leaves the token: never the national register number (rrn) or anything else. */
export function mapClaims(
	claims: Record<string, unknown>
): Omit<OidcIdentity, 'idToken' | 'issuer' | 'rrnSent'> {
	const email = text(claims.email);
	return {
		subject: String(claims.sub),
		givenName: text(claims.given_name),
		familyName: text(claims.family_name),
		email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email.toLowerCase() : null,
		emailVerified: claims.email_verified === true
	};
}

export function createOidcClient(config: OidcConfig, options: { allowHttp?: boolean } = {}): OidcClient {
	// Discovery happens on first use and is kept; a failed discovery is tried again next time.
	let discovered: Promise<client.Configuration> | undefined;
	const configuration = () => {
		discovered ??= (async () =>
			client.discovery(
				new URL(config.issuer),
				config.clientId,
				{ id_token_signed_response_alg: 'RS256' },
				await clientAuthentication(config),
				options.allowHttp ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 }
			))().catch((err) => {
			discovered = undefined;
			throw err;
		});
		return discovered;
	};

	return {
		issuer: config.issuer,
		label: config.label,
		async authorizationUrl({ state, nonce, codeVerifier, redirectUri }) {
			return client.buildAuthorizationUrl(await configuration(), {
				redirect_uri: redirectUri,
				scope: config.scopes,
				response_type: 'code',
				code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
				code_challenge_method: 'S256',
				state,
				nonce
			});
		},
		async exchange(currentUrl, { state, nonce, codeVerifier }) {
			const conf = await configuration();
			const tokens = await client.authorizationCodeGrant(conf, currentUrl, {
				pkceCodeVerifier: codeVerifier,
				expectedState: state,
				expectedNonce: nonce,
				idTokenExpected: true
			});
			const claims = tokens.claims();
			if (!claims || !tokens.id_token) throw new Error('no id token');
			let all: Record<string, unknown> = { ...claims };
			if (!claims.given_name && conf.serverMetadata().userinfo_endpoint) {
				const info = await client.fetchUserInfo(conf, tokens.access_token, claims.sub);
				all = {
					...info,
					...claims,
					given_name: info.given_name,
					family_name: info.family_name,
					email: info.email
				};
			}
			// A signed token cannot lose a claim: one with the national register number in it is not kept at all.
			const rrnInIdToken = 'rrn' in claims;
			return {
				...mapClaims(all),
				issuer: conf.serverMetadata().issuer,
				idToken: rrnInIdToken ? null : tokens.id_token,
				rrnSent: rrnInIdToken || 'rrn' in all
			};
		},
		async endSessionUrl({ idTokenHint, postLogoutRedirectUri }) {
			const conf = await configuration();
			if (!conf.serverMetadata().end_session_endpoint) return null;
			return client.buildEndSessionUrl(conf, {
				post_logout_redirect_uri: postLogoutRedirectUri,
				...(idTokenHint ? { id_token_hint: idTokenHint } : { client_id: config.clientId })
			});
		}
	};
}
