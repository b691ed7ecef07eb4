// The running platform: configuration, logger, database, jobs and mail, started once and stopped once.
import type { Config } from './config';
import type { Logger } from './log';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrateDatabase } from '$lib/server/db/migrate';
import { seedReferenceData } from '$lib/server/features/municipalities/municipalities.seed';
import { isDemoLoaded, seedDemo } from '$lib/server/features/demo/demo.seed';
import { createJobs, type Jobs } from './jobs';
import { createMailer, type MailMessage, type Mailer } from './mail';
import { createOidcClient, type OidcClient } from '$lib/server/features/accounts/accounts.oidc';
import type { SessionSettings } from '$lib/server/features/accounts/accounts.service';
import { createBatches, type Batches } from './batch';
import { deleteExpiredAuthRecords } from '$lib/server/features/accounts/accounts.queries';
import { deleteOldRateLimitHits } from './ratelimit';
import { newToken } from './tokens';
import { createCache, type Cache } from './cache';
import { createPageCache, type PageCache } from './page-cache';
import { translate } from '$lib/i18n';
import { startDevIdp } from '$lib/server/devidp/devidp';
import { PERSONAS } from '$lib/server/devidp/personas';
import { ensurePersonaAccounts } from '$lib/server/features/accounts/accounts.demo';
import { createGeocoder, type Geocoder } from './geocode';
import { createEventDispatcher, type EventDispatcher, type EventHandler } from './events.dispatcher';

export interface App {
	config: Config;
	log: Logger;
	database: Database;
	jobs: Jobs;
	mailer: Mailer;
	/** Queues a mail; the job delivers it with retries. */
	queueMail(message: MailMessage): Promise<void>;
	/** The login provider (ACM/IDM or the bundled development provider), or null when none is configured. */
	oidc: OidcClient | null;
	sessionSettings: SessionSettings;
	/** Group commit for hot paths (votes, session lookups): one batcher per name, living as long as the App. */
	batches: Batches;
	cache: Cache;
	pageCache: PageCache;
	/** Address lookup through GEOLOCATION_URL, or null when it is not configured. */
	geocoder: Geocoder | null;
	/** Hands the stored domain events to their handlers (running when config.jobs is on). */
	events: EventDispatcher;
	/** Stops what startApp started besides the database (the development identity provider, housekeeping). */
	extraStops: (() => Promise<void>)[];
}

export const MAIL_JOB = 'mail.send';

export async function startApp(
	config: Config,
	log: Logger,
	options: {
		database?: Database;
		/** The domain-event handlers of the features (their manifests list them). */
		eventHandlers?: readonly EventHandler[];
	} = {}
): Promise<App> {
	const started = performance.now();
	const database =
		options.database ??
		(config.databaseUrl
			? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
			: await openDatabase({ kind: 'pglite', dataDir: config.dataDir }));
	log.info(
		{ database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
		'database open'
	);
	const extraStops: (() => Promise<void>)[] = [];
	let demoActive = false;
	try {
		await migrateDatabase(database);
		await seedReferenceData(database.db);
		// Demo content by default on the embedded database; on PostgreSQL only when asked.
		const wantDemo = config.demo ?? database.kind === 'pglite';
		demoActive = await isDemoLoaded(database.db);
		if (wantDemo && !demoActive) {
			await seedDemo(database.db);
			demoActive = true;
			log.info('demo content loaded');
		}
	} catch (error) {
		await database.close();
		throw error;
	}

	const mailer = createMailer({
		smtpUrl: config.smtpUrl,
		from: config.mailFrom,
		dataDir: config.dataDir,
		log
	});
	const jobs = createJobs(database, log);
	jobs.register<MailMessage>(MAIL_JOB, async (message) => {
		await mailer.deliver(message);
	});
	if (config.jobs) await jobs.start();
	const events = createEventDispatcher(database, log, { handlers: options.eventHandlers ?? [] });
	// What was written while the platform was down is dispatched at once, then new events within a second.
	if (config.jobs) events.start();

	const sessionSettings = { idleMinutes: config.sessionIdleMinutes, maxDays: config.sessionMaxDays };
	let oidc = config.oidc ? createOidcClient(config.oidc) : null;

	// The bundled identity provider runs on demo installations without a real one, or when DEV_IDP=1.
	if (config.devIdp ?? (demoActive && !config.oidc)) {
		const origin = new URL(config.origin ?? `http://localhost:${config.port}`);
		const clientSecret = newToken();
		const devIdp = await startDevIdp({
			host: origin.hostname,
			port: config.devIdpPort,
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
		extraStops.push(() => devIdp.close());
		await ensurePersonaAccounts(database.db, { issuer: devIdp.issuer, personas: PERSONAS });
		oidc = createOidcClient(
			{
				issuer: devIdp.issuer,
				clientId: 'meedoen',
				clientSecret,
				clientAuth: 'client_secret_basic',
				privateKey: undefined,
				scopes: 'openid profile email',
				label: translate('nl', 'auth.devIdpLabel')
			},
			{ allowHttp: true }
		);
	}

	// Expired sessions, used login links and old rate-limit counters are cleared every hour.
	const housekeeping = setInterval(() => {
		Promise.all([
			deleteExpiredAuthRecords(database.db, { sessionIdleMinutes: config.sessionIdleMinutes }),
			deleteOldRateLimitHits(database.db)
		]).catch((err) => log.error({ err }, 'housekeeping failed'));
	}, 3_600_000);
	housekeeping.unref();
	extraStops.push(async () => clearInterval(housekeeping));

	log.info({ ms: Math.round(performance.now() - started) }, 'platform ready');
	return {
		config,
		log,
		database,
		jobs,
		mailer,
		oidc,
		sessionSettings,
		batches: createBatches(),
		cache: createCache({ ttlMs: 10_000, maxEntries: 2_000 }),
		pageCache: createPageCache({ ttlMs: 5_000, staleMs: 5_000, maxEntries: 500, maxBytes: 512 * 1024 }),
		events,
		geocoder: config.geolocationUrl ? createGeocoder({ baseUrl: config.geolocationUrl, log }) : null,
		extraStops,
		async queueMail(message) {
			if (!config.jobs) {
				await mailer.deliver(message);
				return;
			}
			await jobs.send(MAIL_JOB, message);
		}
	};
}

/** Stops the event dispatcher and jobs first (a running handler or job finishes), then mail, then the database. */
export async function stopApp(app: App): Promise<void> {
	for (const stop of app.extraStops) await stop();
	await app.events.stop();
	await app.jobs.stop();
	app.mailer.close();
	await app.database.close();
	app.log.info('platform stopped, database closed');
}
