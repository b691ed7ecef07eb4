// A printable A4 poster (PDF) of a published action, or of one way to take part in it, with a QR code that
// leads to the action's page (utm_source=poster, so the platform knows where a newcomer came from).
import { DEFAULT_LOCALE, formatDate, formatDateTime, intlLocale, translate, type Locale } from '$lib/i18n';
import type { LadderRung } from '$lib/domain/ladder';
import { actionPath, type ActionStatus } from '$lib/domain/actions';
import { readableTextOn } from '$lib/domain/colors';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { notFound } from '$lib/server/platform/errors';
import { createPdf, type PdfRole, type PdfTextStyle } from '$lib/server/platform/pdf';
import { qrMatrix } from '$lib/server/platform/qr';
import { resolveMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import { listOpportunitiesOfActions } from '$lib/server/features/opportunities/opportunities.service';
import { nextStepOf } from '$lib/server/features/opportunities/opportunities.next-step';
import { getPublishedAction, listThemesOfActions } from './actions.queries';
import { parseId, parseSluggedId } from '$lib/domain/ids';

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

/** `online`: it has a next step on the platform (nextStepOf); without one it is never called open. */
function windowText(
	opportunity: { opensAt: Date | null; closesAt: Date | null },
	online: boolean,
	now: Date,
	locale: Locale
): string {
	const { opensAt, closesAt } = opportunity;
	const at = (d: Date) => formatDateTime(d, locale);
	if (closesAt && closesAt <= now) return translate(locale, 'actions.page.closed');
	if (opensAt && opensAt > now)
		return closesAt
			? translate(locale, 'actions.page.openBetween', { from: at(opensAt), to: at(closesAt) })
			: translate(locale, 'actions.page.openFrom', { date: at(opensAt) });
	if (!online)
		return closesAt
			? translate(locale, 'actions.page.runsUntil', { date: at(closesAt) })
			: translate(locale, 'actions.page.runsOpenEnded');
	if (!opensAt && !closesAt) return translate(locale, 'actions.page.alwaysOpen');
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
	const param = parseSluggedId(input.unverifiedAction);
	if (!param) throw notFound();
	const opportunityId = input.unverifiedOpportunity === null ? null : parseId(input.unverifiedOpportunity);
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
			window: windowText(o, nextStepOf(o, opportunityRows, now) !== null, now, locale),
			howTo: opportunityId !== null ? plainText(o.howTo) || null : null
		})),
		url: url.href
	};
	const suffix = opportunityId !== null ? `-kans-${opportunityId}` : '';
	return {
		filename: `affiche-${action.municipalitySlug}-${action.id}${action.slug ? `-${action.slug}` : ''}${suffix}.pdf`,
		bytes: await layoutPoster(view, locale, now)
	};
}

const GREY = '#4a4a4a';

/**
 * Lays the poster out on one A4 page: colour band, title, facts, ways to take part, QR code and URL. In
 * reading order the structure is: the municipality and the action's status, the title (H1), the summary,
 * the facts as a list of label and value, the ways to take part (H2 and a list), the invitation to scan
 * (H2), the QR code as a figure inside a link, the URL as a link, and the footer.
 */
