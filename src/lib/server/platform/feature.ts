// What a feature declares about itself, once (Decidim's manifest). The composition root hands the registry
// of these to startApp; the platform loops over it and never names a feature itself.
import type { ZodType } from 'zod';
import type { Database, Db } from '$lib/server/db/client';
import type { Config } from './config';
import type { Logger } from './log';
import type { MailMessage, MailTemplate, QueuedMail } from './mail';
import type { EventHandler } from './events.dispatcher';
import type { Ctx } from './context';
import type { SearchTerms } from './search';
import type { Locale, MessageKey } from '$lib/i18n';
import type { SubscriptionSubjectKind } from '$lib/domain/subscriptions';
import type { MunicipalityAbility } from './policy';
import type { WidgetPart } from './widgets';
import type { OpenDataset } from './open-data';
import { collectIndicators, type IndicatorPart } from './indicators';

/** A feature's part of the OpenAPI document: its paths and the schemas they refer to. */
export interface ApiContribution {
	paths: Record<string, unknown>;
	schemas: Record<string, unknown>;
}

/**
 * What features add to the running App at start-up (the login provider, …). Empty here: a feature fills it in
 * by declaration merging in its manifest file, so the platform's App type names no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureServices {}

export interface FeatureStartInput {
	config: Config;
	log: Logger;
	database: Database;
	/** Whether the demo content is in the database (loaded now or before). */
	demoLoaded: boolean;
}

export interface FeatureStarted {
	services?: Partial<FeatureServices>;
	/** Called once when the App stops, before the jobs and the database. */
	stop?: () => Promise<void>;
}

/** What a job handler gets besides its data: jobs run outside any request. */
export interface JobContext {
	db: Db;
	log: Logger;
	config: Config;
	queueMail(message: MailMessage): Promise<void>;
	/**
	 * Queues a mail in the caller's transaction: its job exists exactly when the transaction commits, so a mail
	 * recorded as sent in that transaction is queued once, never twice and never lost (JOBS=0: sent at once).
	 */
	queueMailIn(tx: Db, message: MailMessage): Promise<void>;
	/** Every feature of the installation (a job that gathers the features' parts, like the weekly overview). */
	features: Features;
	/**
	 * Queues many mails at once (a newsletter, a digest run): a ledger row and a job per (reference, recipient)
	 * not queued before, in `tx` when given, else in a transaction of its own; see platform/mail-delivery.ts.
	 */
	queueMails(tx: Db | null, messages: readonly QueuedMail[]): Promise<{ queued: number; skipped: number }>;
}

// Job data is whatever the sender queued as JSON; each handler validates its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FeatureJob = (data: any, ctx: JobContext) => Promise<void>;

/** Settings a feature owns, per scope (a municipality, an opportunity), with the schema that checks them. */
export interface FeatureSettings {
	scope: 'municipality' | 'opportunity';
	schema: ZodType;
}

/** The person whose data is exported or erased, as the profile feature knows them before anything changes. */
export interface PersonRef {
	userId: string;
	/**
	 * Every address known to be the person's, lower case: the current one (verified or not), and earlier ones
	 * they logged in with or were sent links to. Mail, tokens and invitations may name any of them, so a part
	 * looks for all of them (there is deliberately no field with the current address alone).
	 */
	addresses: readonly string[];
	displayName: string;
}

export type PersonalDataSections = Record<string, unknown>;

/** A feature's part of "download my data" and of deleting an account. */
export interface PersonalDataPart<Sections extends PersonalDataSections = PersonalDataSections> {
	/** The person's data this feature holds, as named sections of the export (never someone else's data). */
	export(db: Db, person: PersonRef): Promise<Sections>;
	/** Deletes or anonymises that data; runs inside the deletion's transaction, so all of it goes or none. */
	erase(tx: Db, person: PersonRef): Promise<void>;
	/**
	 * Sections that stay after erasure because they are public record (a contribution, a vote behind a count,
	 * an audit entry): they keep pointing at the emptied users row, which no longer says who it was.
	 */
	kept?: readonly (keyof Sections & string)[];
}

