// A printable A4 poster (PDF) of a published action, or of one way to take part in it, with a QR code that
// leads to the action's page (utm_source=poster, so the platform knows where a newcomer came from).
import { DEFAULT_LOCALE, formatDate, formatDateTime, intlLocale, translate, type Locale } from '$lib/i18n';
import { rungLevel, type LadderRung } from '$lib/domain/ladder';
import { actionPath, type ActionStatus } from '$lib/domain/actions';
import { readableTextOn } from '$lib/domain/colors';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { notFound } from '$lib/server/platform/errors';
import {
	createPdfPage,
	hexToRgb,
	textWidth,
	wrapText,
	type PdfFont,
	type Rgb
} from '$lib/server/platform/pdf';
import { qrMatrix } from '$lib/server/platform/qr';
import { resolveMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import { listOpportunitiesOfActions } from '$lib/server/features/opportunities/opportunities.service';
import { getPublishedAction, listThemesOfActions } from './actions.queries';
import { parseActionId, parseActionParam } from './actions.schemas';

/** Everything printed on a poster, already in the reader's words. */
export interface PosterView {
	municipality: { name: string; primaryColor: string; accentColor: string };
	title: string;
	summary: string;
	status: ActionStatus;
	when: string | null;
	where: string | null;
	owner: string | null;
	themes: string[];
	opportunities: {
		rung: LadderRung;
		title: string;
		window: string;
		/** Only for a poster of one opportunity: how to take part, as plain text. */
		howTo: string | null;
	}[];
	/** The action page, with utm_source=poster. */
	url: string;
}

export interface ActionPoster {
	filename: string;
	bytes: Uint8Array;
}

/** Markdown as the plain sentences a poster can print. */
function plainText(markdown: string): string {
	return markdown
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, '')
		.replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/g, '$2')
		.replace(/\s+/g, ' ')
		.trim();
}

function windowText(
	opportunity: { opensAt: Date | null; closesAt: Date | null },
	now: Date,
	locale: Locale
): string {
	const { opensAt, closesAt } = opportunity;
	const at = (d: Date) => formatDateTime(d, locale);
	if (!opensAt && !closesAt) return translate(locale, 'actions.page.alwaysOpen');
	if (closesAt && closesAt <= now) return translate(locale, 'actions.page.closed');
	if (opensAt && opensAt > now)
		return closesAt
			? translate(locale, 'actions.page.openBetween', { from: at(opensAt), to: at(closesAt) })
			: translate(locale, 'actions.page.openFrom', { date: at(opensAt) });
	return closesAt
		? translate(locale, 'actions.page.openUntil', { date: at(closesAt) })
		: translate(locale, 'actions.page.openNow');
}

function whenText(startsOn: string | null, endsOn: string | null, locale: Locale): string | null {
	const date = (d: string) => formatDate(`${d}T12:00:00Z`, locale);
	if (startsOn && endsOn)
		return translate(locale, 'actions.page.between', { from: date(startsOn), to: date(endsOn) });
	if (startsOn) return translate(locale, 'actions.page.from', { date: date(startsOn) });
	if (endsOn) return translate(locale, 'actions.page.until', { date: date(endsOn) });
	return null;
}

/**
 * The poster of a published action of this municipality; with `unverifiedOpportunity`, of that one way to
 * take part. Anything else (another municipality's action, a draft, an archived action, another action's
 * opportunity) is not found.
 */
