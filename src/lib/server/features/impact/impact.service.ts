// The impact feature's use cases: the dashboards of a municipality and of the region, the public impact pages,
// baselines, targets, entered figures and strategies, the daily snapshot, and `indicatorValue` for other
// features (the funder's reports). Only public indicators leave without a staff role (impact.policy.ts).
import { translate, type Locale } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import type { Features } from '$lib/server/platform/feature';
import { hasMunicipalityFigure, takingPartOf, type IndicatorPart } from '$lib/server/platform/indicators';
import { brusselsDay } from '$lib/server/platform/dates';
import type { Actor } from '$lib/server/platform/policy';
import type { Logger } from '$lib/server/platform/log';
import { AppError } from '$lib/server/platform/errors';
import { writeAudit } from '$lib/server/platform/audit';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { toCsv } from '$lib/server/platform/csv';
import type { z } from 'zod';
import { computeFigures, indicatorsOf, type Figure, type IndicatorFigures } from './impact.compute';
import { trendChart, type TrendChart } from './impact.charts';
import {
	getBaseline,
	getStrategy,
	insertBaselines,
	insertEntry,
	insertSnapshots,
	listBaselines,
	listRegionsWithMunicipalities,
	listTrendPoints,
	listStartRegister,
	listTargets,
	recordStartRegister,
	REGION_SCOPE,
	snapshotAt,
	snapshotDayExists,
	upsertBaseline,
	upsertStrategy,
	upsertTarget,
	type SnapshotRow
} from './impact.queries';
import { IN_EXECUTION } from './impact.indicators';
import {
	mayManageRegionImpact,
	mayReadMunicipalityImpact,
	mayRecordMunicipalityImpact
} from './impact.policy';
import {
	baselineSchema,
	entrySchema,
	regionSortSchema,
	strategySchema,
	targetSchema
} from './impact.schemas';
import './impact.audit';

/** How far back a trend chart reaches, and at most how many of its days it shows (chart and table alike). */
export const TREND_DAYS = 365;
export const TREND_POINTS = 24;

/**
 * At most `max` of a series, evenly spread and always with the first and the last: a year of daily snapshots
 * would be 365 points and table rows per indicator, too many to read and to send.
 */
export function thinOut<T>(series: readonly T[], max = TREND_POINTS): T[] {
	if (series.length <= max) return [...series];
	const step = (series.length - 1) / (max - 1);
	return Array.from({ length: max }, (_, i) => series[Math.round(i * step)]!);
}

/** The day in Brussels of a moment (snapshots and baselines are per Brussels day): the platform's one helper. */
export { brusselsDay };

// The names' order, built once too (a collator is as costly to build and as free of request state).
const collator = new Intl.Collator('nl-BE');