/**
 * The kinds of content the site-wide search shows, in the order of its groups. Events get their group when
 * the events feature declares a `search` part for them; until then no feature does, and no group shows.
 */
export const SEARCH_KINDS = ['actions', 'opportunities', 'events', 'suggestions', 'municipalities'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One result of the site-wide search: public content, linked to its page. */
export interface SearchHit {
	title: string;
	href: string;
	/** A line about it (a summary, the start of a description); may be empty. */
	summary: string;
	/** What it belongs to (an opportunity's or a suggestion's action); may be empty. */
	context: string;
	municipalityName: string;
}

/** A feature's part of the site-wide search: its public content matching the words, in these municipalities. */
export interface SearchPart {
	kind: SearchKind;
	find(
		ctx: Ctx,
		input: { terms: SearchTerms; municipalityIds: readonly string[]; now: Date; limit: number }
	): Promise<{ hits: SearchHit[]; total: number }>;
}

/** Who asks the back office's home what needs attention: the municipality and what the person may do there. */
export interface AttentionScope {
	municipalityId: string;
	slug: string;
	abilities: ReadonlySet<MunicipalityAbility>;
	now: Date;
}

/** One thing that needs a staff member now, with its count and where to deal with it. */
export interface AttentionItem {
	/** Stable, unique in the registry (`suggestions.waiting`). */
	id: string;
	/** The Dutch heading, with {count}. */
	label: MessageKey;
	count: number;
	/** How long the oldest has waited (ISO time); null when nothing waits or it does not apply. */
	since: string | null;
	href: string;
	/** A few of the items themselves, to go straight to. */
	links?: { label: string; href: string }[];
}

/** A feature's part of the back office's home: what needs attention, asked only with the abilities it needs. */
export interface AttentionPart {
	/** The items for this person; the feature asks `scope.abilities` and leaves out what they may not do. */
	items(db: Db, scope: AttentionScope): Promise<AttentionItem[]>;
	/** How many things wait for this person (the count in the back office's menu): one cheap statement. */
	waiting?(db: Db, scope: AttentionScope): Promise<number>;
}

/** The week a weekly overview covers: `from` to `to`, and the week before it (`previousFrom` to `from`). */
export interface WeeklyScope {
	municipalityId: string;
	slug: string;
	previousFrom: Date;
	from: Date;
	to: Date;
}

/** One figure of the college's weekly overview: this week's, the week before's, where to see more. */
export interface WeeklyFigure {
	/** Stable, unique in the registry (`suggestions.new`). */
	id: string;
	/** The Dutch label. */
	label: MessageKey;
	value: number;
	/** The week before's value; null for a figure of now (what waits at the end of the week). */
	previous: number | null;
	/** For a figure of now: since when the oldest has waited (ISO time). */
	since?: string | null;
	/** The back-office page behind it, from the site's root. */
	href: string;
	/** What that page asks of its reader (`backoffice.view` when not given); a reader without it sees no link. */
	ability?: MunicipalityAbility;
}

/** A feature's part of the weekly overview of a municipality for its aldermen (college feature). */
export interface WeeklyPart {
	figures(db: Db, scope: WeeklyScope): Promise<WeeklyFigure[]>;
}

/** One thing a person did or follows, on "Mijn activiteit". */
export interface ActivityItem {
	title: string;
	/** Where it lives; null when it is gone from public view. */
	href: string | null;
	/** When the person did it (ISO time). */
	at: string;
	/** Short Dutch labels: its status, whether it waits for approval. */
	labels: string[];
	/** A few words of what the person wrote (a comment). */
	excerpt?: string;
	/** A follow the person can end from the list. */
	unfollow?: { kind: SubscriptionSubjectKind; id: string };
}

/** A feature's section of "Mijn activiteit": its heading, what it says when empty, the person's items. */
export interface ActivitySection {
	/** Stable, unique in the registry (`suggestions.mine`). */
	id: string;
	heading: MessageKey;
	empty: MessageKey;
	items: ActivityItem[];
}

/**
 * A feature's part of "Mijn activiteit" on the profile: the person's own contributions and follows, newest
 * first. Events add the person's registrations; groups the groups they signed up for.
 */
export type ActivityPart = (db: Db, person: { userId: string }, locale: Locale) => Promise<ActivitySection[]>;

/**
 * One published item of a municipality's news, for its Atom feeds: an action's update, an event's report, a sent
 * newsletter. Only what everyone may read.
 */
export interface NewsItem {
	/** Stable and unique across features (`action-update:12`): the entry's id in the feed. */
	key: string;
	title: string;
	/** Where it is read on the platform (a path with its anchor). */
	path: string;
	published: Date;
	/** Its text as sanitised HTML (renderMarkdown). */
	html: string;
}

/**
 * A feature's part of a municipality's news (`/{m}/nieuws.atom`, and an action's `…/nieuws.atom` when
 * `actionId` is given: only what belongs to that action). Newest first, at most `limit`.
 */
export type NewsPart = (
	db: Db,
	scope: {
		municipalityId: string;
		municipalitySlug: string;
		actionId: number | null;
		limit: number;
		now: Date;
		locale: Locale;
	}
) => Promise<NewsItem[]>;

export interface FeatureManifest<Sections extends PersonalDataSections = PersonalDataSections> {
	/** The feature's folder name under features/. */
	name: string;
	/** Abilities of the platform's policy this feature asks for before it acts. */
	abilities?: readonly string[];
	settings?: Readonly<Record<string, FeatureSettings>>;
	/** Background jobs by queue name (unique across the registry). */
	jobs?: Readonly<Record<string, FeatureJob>>;
	/**
	 * Which of its jobs run every hour: queued at start and hourly, at most one per clock hour across every
	 * process on the database (pg-boss's singleton slot), with `{}` as data.
	 */
	hourly?: readonly string[];
	/** Handlers of domain events (`defineEventHandler`); the App's dispatcher runs those of every manifest. */
	handlers?: readonly EventHandler[];
	/** Its paths and schemas in the public API's OpenAPI document. */
	api?: readonly ApiContribution[];
	/** Reference data every installation needs; idempotent, runs at every start. */
	seed?: (db: Db) => Promise<unknown>;
	/** Demo content, loaded once inside one transaction, after the features named in `after`. */
	demo?: { after?: readonly string[]; load: (tx: Db) => Promise<unknown> };
	/** Periodic clean-up (hourly). */
	housekeeping?: (input: { db: Db; config: Config }) => Promise<unknown>;
	/** A start-up piece that needs the open, migrated database (e.g. the login provider). */
	start?: (input: FeatureStartInput) => Promise<FeatureStarted>;
	personalData?: PersonalDataPart<Sections>;
	/** Its part of the site-wide search (`/zoeken`): only what everyone may see, only in the municipalities asked. */
	search?: SearchPart;
	/** What needs a staff member's attention now, on the back office's home and as a count in its menu. */
	attention?: AttentionPart;
	/** Its figures in the weekly overview the aldermen get (this week against the week before). */
	weekly?: WeeklyPart;
	/** Its sections of "Mijn activiteit" on the profile. */
	activity?: ActivityPart;
	/** Its items in the municipality's news feeds (Atom). */
	news?: NewsPart;
	/**
	 * Mails it queues as templates (TemplatedMail), rendered when each is sent, by name (unique across the
	 * registry): for mails to many people whose job should not carry the whole mail (a newsletter).
	 */
	mailTemplates?: Readonly<Record<string, MailTemplate>>;
	/** Its widgets, for other sites to embed (`/{m}/widget/{kind}`, platform/widgets.ts) and for the gallery. */
	widgets?: readonly WidgetPart[];
	/** Its open datasets (`/{m}/open-data`, platform/open-data.ts): only what everyone may read, no personal data. */
	openData?: readonly OpenDataset[];
	/** Its impact indicators (platform/indicators.ts), which the impact feature computes, snapshots and shows. */
	indicators?: readonly IndicatorPart[];
}

/** Keeps the manifest's literal type, so the export's sections are typed from the registry. */
export function defineFeature<const Sections extends PersonalDataSections = Record<never, never>>(
	manifest: FeatureManifest<Sections>
): FeatureManifest<Sections> {
	return manifest;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Features = readonly FeatureManifest<any>[];

type SectionsOf<F> = F extends FeatureManifest<infer S> ? S : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every section of a person's data export that a registry's features contribute. */
export type PersonalDataOf<Fs extends Features> = Intersect<SectionsOf<Fs[number]>>;

/**
 * Refuses a registry that cannot work: two features of one name, a demo waiting for a feature that is not
 * there (or for itself through others), a job or event handler name used twice.
 */
export function checkFeatures(features: Features, reserved: { jobs?: readonly string[] } = {}): void {
	const names = new Set<string>();
	for (const f of features) {
		if (names.has(f.name)) throw new Error(`feature ${f.name} is registered twice`);
		names.add(f.name);
	}
	const searchKinds = new Set<string>();
	for (const f of features) {
		if (!f.search) continue;
		if (searchKinds.has(f.search.kind))
			throw new Error(`search kind ${f.search.kind} of ${f.name} is declared twice`);
		searchKinds.add(f.search.kind);
	}
	const widgetKinds = new Set<string>();
	for (const f of features)
		for (const w of f.widgets ?? []) {
			if (widgetKinds.has(w.kind)) throw new Error(`widget ${w.kind} of ${f.name} is declared twice`);
			widgetKinds.add(w.kind);
		}
	const datasets = new Set<string>();
	for (const f of features)
		for (const d of f.openData ?? []) {
			if (datasets.has(d.key)) throw new Error(`dataset ${d.key} of ${f.name} is declared twice`);
			datasets.add(d.key);
		}
	collectIndicators(features);
	const jobs = new Set(reserved.jobs);
	const handlers = new Set<string>();
	const templates = new Set<string>();
	for (const f of features) {
		for (const name of f.demo?.after ?? [])
			if (!features.some((other) => other.name === name && other.demo))
				throw new Error(`the demo of ${f.name} waits for ${name}, which has no demo in the registry`);
		for (const name of Object.keys(f.jobs ?? {})) {
			if (jobs.has(name)) throw new Error(`job ${name} of ${f.name} is declared twice`);
			jobs.add(name);
		}
		for (const name of Object.keys(f.mailTemplates ?? {})) {
			if (templates.has(name)) throw new Error(`mail template ${name} of ${f.name} is declared twice`);
			templates.add(name);
		}
		for (const name of f.hourly ?? [])
			if (!f.jobs?.[name]) throw new Error(`hourly job ${name} of ${f.name} is not one of its jobs`);
		for (const h of f.handlers ?? []) {
			if (handlers.has(h.name)) throw new Error(`event handler ${h.name} of ${f.name} is declared twice`);
			handlers.add(h.name);
		}
	}
	demoOrder(features);
}

/** The features with demo content, each after the ones it waits for (registry order otherwise). */
export function demoOrder(features: Features): Features {
	const withDemo = features.filter((f) => f.demo);
	const done: FeatureManifest[] = [];
	const visiting = new Set<string>();
	const visit = (f: FeatureManifest, path: string[]) => {
		if (done.includes(f)) return;
		if (visiting.has(f.name))
			throw new Error(`demo content waits in a circle: ${[...path, f.name].join(' → ')}`);
		visiting.add(f.name);
		for (const name of f.demo?.after ?? []) {
			const before = withDemo.find((other) => other.name === name);
			if (before) visit(before, [...path, f.name]);
		}
		visiting.delete(f.name);
		done.push(f);
	};
	for (const f of withDemo) visit(f, []);
	return done;
}
