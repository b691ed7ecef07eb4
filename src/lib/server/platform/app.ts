// The running platform: configuration, logger, database, jobs and mail, started once and stopped once.
import type { Config } from './config';
import type { Logger } from './log';
import type { Locale } from '$lib/i18n';
import type { Ctx } from './context';
import { openDatabase, type Database, type Db } from '$lib/server/db/client';
import { runInBackground } from '$lib/server/db/priority';
import { migrateDatabase, withSetupLock } from '$lib/server/db/migrate';
import { createJobs, type Jobs } from './jobs';
import { createMailer, MAIL_JOB, type MailMessage, type Mailer, type QueuedMail } from './mail';
import { createMailDelivery, type MailDelivery } from './mail-delivery';
import { bounceAddressFor, bounceSecret, startBounceServer, type BounceServer } from './mail-bounces';
import { executeRows } from '$lib/server/db/rows';
import { sql } from 'drizzle-orm';
import { createBatches, type Batches } from './batch';
import { deleteOldRateLimitHits } from './ratelimit';
import { READ_CACHE_TTL_MS, createCache, type Cache } from './cache';
import { createPageCache, type PageCache } from './page-cache';
import { createGeocoder, type Geocoder } from './geocode';
import { createEventDispatcher, type EventDispatcher } from './events.dispatcher';
import { checkFeatures, type FeatureServices, type Features, type JobContext } from './feature';
import { isDemoLoaded, loadDemo } from './demo';
import { createStatementCounter, type StatementCounter } from './server-timing';
import { createInvalidation, type Invalidation } from './invalidation';
import { createReplica, type Replica } from './replica';
import { API_OWN_PAGES_READ_FACTOR, createReadLimiter, type ReadLimiter } from './api-http';

/** A start refused because another process runs on the embedded database's data folder. */
export { DataDirInUseError } from '$lib/server/db/datadir-lock';

/** The running platform, with what the features' start-up pieces add (FeatureServices). */
export interface App extends FeatureServices {
	config: Config;
	log: Logger;
	database: Database;
	jobs: Jobs;
	mailer: Mailer;
	/** Queues a mail; the job delivers it with retries, once per (reference, recipient). */
	queueMail(message: MailMessage): Promise<void>;
	/** Queues a mail in the caller's transaction (JobContext.queueMailIn). */
	queueMailIn(tx: Db, message: MailMessage): Promise<void>;
	/** Queues many mails at once, in `tx` when given (JobContext.queueMails). */
	queueMails: MailDelivery['queueMails'];
	/** The registry the composition root started the App with. */
	features: Features;
	/** Group commit for hot paths (votes, session lookups): one batcher per name, living as long as the App. */
	batches: Batches;
	cache: Cache;
	pageCache: PageCache;
	/** Counts reads of /api per client address (config.apiReadLimit); null when there is no limit. */
	apiReadLimiter: ReadLimiter | null;
	/**
	 * The same for reads from the platform's own pages (`isOwnPageRead`), with API_OWN_PAGES_READ_FACTOR times
	 * the reads and counts of their own; null when there is no limit.
	 */
	apiOwnPagesReadLimiter: ReadLimiter | null;
	/**
	 * After a write went through: clears this process's caches and tells every other process on the same
	 * PostgreSQL database to clear theirs (invalidation.ts); resolves once they are told.
	 */
	dropCaches(): Promise<void>;
	/** The other processes' notifications on PostgreSQL (null on the embedded database). */
	invalidation: Invalidation | null;
	/** The read replica visitors' pages read from (DATABASE_REPLICA_URL), or null. */
	replica: Replica | null;
	/** Counts each request's statements (config.serverTiming, on a database the App opened itself), else null. */
	statements: StatementCounter | null;
	/** Address lookup through GEOLOCATION_URL, or null when it is not configured. */
	geocoder: Geocoder | null;
	/** Hands the stored domain events to their handlers (running when config.jobs is on). */
	events: EventDispatcher;
	/** The inbound SMTP listener for late bounces (BOUNCE_SMTP_PORT), with the port it got; else null. */
	bounceServer: BounceServer | null;
	/** Stops what startApp started besides the database (the features' start-up pieces, housekeeping). */
	extraStops: (() => Promise<void>)[];
}

export { MAIL_JOB };

/**
 * Opens and migrates the database, then runs every feature's declared parts: reference seed, demo content
 * (once, in dependency order), jobs, start-up pieces and hourly housekeeping.
 */