export async function renderActionPoster(
	ctx: Ctx & { tenant: Tenant },
	input: {
		unverifiedAction: string;
		unverifiedOpportunity: string | null;
		/** Origin of the public URL (ORIGIN in production), for the QR code. */
		origin: string;
		now?: Date;
	}
): Promise<ActionPoster> {
	const now = input.now ?? new Date();
	const locale = ctx.locale;
	const param = parseActionParam(input.unverifiedAction);
	if (!param) throw notFound();
	const opportunityId =
		input.unverifiedOpportunity === null ? null : parseActionId(input.unverifiedOpportunity);
	if (input.unverifiedOpportunity !== null && opportunityId === null) throw notFound();

	const municipalityId = ctx.tenant.id;
	const [municipality, action] = await Promise.all([
		resolveMunicipality(ctx, { unverifiedSlug: ctx.tenant.slug }),
		getPublishedAction(ctx.db, { municipalityId, id: param.id, now })
	]);
	if (!municipality || !action) throw notFound();
	const scope = { municipalityIds: [municipalityId], actionIds: [action.id] };
	const [opportunityRows, themeRows] = await Promise.all([
		listOpportunitiesOfActions(ctx, scope),
		listThemesOfActions(ctx.db, scope)
	]);

	let shown = opportunityRows.filter((o) => !o.closesAt || o.closesAt > now);
	if (opportunityId !== null) {
		const one = opportunityRows.find((o) => o.id === opportunityId);
		if (!one) throw notFound();
		shown = [one];
	}

	const url = new URL(actionPath(action.municipalitySlug, action.id, action.slug), input.origin);
	url.searchParams.set('utm_source', 'poster');
	const view: PosterView = {
		municipality: {
			name: municipality.municipality.name,
			primaryColor: municipality.municipality.branding.primaryColor,
			accentColor: municipality.municipality.branding.accentColor
		},
		title: action.title,
		summary: action.summary,
		status: action.status,
		when: whenText(action.startsOn, action.endsOn, locale),
		where: action.placeName,
		owner: action.ownerName || null,
		themes: themeRows.map((t) => t.name),
		opportunities: shown.map((o) => ({
			rung: o.rung,
			title: o.title,
			window: windowText(o, now, locale),
			howTo: opportunityId !== null ? plainText(o.howTo) || null : null
		})),
		url: url.href
	};
	const suffix = opportunityId !== null ? `-kans-${opportunityId}` : '';
	return {
		filename: `affiche-${action.municipalitySlug}-${action.id}${action.slug ? `-${action.slug}` : ''}${suffix}.pdf`,
		bytes: layoutPoster(view, locale, now)
	};
}

const GREY: Rgb = hexToRgb('#4a4a4a');
const DARK: Rgb = hexToRgb('#111111');