const daysBefore = (day: string, n: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

type Region = Awaited<ReturnType<typeof listRegionsWithMunicipalities>>[number];

// ---------------------------------------------------------------------------------------------
// The daily snapshot
// ---------------------------------------------------------------------------------------------

/**
 * Stores today's figure of every indicator for every municipality and each region, once per Brussels day: a
 * region whose day has rows is skipped, and the unique key keeps a second writer (another process, a job run
 * twice) from adding any. Runs from the hourly job, so a day missed while the platform was down is taken the
 * next hour it runs.
 */
export async function takeDailySnapshots(input: {
	db: Db;
	features: Features;
	now: Date;
	log?: Logger;
}): Promise<{ regions: number; rows: number }> {
	const day = brusselsDay(input.now);
	let regionsDone = 0;
	let rows = 0;
	for (const region of await listRegionsWithMunicipalities(input.db)) {
		if (await snapshotDayExists(input.db, { regionId: region.id, day })) continue;
		const figures = await computeFigures(input.db, {
			features: input.features,
			regionId: region.id,
			municipalityIds: region.municipalities.map((m) => m.id),
			takingPart: takingPartOf(region.municipalities),
			now: input.now
		});
		const snapshot: SnapshotRow[] = [];
		for (const f of figures) {
			const row = (scopeKey: string, figure: Figure): SnapshotRow => ({
				regionId: region.id,
				scopeKey,
				indicatorKey: f.part.key,
				day,
				value: figure.value,
				note: figure.note,
				source: figure.source,
				computedAt: figure.at
			});
			snapshot.push(row(REGION_SCOPE, f.region));
			for (const [id, figure] of f.municipalities) snapshot.push(row(id, figure));
		}
		const inserted = await input.db.transaction((tx) => insertSnapshots(tx, snapshot));
		rows += inserted;
		if (inserted > 0) regionsDone++;
	}
	input.log?.info({ day, regions: regionsDone, rows }, 'impact snapshot');
	return { regions: regionsDone, rows };
}

// ---------------------------------------------------------------------------------------------
// What the pages show
// ---------------------------------------------------------------------------------------------

export type TrafficLight = 'green' | 'orange' | 'red' | 'none';

export interface IndicatorRow {
	key: string;
	name: string;
	definition: string;
	source: string;
	unit: string;
	kind: IndicatorPart['kind'];
	public: boolean;
	/** Declared in the registry: no target, baseline or entered figure of one municipality. */
	regionOnly: boolean;
	baseline: { value: number; recordedOn: string; reason: string } | null;
	/** The impact map's baseline in words, while none is recorded. */
	mapBaseline: string | null;
	target: number | null;
	now: number | null;
	/** For a yes/no indicator of one municipality. */
	yes: boolean | null;
	note: string | null;
	figureSource: 'computed' | 'entered';
	computedAt: string;
	percent: number | null;
	light: TrafficLight;
	trend: TrendChart;
	trendRows: { day: string; value: number }[];
}

/** Reached against the target: below 25 % red (the funders' threshold), from 75 % green. */
export function progress(
	value: number | null,
	target: number | null
): { percent: number | null; light: TrafficLight } {
	if (value === null || target === null || target <= 0) return { percent: null, light: 'none' };
	const percent = Math.round((value / target) * 100);
	return { percent, light: percent >= 75 ? 'green' : percent >= 25 ? 'orange' : 'red' };
}

function texts(locale: Locale, part: IndicatorPart) {
	return {
		name: translate(locale, part.name),
		definition: translate(locale, part.definition),
		source: translate(locale, part.source),
		unit: translate(locale, part.unit),
		mapBaseline: part.mapBaseline ? translate(locale, part.mapBaseline) : null
	};
}

function targetOf(
	part: IndicatorPart,
	scopeKey: string,
	targets: Awaited<ReturnType<typeof listTargets>>,
	figure: Figure
): number | null {
	const own = targets.find((t) => t.scopeKey === scopeKey && t.indicatorKey === part.key);
	if (own) return own.target;
	if (part.targetFrom === 'figure') return figure.target ?? null;
	return scopeKey === REGION_SCOPE ? part.target.region : part.target.municipality;
}

function buildRow(
	locale: Locale,
	f: IndicatorFigures,
	scopeKey: string,
	data: {
		baselines: Awaited<ReturnType<typeof listBaselines>>;
		targets: Awaited<ReturnType<typeof listTargets>>;
		snapshotsBy: Map<string, Awaited<ReturnType<typeof listTrendPoints>>>;
	}
): IndicatorRow {
	const part = f.part;
	const figure = scopeKey === REGION_SCOPE ? f.region : f.municipalities.get(scopeKey)!;
	const yesNo = part.kind === 'municipalities' && scopeKey !== REGION_SCOPE;
	const target = yesNo ? null : targetOf(part, scopeKey, data.targets, figure);
	const baseline = data.baselines.find((b) => b.scopeKey === scopeKey && b.indicatorKey === part.key) ?? null;
	const trendRows = thinOut(
		(data.snapshotsBy.get(`${scopeKey}|${part.key}`) ?? []).map((s) => ({ day: s.day, value: s.value! }))
	);
	const p = yesNo
		? { percent: null, light: (figure.value ? 'green' : 'red') as TrafficLight }
		: progress(figure.value, target);
	return {
		key: part.key,
		...texts(locale, part),
		kind: part.kind,
		public: part.public,
		regionOnly: part.regionOnly === true,
		baseline,
		target,
		now: figure.value,
		yes: yesNo ? Boolean(figure.value) : null,
		note: figure.note,
		figureSource: figure.source,
		computedAt: figure.at.toISOString(),
		percent: p.percent,
		light: p.light,
		trend: trendChart(trendRows, target),
		trendRows
	};
}

async function municipalityRegion(
	ctx: TenantCtx
): Promise<{ region: Region; municipality: Region['municipalities'][number] }> {
	const regions = await listRegionsWithMunicipalities(ctx.db);
	for (const region of regions) {
		const municipality = region.municipalities.find((m) => m.id === ctx.tenant.id);
		if (municipality) return { region, municipality };
	}
	throw new AppError('not_found');
}

async function pageData(
	ctx: Ctx,
	input: {
		region: Region;
		scopeKeys: string[];
		publicOnly: boolean;
		now: Date;
		/**
		 * Only this municipality's figures (its dashboard, its public page, the widget): the indicators are
		 * computed for it alone, not for the whole region; the region's figure is then not known.
		 */
		only?: string;
		/** Without the trends (the widget shows none): no snapshots read. */
		trends?: boolean;
	}
) {
	const keys = indicatorsOf(ctx.features)
		.filter((p) => !input.publicOnly || p.public)
		.map((p) => p.key);
	const [figures, baselines, targets, snapshots] = await Promise.all([
		computeFigures(ctx.db, {
			features: ctx.features,
			regionId: input.region.id,
			municipalityIds: input.only ? [input.only] : input.region.municipalities.map((m) => m.id),
			takingPart: takingPartOf(input.region.municipalities),
			now: input.now,
			keys
		}),
		listBaselines(ctx.db, { regionId: input.region.id, scopeKeys: input.scopeKeys }),
		listTargets(ctx.db, { regionId: input.region.id }),
		input.trends === false
			? Promise.resolve([])
			: listTrendPoints(ctx.db, {
					regionId: input.region.id,
					scopeKeys: input.scopeKeys,
					from: daysBefore(brusselsDay(input.now), TREND_DAYS),
					indicatorKeys: keys,
					max: TREND_POINTS
				})
	]);
	// Per scope and indicator, oldest first (as read), already thinned out to TREND_POINTS (listTrendPoints).
	const snapshotsBy = new Map<string, typeof snapshots>();
	for (const s of snapshots) {
		if (s.value === null) continue;
		const k = `${s.scopeKey}|${s.indicatorKey}`;
		const list = snapshotsBy.get(k) ?? [];
		list.push(s);
		snapshotsBy.set(k, list);
	}
	return { figures, baselines, targets, snapshotsBy };
}

export interface MunicipalityImpactPage {
	municipality: { slug: string; name: string };
	rows: IndicatorRow[];
	canRecord: boolean;
	strategy: { channels: string[]; agreements: string; internal: string; updatedAt: string | null };
	startRegister: { actionId: number; title: string; recordedOn: string }[];
	now: string;
}

/** A municipality's dashboard (`/{m}/beheer/impact`): every indicator of the municipality, for its staff. */
export async function getMunicipalityImpact(
	ctx: TenantCtx,
	now = new Date()
): Promise<MunicipalityImpactPage> {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const { region, municipality } = await municipalityRegion(ctx);
	const target = { municipalityId: municipality.id, regionId: region.id };
	if (!mayReadMunicipalityImpact(ctx.actor, target))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const data = await pageData(ctx, {
		region,
		scopeKeys: [municipality.id],
		publicOnly: false,
		now,
		only: municipality.id
	});
	const [strategy, startRegister] = await Promise.all([
		getStrategy(ctx.db, { municipalityId: municipality.id }),
		listStartRegister(ctx.db, { municipalityId: municipality.id })
	]);
	return {
		municipality: { slug: municipality.slug, name: municipality.name },
		rows: data.figures
			.filter((f) => hasMunicipalityFigure(f.part))
			.map((f) => buildRow(ctx.locale, f, municipality.id, data)),
		canRecord: mayRecordMunicipalityImpact(ctx.actor, target),
		strategy: {
			channels: strategy?.channels ?? [],
			agreements: strategy?.agreements ?? '',
			internal: strategy?.internal ?? '',
			updatedAt: strategy?.updatedAt.toISOString() ?? null
		},
		startRegister,
		now: now.toISOString()
	};
}

export interface RegionImpactPage {
	region: { id: string; slug: string; name: string };
	regions: { slug: string; name: string }[];
	rows: IndicatorRow[];
	/** Every municipality side by side: one figure per indicator, sorted as asked. */
	columns: { key: string; name: string; kind: IndicatorPart['kind'] }[];
	municipalities: {
		slug: string;
		name: string;
		participating: boolean;
		/**
		 * What the table shows: the number, or yes / no. The figure's source and note are on the region's rows and
		 * each municipality's own dashboard; 29 municipalities × every indicator of them were a fifth of the page's
		 * data, shown nowhere.
		 */
		figures: { key: string; value: number | null; yes: boolean | null }[];
	}[];
	sort: string;
	dir: 'asc' | 'desc';
	/** How many municipalities take part: the region's figures are made of theirs only (`takingPartOf`). */
	takingPart: number;
	baselinesRecorded: boolean;
	indicators: { key: string; name: string; entered: boolean }[];
	now: string;
}

function managedRegionIds(actor: Actor): string[] {
	return [...new Set(actor.regionRoles.filter((r) => r.role === 'regional_admin').map((r) => r.regionId))];
}

async function managedRegion(ctx: Ctx, unverifiedSlug: unknown): Promise<{ region: Region; all: Region[] }> {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const ids = managedRegionIds(ctx.actor).filter((id) => mayManageRegionImpact(ctx.actor!, id));
	if (ids.length === 0) throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const all = await listRegionsWithMunicipalities(ctx.db, { regionIds: ids });
	const region = (typeof unverifiedSlug === 'string' && all.find((r) => r.slug === unverifiedSlug)) || all[0];
	if (!region) throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	return { region, all };
}

/** The region's dashboard (`/beheer/impact`): the region's figures and every municipality side by side. */
export async function getRegionImpact(
	ctx: Ctx,
	input: { unverifiedRegionSlug?: unknown; sort?: unknown; dir?: unknown },
	now = new Date()
): Promise<RegionImpactPage> {
	const { region, all } = await managedRegion(ctx, input.unverifiedRegionSlug);
	const { sort, dir } = regionSortSchema.parse({
		sort: input.sort ?? undefined,
		dir: input.dir ?? undefined
	});
	const data = await pageData(ctx, { region, scopeKeys: [REGION_SCOPE], publicOnly: false, now });
	const rows = data.figures.map((f) => buildRow(ctx.locale, f, REGION_SCOPE, data));
	// Side by side only what each municipality has a figure of (not the region's own entered figures).
	const perMunicipality = data.figures.filter((f) => hasMunicipalityFigure(f.part));
	const sortKey = perMunicipality.some((f) => f.part.key === sort) ? sort : 'name';
	const municipalities = region.municipalities.map((m) => ({
		slug: m.slug,
		name: m.name,
		participating: m.participating,
		figures: perMunicipality.map((f) => {
			const figure = f.municipalities.get(m.id)!;
			return {
				key: f.part.key,
				value: figure.value,
				yes: f.part.kind === 'municipalities' ? Boolean(figure.value) : null
			};
		})
	}));
	municipalities.sort((a, b) => {
		const order =
			sortKey === 'name'
				? collator.compare(a.name, b.name)
				: (a.figures.find((f) => f.key === sortKey)!.value ?? -1) -
						(b.figures.find((f) => f.key === sortKey)!.value ?? -1) || collator.compare(a.name, b.name);
		return dir === 'desc' ? -order : order;
	});
	return {
		region: { id: region.id, slug: region.slug, name: region.name },
		regions: all.map((r) => ({ slug: r.slug, name: r.name })),
		rows,
		columns: perMunicipality.map((f) => ({
			key: f.part.key,
			name: translate(ctx.locale, f.part.name),
			kind: f.part.kind
		})),
		municipalities,
		sort: sortKey,
		dir,
		takingPart: takingPartOf(region.municipalities).size,
		baselinesRecorded: data.baselines.length > 0,
		indicators: data.figures.map((f) => ({
			key: f.part.key,
			name: translate(ctx.locale, f.part.name),
			entered: !f.part.compute
		})),
		now: now.toISOString()
	};
}

/**
 * The side-by-side table as CSV, in the order the page shows (the same columns and figures as the table); the
 * region's line gives the region's figure of each column.
 */
export async function getRegionImpactCsv(
	ctx: Ctx,
	input: { unverifiedRegionSlug?: unknown; sort?: unknown; dir?: unknown },
	now = new Date()
): Promise<{ filename: string; csv: string }> {
	const page = await getRegionImpact(ctx, input, now);
	const t = (key: Parameters<typeof translate>[1]) => translate(ctx.locale, key);
	const cell = (f: RegionImpactPage['municipalities'][number]['figures'][number]) =>
		f.yes !== null ? (f.yes ? t('impact.yes') : t('impact.no')) : f.value;
	const csv = toCsv([
		[
			t('impact.region.municipality'),
			...page.columns.map((c) => c.name),
			t('impact.region.takingPartColumn')
		],
		...page.municipalities.map((m) => [
			m.name,
			...m.figures.map(cell),
			m.participating ? t('impact.yes') : t('impact.no')
		]),
		[
			page.region.name,
			...page.columns.map((c) => page.rows.find((r) => r.key === c.key)!.now),
			page.takingPart
		]
	]);
	return { filename: `impact-${page.region.slug}-${brusselsDay(now)}.csv`, csv };
}

export interface PublicImpactPage {
	name: string;
	rows: IndicatorRow[];
	/** The region's page: how many municipalities take part (its figures are theirs summed); null for one. */
	takingPart: number | null;
	now: string;
}

/**
 * The public impact page of a municipality (`/{m}/impact`): only the public indicators. The widget asks it
 * without trends.
 */
export async function getPublicImpact(
	ctx: TenantCtx,
	now = new Date(),
	options: { trends?: boolean } = {}
): Promise<PublicImpactPage> {
	const { region, municipality } = await municipalityRegion(ctx);
	const data = await pageData(ctx, {
		region,
		scopeKeys: [municipality.id],
		publicOnly: true,
		now,
		only: municipality.id,
		trends: options.trends
	});
	return {
		name: municipality.name,
		takingPart: null,
		rows: data.figures
			.filter((f) => !f.part.regionOnly)
			.map((f) => buildRow(ctx.locale, f, municipality.id, data))
			.map(publicRow),
		now: now.toISOString()
	};
}

/** The region's public impact page (`/impact`): the first region's public indicators. */
export async function getPublicRegionImpact(ctx: Ctx, now = new Date()): Promise<PublicImpactPage> {
	const [region] = await listRegionsWithMunicipalities(ctx.db);
	if (!region) throw new AppError('not_found');
	const data = await pageData(ctx, { region, scopeKeys: [REGION_SCOPE], publicOnly: true, now });
	return {
		name: region.name,
		takingPart: takingPartOf(region.municipalities).size,
		rows: data.figures.map((f) => buildRow(ctx.locale, f, REGION_SCOPE, data)).map(publicRow),
		now: now.toISOString()
	};
}

/** What the public sees of a row: no entered notes or baseline reasons (they may name people or plans). */
function publicRow(row: IndicatorRow): IndicatorRow {
	return {
		...row,
		note: row.figureSource === 'computed' ? row.note : null,
		baseline: row.baseline ? { ...row.baseline, reason: '' } : null
	};
}

// ---------------------------------------------------------------------------------------------
// Recording
// ---------------------------------------------------------------------------------------------

interface FigureScope {
	actor: Actor;
	region: Region;
	scopeKey: string;
	municipality: Region['municipalities'][number] | null;
	part: IndicatorPart;
}

/**
 * Which figure a form names, and whether this person may change it: the region's figures only its regional
 * admin, a municipality's its admins (settings.manage) and the regional admin. The scope is decided first, before
 * anything typed is read, so staff of another municipality are refused as forbidden whatever they sent.
 */
async function authorizeScope(
	ctx: Ctx,
	input: { regionId: string | null; scope: unknown }
): Promise<Omit<FigureScope, 'part'>> {
	const actor = ctx.actor;
	if (!actor) throw new AppError('unauthenticated');
	const regions = await listRegionsWithMunicipalities(ctx.db);
	if (input.scope === REGION_SCOPE) {
		const region = regions.find((r) => r.id === input.regionId);
		if (!region || !mayManageRegionImpact(actor, region.id))
			throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
		return { actor, region, scopeKey: REGION_SCOPE, municipality: null };
	}
	for (const region of regions) {
		const municipality = region.municipalities.find((m) => m.slug === input.scope);
		if (!municipality) continue;
		if (!mayRecordMunicipalityImpact(actor, { municipalityId: municipality.id, regionId: region.id }))
			throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
		return { actor, region, scopeKey: municipality.id, municipality };
	}
	throw new AppError('validation', {
		fields: { scope: ['impact.errors.scopeUnknown'] },
		message: 'impact.errors.scopeUnknown'
	});
}

function indicatorPart(ctx: Ctx, key: string): IndicatorPart {
	const part = indicatorsOf(ctx.features).find((p) => p.key === key);
	if (!part)
		throw new AppError('validation', {
			fields: { indicator: ['impact.errors.indicatorUnknown'] },
			message: 'impact.errors.indicatorUnknown'
		});
	return part;
}

async function authorizeFigure<S extends z.ZodType<{ scope: string; indicator: string }>>(
	ctx: Ctx,
	schema: S,
	input: Record<string, unknown> & { unverifiedRegionId?: string | null }
): Promise<{ scope: FigureScope; values: z.output<S> }> {
	const scope = await authorizeScope(ctx, { regionId: input.unverifiedRegionId ?? null, scope: input.scope });
	const values = validateInput(schema, input);
	return { scope: { ...scope, part: indicatorPart(ctx, values.indicator) }, values };
}

/**
 * Refuses a figure of one municipality (a target, a baseline, an entered figure) for an indicator the registry
 * declares region-only: it exists for the region alone, whoever asks (a municipality's admin or the region's).
 */
function refuseRegionOnly(scope: FigureScope): void {
	if (scope.scopeKey !== REGION_SCOPE && scope.part.regionOnly)
		throw new AppError('validation', {
			fields: { indicator: ['impact.errors.regionOnly'] },
			message: 'impact.errors.regionOnly'
		});
}

const auditSubject = (s: FigureScope) => ({ id: s.region.id, name: s.municipality?.name ?? s.region.name });

/** A target other than the impact map's (above zero); of one municipality only for an indicator not region-only. */
export async function changeTarget(
	ctx: Ctx,
	input: RawInput<typeof targetSchema> & { unverifiedRegionId?: string | null }
): Promise<void> {
	const { scope, values } = await authorizeFigure(ctx, targetSchema, input);
	refuseRegionOnly(scope);
	await ctx.db.transaction(async (tx) => {
		await upsertTarget(tx, {
			regionId: scope.region.id,
			scopeKey: scope.scopeKey,
			indicatorKey: scope.part.key,
			target: values.target,
			updatedBy: scope.actor.userId
		});
		await writeAudit(tx, {
			regionId: scope.region.id,
			municipalityId: scope.municipality?.id ?? null,
			actor: scope.actor,
			action: 'impact.target_changed',
			subject: auditSubject(scope),
			details: { indicator: scope.part.key, target: values.target }
		});
	});
}

/**
 * Changes one baseline: a value of zero or more, a day not in the future, and a reason (audit logged); of one
 * municipality only for an indicator not region-only.
 */
export async function changeBaseline(
	ctx: Ctx,
	input: RawInput<typeof baselineSchema> & { unverifiedRegionId?: string | null },
	now = new Date()
): Promise<void> {
	const { scope, values } = await authorizeFigure(ctx, baselineSchema, input);
	refuseRegionOnly(scope);
	if (values.recordedOn > brusselsDay(now))
		throw new AppError('validation', {
			fields: { recordedOn: ['impact.errors.baselineInFuture'] },
			message: 'impact.errors.baselineInFuture'
		});
	await ctx.db.transaction(async (tx) => {
		const before = await getBaseline(tx, {
			regionId: scope.region.id,
			scopeKey: scope.scopeKey,
			indicatorKey: scope.part.key
		});
		await upsertBaseline(tx, {
			regionId: scope.region.id,
			scopeKey: scope.scopeKey,
			indicatorKey: scope.part.key,
			value: values.value,
			recordedOn: values.recordedOn,
			reason: values.reason,
			updatedBy: scope.actor.userId
		});
		await writeAudit(tx, {
			regionId: scope.region.id,
			municipalityId: scope.municipality?.id ?? null,
			actor: scope.actor,
			action: 'impact.baseline_changed',
			subject: auditSubject(scope),
			details: {
				indicator: scope.part.key,
				before: before ? { value: before.value, recordedOn: before.recordedOn } : null,
				after: { value: values.value, recordedOn: values.recordedOn },
				reason: values.reason
			}
		});
	});
}

/**
 * Enters a figure the platform cannot count, with a note; shown as entered. A figure the registry declares
 * region-only (the playbook made available) is entered for the region, never for one municipality.
 */
export async function enterFigure(
	ctx: Ctx,
	input: RawInput<typeof entrySchema> & { unverifiedRegionId?: string | null }
): Promise<void> {
	const { scope, values } = await authorizeFigure(ctx, entrySchema, input);
	if (scope.part.compute)
		throw new AppError('validation', {
			fields: { indicator: ['impact.errors.computed'] },
			message: 'impact.errors.computed'
		});
	refuseRegionOnly(scope);
	await ctx.db.transaction(async (tx) => {
		await insertEntry(tx, {
			regionId: scope.region.id,
			scopeKey: scope.scopeKey,
			indicatorKey: scope.part.key,
			value: values.value,
			note: values.note,
			enteredBy: scope.actor.userId
		});
		await writeAudit(tx, {
			regionId: scope.region.id,
			municipalityId: scope.municipality?.id ?? null,
			actor: scope.actor,
			action: 'impact.figure_entered',
			subject: auditSubject(scope),
			details: { indicator: scope.part.key, value: values.value, note: values.note }
		});
	});
}

/**
 * Records the programme's start for a region: today's figure of every indicator as the baseline of each scope
 * (those with a baseline keep theirs), and the actions in execution as the start register.
 */
export async function recordBaselines(
	ctx: Ctx,
	input: { unverifiedRegionSlug?: unknown },
	now = new Date()
): Promise<{ recorded: number }> {
	const { region } = await managedRegion(ctx, input.unverifiedRegionSlug);
	const actor = ctx.actor!;
	const day = brusselsDay(now);
	const ids = region.municipalities.map((m) => m.id);
	return ctx.db.transaction(async (tx) => {
		// The register first: counted against it, the additional actions start at 0.
		await recordStartRegister(tx, { municipalityIds: ids, statuses: IN_EXECUTION, day });
		const figures = await computeFigures(tx, {
			features: ctx.features,
			regionId: region.id,
			municipalityIds: ids,
			takingPart: takingPartOf(region.municipalities),
			now
		});
		const existing = await listBaselines(tx, { regionId: region.id });
		const rows = [];
		for (const f of figures)
			for (const [scopeKey, figure] of [[REGION_SCOPE, f.region] as const, ...f.municipalities]) {
				if (figure.value === null) continue;
				// A region-only indicator has a baseline for the region alone.
				if (f.part.regionOnly && scopeKey !== REGION_SCOPE) continue;
				if (existing.some((b) => b.scopeKey === scopeKey && b.indicatorKey === f.part.key)) continue;
				rows.push({
					regionId: region.id,
					scopeKey,
					indicatorKey: f.part.key,
					value: figure.value,
					recordedOn: day,
					updatedBy: actor.userId
				});
			}
		await insertBaselines(tx, rows);
		await writeAudit(tx, {
			regionId: region.id,
			actor,
			action: 'impact.baselines_recorded',
			subject: { id: region.id, name: region.name },
			details: { day, baselines: rows.length }
		});
		return { recorded: rows.length };
	});
}

/** The municipality's participation strategy (channels used, communication agreements, internal strategy). */
export async function saveStrategy(ctx: TenantCtx, input: RawInput<typeof strategySchema>): Promise<void> {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const { region, municipality } = await municipalityRegion(ctx);
	if (!mayRecordMunicipalityImpact(ctx.actor, { municipalityId: municipality.id, regionId: region.id }))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const values = validateInput(strategySchema, input);
	const actor = ctx.actor;
	await ctx.db.transaction(async (tx) => {
		await upsertStrategy(tx, { municipalityId: municipality.id, ...values, updatedBy: actor.userId });
		await writeAudit(tx, {
			regionId: region.id,
			municipalityId: municipality.id,
			actor,
			action: 'impact.strategy_recorded',
			subject: { id: municipality.id, name: municipality.name },
			details: {
				channels: values.channels,
				agreements: values.agreements.length > 0,
				internal: values.internal.length > 0
			}
		});
	});
}

// ---------------------------------------------------------------------------------------------
// For other features (the funder's reports)
// ---------------------------------------------------------------------------------------------

export interface IndicatorValue {
	key: string;
	value: number | null;
	note: string | null;
	source: 'computed' | 'entered';
	/** When the figure was computed or entered. */
	computedAt: Date;
	/** The snapshot's day when the figure comes from history; null for a figure computed now. */
	day: string | null;
}

export type IndicatorScopeRef = { region: string } | { municipality: string };

/**
 * An indicator's figure for a municipality (by id) or a region (by id): now when `at` is absent or today, else
 * the daily snapshot of that day (the latest on or before it; null value when none was taken by then). A
 * non-public indicator only for the municipality's staff (dashboard.view) and the region's admins.
 */
export async function indicatorValue(
	ctx: Ctx,
	key: string,
	scope: IndicatorScopeRef,
	at?: Date,
	now = new Date()
): Promise<IndicatorValue> {
	const part = indicatorsOf(ctx.features).find((p) => p.key === key);
	if (!part) throw new AppError('not_found');
	const regions = await listRegionsWithMunicipalities(ctx.db);
	let region: Region | undefined;
	let scopeKey: string;
	if ('region' in scope) {
		region = regions.find((r) => r.id === scope.region);
		scopeKey = REGION_SCOPE;
		if (region && !part.public && !mayManageRegionImpact(ctx.actor ?? null, region.id))
			throw new AppError('forbidden');
	} else {
		region = regions.find((r) => r.municipalities.some((m) => m.id === scope.municipality));
		scopeKey = scope.municipality;
		if (
			region &&
			!part.public &&
			!mayReadMunicipalityImpact(ctx.actor ?? null, {
				municipalityId: scope.municipality,
				regionId: region.id
			})
		)
			throw new AppError('forbidden');
	}
	if (!region) throw new AppError('not_found');
	const day = at ? brusselsDay(at) : null;
	if (day && day < brusselsDay(now)) {
		const snap = await snapshotAt(ctx.db, { regionId: region.id, scopeKey, indicatorKey: key, day });
		return {
			key,
			value: snap?.value ?? null,
			note: snap?.note ?? null,
			source: snap?.source ?? (part.compute ? 'computed' : 'entered'),
			computedAt: snap?.computedAt ?? now,
			day: snap?.day ?? null
		};
	}
	const [figures] = await computeFigures(ctx.db, {
		features: ctx.features,
		regionId: region.id,
		// A municipality's figure is computed for it alone; the region's needs all of them.
		municipalityIds: scopeKey === REGION_SCOPE ? region.municipalities.map((m) => m.id) : [scopeKey],
		takingPart: takingPartOf(region.municipalities),
		now,
		keys: [key]
	});
	const figure = scopeKey === REGION_SCOPE ? figures!.region : figures!.municipalities.get(scopeKey)!;
	return {
		key,
		value: figure.value,
		note: figure.note,
		source: figure.source,
		computedAt: figure.at,
		day: null
	};
}

/** An indicator over a period: its figure at the start and at the end, and the change. */
export async function indicatorPeriod(
	ctx: Ctx,
	key: string,
	scope: IndicatorScopeRef,
	period: { from: Date; to: Date },
	now = new Date()
): Promise<{ start: IndicatorValue; end: IndicatorValue; change: number | null }> {
	const start = await indicatorValue(ctx, key, scope, period.from, now);
	const end = await indicatorValue(ctx, key, scope, period.to, now);
	return {
		start,
		end,
		change: start.value !== null && end.value !== null ? end.value - start.value : null
	};
}