export async function layoutPoster(
	view: PosterView,
	locale: Locale = DEFAULT_LOCALE,
	now = new Date()
): Promise<Uint8Array> {
	const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
		translate(locale, key, params);
	const pdf = createPdf({
		title: t('actionsPoster.documentTitle', { title: view.title }),
		lang: intlLocale(locale),
		author: view.municipality.name,
		subject: view.summary || undefined,
		keywords: view.themes,
		creationDate: now
	});
	const margin = 48;
	const width = pdf.width - 2 * margin;
	const primary = view.municipality.primaryColor;
	const onPrimary = readableTextOn(view.municipality.primaryColor);

	// The band in the municipality's colours.
	pdf.decoration((g) => {
		g.rect({ left: 0, top: 0, width: pdf.width, height: 104 }, primary);
		g.rect({ left: 0, top: 104, width: pdf.width, height: 6 }, view.municipality.accentColor);
	});
	pdf.text(
		'P',
		t('actionsPoster.header', { name: view.municipality.name }),
		{ left: margin, top: 28, width },
		{ size: 26, weight: 'bold', colour: onPrimary, maxLines: 1 }
	);
	pdf.text(
		'P',
		t('actionsPoster.kicker', { status: t(`actions.status.${view.status}`) }),
		{ left: margin, top: 70, width },
		{ size: 13, colour: onPrimary, maxLines: 1 }
	);

	// Writes wrapped lines from `top` downward and returns where the next block may start.
	const block = (
		role: PdfRole | null,
		text: string,
		top: number,
		style: PdfTextStyle & { left?: number; width?: number }
	) => pdf.text(role, text, { left: style.left ?? margin, top, width: style.width ?? width }, style);

	let top = 136;
	top = block('H1', view.title, top, { size: 30, weight: 'bold', maxLines: 3 }) + 12;
	const oneOpportunity = view.opportunities.length === 1 && view.opportunities[0]!.howTo !== null;
	if (view.summary) top = block('P', view.summary, top, { size: 14, maxLines: oneOpportunity ? 3 : 5 }) + 14;

	const facts = (
		[
			[t('actions.page.when'), view.when],
			[t('actions.page.where'), view.where],
			[t('actions.page.owner'), view.owner],
			[t('actions.page.themes'), view.themes.length ? view.themes.join(', ') : null]
		] as const
	).filter((fact): fact is readonly [string, string] => !!fact[1]);
	const labelStyle: PdfTextStyle = { size: 11, weight: 'bold', colour: GREY, maxLines: 1 };
	// The values line up after the widest label.
	const labelWidth = Math.min(180, Math.max(0, ...facts.map(([label]) => pdf.textWidth(label, labelStyle))));
	if (facts.length > 0)
		pdf.group('L', () => {
			for (const [label, value] of facts)
				pdf.group('LI', () => {
					block('Lbl', label, top, { ...labelStyle, width: labelWidth + 1 });
					top = block('LBody', value, top, {
						size: 11,
						left: margin + labelWidth + 14,
						width: width - labelWidth - 14,
						maxLines: 2
					});
					top += 4;
				});
		});

	// The QR code and the URL take the bottom of the page; the ways to take part fill what is between.
	const qrSize = 140;
	const qrTop = pdf.height - 36 - 40 - qrSize;
	const bottomOfList = qrTop - 16;

	top += 16;
	pdf.decoration((g) => g.rect({ left: margin, top, width, height: 1.5 }, primary));
	top += 12;
	// A poster of one way to take part puts that one forward, with how to do it.
	const single = oneOpportunity;
	const heading = single ? t('actionsPoster.oneHeading') : t('actions.page.opportunities');
	top = block('H2', heading, top, { size: 17, weight: 'bold', colour: primary }) + 8;
	if (view.opportunities.length === 0) top = block('P', t('actionsPoster.noneOpen'), top, { size: 12 }) + 6;
	const titleStyle: PdfTextStyle = { size: single ? 20 : 14, weight: 'bold', maxLines: 2 };
	const rungStyle: PdfTextStyle = { size: 10, weight: 'bold', colour: primary };
	const windowStyle: PdfTextStyle = { size: 10, colour: GREY, maxLines: 1 };
	let printed = 0;
	if (view.opportunities.length > 0)
		pdf.group('L', () => {
			for (const [index, opportunity] of view.opportunities.entries()) {
				const height =
					pdf.lineHeight(rungStyle) +
					2 +
					pdf.lineCount(opportunity.title, width, titleStyle) * pdf.lineHeight(titleStyle) +
					8;
				// Room for the "and N more" line unless this is the last one.
				const reserve = index < view.opportunities.length - 1 ? 16 : 0;
				if (printed > 0 && top + height + reserve > bottomOfList) break;
				const rungLine = t('actions.page.rung', { name: t(`ladder.${opportunity.rung}.plain`) });
				pdf.group('LI', () =>
					pdf.group('LBody', () => {
						// "Je mening geven · Open tot …" on one line, the rung in the municipality's colour.
						pdf.group('P', () => {
							const after = margin + pdf.textWidth(`${rungLine} · `, rungStyle);
							block(null, rungLine, top, { ...rungStyle, maxLines: 1 });
							const dot = after - pdf.textWidth('· ', rungStyle);
							block(null, '·', top, { size: 10, colour: GREY, left: dot, width: after - dot });
							block(null, opportunity.window, top, {
								...windowStyle,
								left: after,
								width: margin + width - after
							});
						});
						top += pdf.lineHeight(rungStyle) + 2;
						top = block('P', opportunity.title, top, titleStyle);
						if (opportunity.howTo) {
							const room = Math.max(1, Math.floor((bottomOfList - top - 4) / pdf.lineHeight({ size: 13 })));
							top = block('P', opportunity.howTo, top + 4, { size: 13, maxLines: Math.min(12, room) }) + 4;
						}
						top += 8;
					})
				);
				printed++;
			}
		});
	const more = view.opportunities.length - printed;
	if (more > 0) block('P', t('actionsPoster.more', { count: more }), top, { size: 11, colour: GREY });

	// QR code bottom left, the URL under it, an invitation beside it.
	const besideLeft = margin + qrSize + 8;
	const besideWidth = pdf.width - margin - besideLeft;
	let beside = qrTop + 24;
	beside = block('H2', t('actionsPoster.scan'), beside, {
		size: 18,
		weight: 'bold',
		colour: primary,
		left: besideLeft,
		width: besideWidth
	});
	block('P', t('actionsPoster.scanHint'), beside + 8, {
		size: 11,
		colour: GREY,
		left: besideLeft,
		width: besideWidth,
		maxLines: 3
	});
	const linkLabel = t('actionsPoster.linkLabel', { url: view.url });
	pdf.link(view.url, linkLabel, () =>
		pdf.qrCode(
			qrMatrix(view.url),
			{ left: margin - 12, top: qrTop, size: qrSize },
			t('actionsPoster.qrAlt', { url: view.url })
		)
	);
	const urlTop = qrTop + qrSize - 6;
	block('P', t('actionsPoster.orSurf'), urlTop, { size: 10, colour: GREY, maxLines: 1 });
	pdf.group('P', () =>
		pdf.link(view.url, linkLabel, () =>
			block(null, view.url, urlTop + 14, { size: 11, weight: 'bold', maxLines: 2 })
		)
	);
	block('P', t('actionsPoster.footer', { name: view.municipality.name }), pdf.height - 26, {
		size: 8,
		colour: GREY,
		maxLines: 1
	});

	return pdf.toBytes();
}
