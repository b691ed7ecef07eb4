// The accounts feature: logging in (OpenID Connect, mailed links), sessions, and the development identity
// provider on demo installations.
import { translate } from '$lib/i18n';
import { defineFeature } from '$lib/server/platform/feature';
import { accountsIndicators } from './accounts.indicators';
import { newToken } from '$lib/server/platform/tokens';
import { devIdpIssuer, startDevIdp } from '$lib/server/devidp/devidp';
import { PERSONAS } from '$lib/server/devidp/personas';
import { createOidcClient, type OidcClient } from './accounts.oidc';
import type { SessionSettings } from './accounts.service';
import { deleteExpiredAuthRecords } from './accounts.queries';
import { ensurePersonaAccounts } from './accounts.demo';
import { eraseAccountData, exportAccountData } from './accounts.personal-data';

declare module '$lib/server/platform/feature' {
	interface FeatureServices {
		/** The login provider (ACM/IDM or the bundled development provider), or null when none is configured. */
		oidc: OidcClient | null;
		sessionSettings: SessionSettings;
	}
}

export const accountsFeature = defineFeature({
	name: 'accounts',
	// Its impact indicators (platform/indicators.ts), computed and shown by the impact feature.
	indicators: accountsIndicators,
	// Expired sessions and used login links.
	housekeeping: ({ db, config }) =>
		deleteExpiredAuthRecords(db, { sessionIdleMinutes: config.sessionIdleMinutes }),
	async start({ config, log, database, demoLoaded }) {
		const sessionSettings = { idleMinutes: config.sessionIdleMinutes, maxDays: config.sessionMaxDays };
		// The bundled identity provider runs on demo installations without a real one, or when DEV_IDP=1.
		if (!(config.devIdp ?? (demoLoaded && !config.oidc)))
			return { services: { oidc: config.oidc ? createOidcClient(config.oidc) : null, sessionSettings } };
		const origin = new URL(config.origin ?? `http://localhost:${config.port}`);
		const clientSecret = config.devIdpClientSecret ?? newToken();
		// Several processes of one `npm start`: the first runs the provider (it keeps its logins in memory), the
		// others send people to it; scripts/start.mjs gives them its port and the client secret.
		let devIdp: { issuer: string; close(): Promise<void> } | null = null;
		if (config.processNumber === 1) {
			devIdp = await startDevIdp({
				host: origin.hostname,
				port: config.devIdpPort,
				people: config.devIdpPeople,
				clients: [
					{
						clientId: 'meedoen',
						clientSecret,
						redirectUris: [`${origin.origin}/aanmelden/terug`],
						postLogoutRedirectUris: [`${origin.origin}/afgemeld`]
					}
				],
				log
			});
			try {
				await ensurePersonaAccounts(database.db, { issuer: devIdp.issuer, personas: PERSONAS });
			} catch (err) {
				await devIdp.close();
				throw err;
			}
		}
		const issuer = devIdp?.issuer ?? devIdpIssuer(origin.hostname, config.devIdpPort);
		const oidc = createOidcClient(
			{
				issuer,
				clientId: 'meedoen',
				clientSecret,
				clientAuth: 'client_secret_basic',
				privateKey: undefined,
				scopes: 'openid profile email',
				label: translate('nl', 'auth.devIdpLabel')
			},
			{ allowHttp: true }
		);
		return { services: { oidc, sessionSettings }, stop: async () => devIdp?.close() };
	},
	personalData: { export: exportAccountData, erase: eraseAccountData }
});