/** Lays the poster out on one A4 page: colour band, title, facts, ways to take part, QR code and URL. */
export function layoutPoster(
	view: PosterView,
	locale: Locale = DEFAULT_LOCALE,
	now = new Date()
): Uint8Array {
	const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
		translate(locale, key, params);
	const page = createPdfPage();
	const margin = 48;
	const width = page.width - 2 * margin;
	const primary = hexToRgb(view.municipality.primaryColor);
	const onPrimary = hexToRgb(readableTextOn(view.municipality.primaryColor));

	// The band in the municipality's colours.
	page.rect({ left: 0, top: 0, width: page.width, height: 104, colour: primary });
	page.rect({
		left: 0,
		top: 104,
		width: page.width,
		height: 6,
		colour: hexToRgb(view.municipality.accentColor)
	});
	page.text(t('actionsPoster.header', { name: view.municipality.name }), {
		left: margin,
		baseline: 54,
		size: 26,
		font: 'bold',
		colour: onPrimary
	});
	page.text(t('actionsPoster.kicker', { status: t(`actions.status.${view.status}`) }), {
		left: margin,
		baseline: 82,
		size: 13,
		colour: onPrimary
	});

	// Writes wrapped lines from `top` downward and returns where the next block may start.
	const block = (
		text: string,
		top: number,
		style: { size: number; font?: PdfFont; colour?: Rgb; maxLines?: number; left?: number; width?: number }
	) => {
		const lineHeight = style.size * 1.28;
		const lines = wrapText(text, {
			font: style.font ?? 'regular',
			size: style.size,
			maxWidth: style.width ?? width,
			maxLines: style.maxLines
		});
		lines.forEach((line, i) =>
			page.text(line, {
				left: style.left ?? margin,
				baseline: top + style.size + i * lineHeight,
				size: style.size,
				font: style.font,
				colour: style.colour ?? DARK
			})
		);
		return top + lines.length * lineHeight;
	};

	let top = 136;
	top = block(view.title, top, { size: 30, font: 'bold', maxLines: 3 }) + 12;
	const oneOpportunity = view.opportunities.length === 1 && view.opportunities[0]!.howTo !== null;
	if (view.summary) top = block(view.summary, top, { size: 14, maxLines: oneOpportunity ? 3 : 5 }) + 14;

	const facts: [string, string | null][] = [
		[t('actions.page.when'), view.when],
		[t('actions.page.where'), view.where],
		[t('actions.page.owner'), view.owner],
		[t('actions.page.themes'), view.themes.length ? view.themes.join(', ') : null]
	];
	for (const [label, value] of facts) {
		if (!value) continue;
		page.text(label, { left: margin, baseline: top + 11, size: 11, font: 'bold', colour: GREY });
		top = block(value, top, { size: 11, left: margin + 130, width: width - 130, maxLines: 2 }) + 4;
	}

	// The QR code and the URL take the bottom of the page; the ways to take part fill what is between.
	const qrSize = 140;
	const qrTop = page.height - 36 - 40 - qrSize;
	const bottomOfList = qrTop - 16;

	top += 16;
	page.rect({ left: margin, top, width, height: 1.5, colour: primary });
	top += 12;
	// A poster of one way to take part puts that one forward, with how to do it.
	const single = oneOpportunity;
	const heading = single ? t('actionsPoster.oneHeading') : t('actions.page.opportunities');
	top = block(heading, top, { size: 17, font: 'bold', colour: primary }) + 8;
	if (view.opportunities.length === 0) top = block(t('actionsPoster.noneOpen'), top, { size: 12 }) + 6;
	const titleSize = single ? 20 : 14;
	let printed = 0;
	for (const [index, opportunity] of view.opportunities.entries()) {
		const titleLines = wrapText(opportunity.title, {
			font: 'bold',
			size: titleSize,
			maxWidth: width,
			maxLines: 2
		}).length;
		const height = 10 * 1.28 + 2 + titleLines * titleSize * 1.28 + 8;
		// Room for the "and N more" line unless this is the last one.
		const reserve = index < view.opportunities.length - 1 ? 16 : 0;
		if (printed > 0 && top + height + reserve > bottomOfList) break;
		const rungLine = t('actions.page.rung', {
			level: rungLevel(opportunity.rung),
			name: t(`ladder.${opportunity.rung}.name`)
		});
		// "Trede 2: Raadplegen · Open tot …" on one line, the rung in the municipality's colour.
		page.text(rungLine, { left: margin, baseline: top + 10, size: 10, font: 'bold', colour: primary });
		const after = margin + textWidth(`${rungLine} · `, 'bold', 10);
		page.text('·', { left: after - textWidth('· ', 'bold', 10), baseline: top + 10, size: 10, colour: GREY });
		block(opportunity.window, top, {
			size: 10,
			colour: GREY,
			left: after,
			width: margin + width - after,
			maxLines: 1
		});
		top += 10 * 1.28 + 2;
		top = block(opportunity.title, top, { size: titleSize, font: 'bold', maxLines: 2 });
		if (opportunity.howTo) {
			const room = Math.max(1, Math.floor((bottomOfList - top - 4) / (13 * 1.28)));
			top = block(opportunity.howTo, top + 4, { size: 13, maxLines: Math.min(12, room) }) + 4;
		}
		top += 8;
		printed++;
	}
	const more = view.opportunities.length - printed;
	if (more > 0) block(t('actionsPoster.more', { count: more }), top, { size: 11, colour: GREY });

	// QR code bottom left, the URL under it, an invitation beside it.
	page.qr(qrMatrix(view.url), { left: margin - 12, top: qrTop, size: qrSize });
	page.link({ left: margin - 12, top: qrTop, width: qrSize, height: qrSize }, view.url);
	const besideLeft = margin + qrSize + 8;
	let beside = qrTop + 24;
	beside = block(t('actionsPoster.scan'), beside, {
		size: 18,
		font: 'bold',
		colour: primary,
		left: besideLeft,
		width: page.width - margin - besideLeft
	});
	block(t('actionsPoster.scanHint'), beside + 8, {
		size: 11,
		colour: GREY,
		left: besideLeft,
		width: page.width - margin - besideLeft,
		maxLines: 3
	});
	const urlTop = qrTop + qrSize - 6;
	page.text(t('actionsPoster.orSurf'), { left: margin, baseline: urlTop + 10, size: 10, colour: GREY });
	const urlBottom = block(view.url, urlTop + 12, { size: 11, font: 'bold', maxLines: 2 });
	page.link({ left: margin, top: urlTop + 12, width, height: urlBottom - urlTop - 12 }, view.url);
	page.text(t('actionsPoster.footer', { name: view.municipality.name }), {
		left: margin,
		baseline: page.height - 18,
		size: 8,
		colour: GREY
	});

	return page.toBytes({
		title: t('actionsPoster.documentTitle', { title: view.title }),
		lang: intlLocale(locale),
		creationDate: now
	});
}