export async function startApp(
	config: Config,
	log: Logger,
	options: { features: Features; database?: Database }
): Promise<App> {
	const started = performance.now();
	const { features } = options;
	checkFeatures(features, { jobs: [MAIL_JOB] });
	const statements = config.serverTiming && !options.database ? createStatementCounter() : null;
	const onStatement = statements?.observe;
	const database =
		options.database ??
		(config.databaseUrl
			? await openDatabase({
					kind: 'postgres',
					url: config.databaseUrl,
					poolSize: config.databasePoolSize,
					onStatement
				})
			: await openDatabase({ kind: 'pglite', dataDir: config.dataDir, onStatement }));
	log.info(
		{ database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
		'database open'
	);
	const extraStops: (() => Promise<void>)[] = [];
	let demoLoaded = false;
	let municipalityRates: Map<string, number>;
	let bounces: string | null = null;
	try {
		await migrateDatabase(database);
		await withSetupLock(database, async () => {
			for (const feature of features) await feature.seed?.(database.db);
			// Demo content by default on the embedded database; on PostgreSQL only when asked.
			const wantDemo = config.demo ?? database.kind === 'pglite';
			demoLoaded = await isDemoLoaded(database.db);
			if (wantDemo && !demoLoaded) {
				await loadDemo(database.db, features);
				demoLoaded = true;
				log.info('demo content loaded');
			}
		});
		municipalityRates = await municipalityMailRates(database.db, config, log);
		if (config.mailBounceDomain) bounces = await bounceSecret(database.db);
	} catch (error) {
		await database.close();
		throw error;
	}

	const bouncesTo =
		bounces !== null && config.mailBounceDomain ? { secret: bounces, domain: config.mailBounceDomain } : null;
	const mailer = createMailer({
		smtpUrl: config.smtpUrl,
		from: config.mailFrom,
		dataDir: config.dataDir,
		log,
		maxConnections: config.smtpPoolSize
	});
	const jobs = createJobs(database, log);
	const mail = createMailDelivery({
		db: database.db,
		jobs,
		mailer,
		log,
		from: config.mailFrom,
		ratePerSecond: config.mailRatePerSecond,
		municipalityRates,
		deliverNow: !config.jobs,
		concurrency: config.smtpPoolSize,
		bounceAddress: bouncesTo ? (id) => bounceAddressFor(bouncesTo.secret, bouncesTo.domain, id) : undefined,
		templates: new Map(features.flatMap((feature) => Object.entries(feature.mailTemplates ?? {})))
	});
	const queueMails = mail.queueMails;
	async function queueMail(message: MailMessage) {
		await queueMails(null, [message]);
	}
	async function queueMailIn(tx: Db, message: MailMessage) {
		await queueMails(tx, [message]);
	}
	jobs.registerBatch<QueuedMail>(MAIL_JOB, mail.handleBatch, { batchSize: mail.batchSize });
	const jobContext: JobContext = {
		db: database.db,
		log,
		config,
		queueMail,
		queueMailIn,
		queueMails,
		features
	};
	/** The features' hourly jobs, one per clock hour whichever process queues it first. */
	async function queueHourlyJobs() {
		if (!config.jobs) return;
		for (const feature of features)
			for (const name of feature.hourly ?? []) await jobs.send(name, {}, { singletonSeconds: 3_600 });
	}
	for (const feature of features)
		for (const [name, handler] of Object.entries(feature.jobs ?? {}))
			jobs.register<object>(name, (data) => handler(data, jobContext));
	// The domain-event handlers are the ones the features' manifests list.
	const events = createEventDispatcher(database, log, {
		handlers: features.flatMap((feature) => feature.handlers ?? []),
		context: jobContext
	});

	const services: Partial<FeatureServices> = {};
	let bounceServer: BounceServer | null = null;
	try {
		// pg-boss creates its queues one by one; two processes doing it at once can deadlock.
		// Jobs, the event dispatcher and housekeeping are background work: on the embedded database their
		// statements let people's go first (db/priority.ts); everything they start inherits it.
		if (config.jobs) await withSetupLock(database, () => runInBackground(() => jobs.start()));
		// Late bounces (DSNs) to the bounce addresses, when this process is the one to receive them.
		if (bouncesTo && config.bounceSmtpPort !== undefined) {
			const started = await startBounceServer({
				db: database.db,
				log,
				...bouncesTo,
				host: config.bounceSmtpHost,
				port: config.bounceSmtpPort
			});
			bounceServer = started;
			extraStops.push(() => started.stop());
		}
		// What was written while the platform was down is dispatched at once, then new events within a second.
		if (config.jobs) runInBackground(() => events.start());
		await queueHourlyJobs();
		for (const feature of features) {
			const piece = await feature.start?.({ config, log, database, demoLoaded });
			if (piece?.stop) extraStops.push(piece.stop);
			Object.assign(services, piece?.services);
		}
	} catch (error) {
		for (const stop of extraStops) await stop();
		await events.stop();
		await jobs.stop();
		mailer.close();
		await database.close();
		throw error;
	}

	const housekeeping = runInBackground(() =>
		setInterval(() => {
			Promise.all([
				...features.map((feature) => feature.housekeeping?.({ db: database.db, config })),
				// Old rate-limit counters are the platform's own.
				deleteOldRateLimitHits(database.db),
				queueHourlyJobs()
			]).catch((err) => log.error({ err }, 'housekeeping failed'));
		}, 3_600_000)
	);
	housekeeping.unref();
	extraStops.push(async () => clearInterval(housekeeping));

	const cache = createCache({ ttlMs: READ_CACHE_TTL_MS, maxEntries: 2_000 });
	const pageCache = createPageCache({ ttlMs: 5_000, staleMs: 5_000, maxEntries: 500, maxBytes: 512 * 1024 });
	let replica: Replica | null = null;
	let invalidation: Invalidation | null = null;
	if (database.kind === 'postgres' && database.url) {
		const listening = createInvalidation({
			url: database.url,
			log,
			query: (text, values) => database.executeSql(text, values),
			onInvalidate(lsn) {
				cache.clear();
				pageCache.clear();
				replica?.behind(lsn);
			},
			onPublished: (lsn) => replica?.behind(lsn)
		});
		invalidation = listening;
		extraStops.push(() => listening.stop());
		await listening.ready;
		if (config.databaseReplicaUrl) {
			const opened = createReplica({
				database: await openDatabase({
					kind: 'postgres',
					url: config.databaseReplicaUrl,
					poolSize: config.databasePoolSize
				}),
				primary: database,
				log,
				announcing: () => listening.busy()
			});
			replica = opened;
			extraStops.push(() => opened.stop());
			log.info('read replica configured: visitors’ pages read from it');
		}
	}
	async function dropCaches() {
		cache.clear();
		pageCache.clear();
		replica?.cache.clear();
		await invalidation?.publish();
	}

	log.info({ ms: Math.round(performance.now() - started) }, 'platform ready');
	return {
		...(services as FeatureServices),
		config,
		log,
		database,
		jobs,
		mailer,
		features,
		batches: createBatches(),
		cache,
		pageCache,
		apiReadLimiter: config.apiReadLimit > 0 ? createReadLimiter(config.apiReadLimit) : null,
		apiOwnPagesReadLimiter:
			config.apiReadLimit > 0 ? createReadLimiter(config.apiReadLimit * API_OWN_PAGES_READ_FACTOR) : null,
		dropCaches,
		invalidation,
		replica,
		statements,
		events,
		geocoder: config.geolocationUrl ? createGeocoder({ baseUrl: config.geolocationUrl, log }) : null,
		bounceServer,
		extraStops,
		queueMail,
		queueMailIn,
		queueMails
	};
}

/** MAIL_RATE_PER_MUNICIPALITY's slugs as municipality ids; an unknown slug is logged and left out. */
async function municipalityMailRates(db: Db, config: Config, log: Logger): Promise<Map<string, number>> {
	const slugs = Object.keys(config.mailRatePerMunicipality);
	if (slugs.length === 0) return new Map();
	const rows = await executeRows<{ id: string; slug: string }>(
		db,
		sql`SELECT id, slug FROM municipalities WHERE slug IN (SELECT jsonb_array_elements_text(${JSON.stringify(slugs)}::jsonb))`
	);
	for (const slug of slugs)
		if (!rows.some((r) => r.slug === slug))
			log.warn({ slug }, 'MAIL_RATE_PER_MUNICIPALITY names no municipality');
	return new Map(rows.map((r) => [r.id, config.mailRatePerMunicipality[r.slug]!]));
}

/**
 * A request's context on the running platform, as hooks.server.ts gives it to every request; the person
 * (`actor`) and the municipality (`tenant`) are added once the session and the URL are read.
 */
export function requestContext(
	app: App,
	request: {
		requestId: string;
		locale: Locale;
		log: Logger;
		/** A visitor's page, read from the read replica (hooks.server.ts decides, Replica.usable). */
		fromReplica?: boolean;
	}
): Ctx {
	const replica = request.fromReplica ? app.replica : null;
	return {
		db: (replica?.database ?? app.database).db,
		locale: request.locale,
		log: request.log,
		requestId: request.requestId,
		cache: replica?.cache ?? app.cache,
		batches: app.batches,
		geocoder: app.geocoder ?? undefined,
		features: app.features,
		queueMail: (message) => app.queueMail(message),
		queueMails: (tx, messages) => app.queueMails(tx, messages),
		queueJob: app.config.jobs
			? async (name, data, options) => {
					await app.jobs.send(name, data, options);
				}
			: undefined,
		forgetDeliveredMail: async (addresses) => {
			await app.mailer.forget(addresses);
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
