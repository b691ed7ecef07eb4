// The college's weekly overview: every feature's figures of the last whole week next to the week before
// (the manifests' `weekly` parts), on a back-office page for whoever may read dashboards, and mailed every
// Monday morning to the municipality's aldermen, once per week (an hourly job; the week's row and the mails
// are written in one transaction).
import { DEFAULT_LOCALE, translate, type Locale } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import type { Features, JobContext, WeeklyFigure, WeeklyScope } from '$lib/server/platform/feature';
import { authorizeMunicipality } from '$lib/server/platform/backoffice';
import { municipalityAbilities, type MunicipalityAbility } from '$lib/server/platform/policy';
import {
	brusselsClock,
	claimWeek,
	countAldermen,
	lastWholeWeek,
	listAldermen,
	listMunicipalitiesOwedWeek
} from './college.queries';
import { weeklyMail } from './college.mail';

/** The job's queue name; the manifest runs it hourly, and it mails once a week. */
export const WEEKLY_JOB = 'college.weekly';
/** The overview goes out on Monday from this hour (Europe/Brussels), for the week that just ended. */
export const SEND_FROM_HOUR = 7;

export interface WeeklyFigureView extends Omit<WeeklyFigure, 'label' | 'href' | 'ability'> {
	label: string;
	/** The page behind the figure; null for a reader who may not open it (an alderman and the moderation queue). */
	href: string | null;
	/** This week minus the week before; null for a figure of now. */
	change: number | null;
}

export interface WeeklyOverview {
	municipality: { slug: string; name: string };
	from: string;
	/** The last day of the week (the Sunday), for display. */
	until: string;
	figures: WeeklyFigureView[];
	aldermen: number;
}

/** Every feature's figures, in registry order; linked when `may` allows the page behind (the mail links none). */
async function gather(
	db: Db,
	features: Features,
	scope: WeeklyScope,
	locale: Locale,
	may: (ability: MunicipalityAbility) => boolean = () => false
) {
	const figures: WeeklyFigureView[] = [];
	for (const feature of features) {
		if (!feature.weekly) continue;
		for (const { ability, href, ...figure } of await feature.weekly.figures(db, scope))
			figures.push({
				...figure,
				href: may(ability ?? 'backoffice.view') ? href : null,
				label: translate(locale, figure.label),
				change: figure.previous === null ? null : figure.value - figure.previous
			});
	}
	return figures;
}

function untilOf(to: Date): string {
	return new Date(to.getTime() - 12 * 3_600_000).toISOString();
}

/** The overview of the last whole week for the back office (abilities: dashboard.view). */
export async function getWeeklyOverview(ctx: Ctx, input: { now?: Date } = {}): Promise<WeeklyOverview> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'dashboard.view');
	const abilities = municipalityAbilities(actor, {
		municipalityId: municipality.id,
		regionId: municipality.regionId
	});
	const week = await lastWholeWeek(ctx.db, { now: input.now ?? new Date() });
	const [figures, aldermen] = await Promise.all([
		gather(
			ctx.db,
			ctx.features,
			{ ...week, municipalityId: municipality.id, slug: municipality.slug },
			ctx.locale,
			(ability) => abilities.has(ability)
		),
		countAldermen(ctx.db, { municipalityId: municipality.id })
	]);
	return {
		municipality: { slug: municipality.slug, name: municipality.name },
		from: week.from.toISOString(),
		until: untilOf(week.to),
		figures,
		aldermen
	};
}

/**
 * Queues the last whole week's overview for the aldermen of every participating municipality that has not
 * had it yet, from Monday SEND_FROM_HOUR on (a run missed on Monday catches up later in the week). Returns
 * how many mails it queued. A municipality without aldermen is skipped and tried again next run.
 */
export async function sendWeeklyOverviews(ctx: JobContext, input: { now?: Date } = {}): Promise<number> {
	const now = input.now ?? new Date();
	const clock = await brusselsClock(ctx.db, { now });
	if (clock.dayOfWeek === 1 && clock.hour < SEND_FROM_HOUR) return 0;
	const week = await lastWholeWeek(ctx.db, { now });
	const origin = ctx.config.origin ?? `http://localhost:${ctx.config.port}`;
	let queued = 0;
	for (const municipality of await listMunicipalitiesOwedWeek(ctx.db, { weekStart: week.weekStart })) {
		const aldermen = await listAldermen(ctx.db, { municipalityId: municipality.id });
		if (aldermen.length === 0) continue;
		const scope = { ...week, municipalityId: municipality.id, slug: municipality.slug };
		const figures = await gather(ctx.db, ctx.features, scope, DEFAULT_LOCALE);
		queued += await ctx.db.transaction(async (tx) => {
			const claimed = await claimWeek(tx, {
				municipalityId: municipality.id,
				weekStart: week.weekStart,
				recipients: aldermen.length
			});
			if (!claimed) return 0;
			for (const alderman of aldermen)
				await ctx.queueMailIn(
					tx,
					weeklyMail(DEFAULT_LOCALE, origin, {
						municipality,
						recipient: { name: alderman.name, email: alderman.email! },
						from: week.from,
						until: new Date(untilOf(week.to)),
						figures,
						reference: `college.weekly:${municipality.id}:${week.weekStart}:${alderman.userId}`
					})
				);
			return aldermen.length;
		});
	}
	if (queued > 0) ctx.log.info({ queued, week: week.weekStart }, 'weekly overviews queued');
	return queued;
}
