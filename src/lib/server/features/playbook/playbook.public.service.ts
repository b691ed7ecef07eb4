// The public playbook (/draaiboek): every published template of every region, readable without logging in by
// any municipality, in the Kempen or elsewhere, and downloadable as a tagged PDF (platform/pdf.ts) and as a
// Markdown document of the whole trajectory.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { createPdf, type PdfRole, type PdfTextStyle } from '$lib/server/platform/pdf';
import { intlLocale, translate, type Locale, type MessageKey } from '$lib/i18n';
import { PLAYBOOK_CHANNELS, type PlaybookPhase } from '$lib/domain/playbook';
import { getTemplateBySlug, listPublishedTemplates } from './playbook.queries';
import { presentPublishedTemplate, type PublishedTemplateView } from './playbook.present';

export async function listPublicTemplates(ctx: Ctx): Promise<PublishedTemplateView[]> {
	return (await listPublishedTemplates(ctx.db)).map(presentPublishedTemplate);
}

/** A published template by its slug; a draft (never published or taken offline) is not found. */
export async function getPublicTemplate(
	ctx: Ctx,
	input: { unverifiedSlug: unknown }
): Promise<PublishedTemplateView> {
	const slug =
		typeof input.unverifiedSlug === 'string' && input.unverifiedSlug.length <= 80
			? input.unverifiedSlug
			: null;
	const row = slug ? await getTemplateBySlug(ctx.db, { slug }) : undefined;
	if (!row || row.status !== 'published' || !row.publishedContent) throw new AppError('not_found');
	return presentPublishedTemplate({
		slug: row.slug,
		title: row.publishedTitle,
		summary: row.publishedSummary,
		theme: row.publishedTheme,
		version: row.version,
		publishedAt: row.publishedAt,
		content: row.publishedContent
	});
}

/** A template's page: the template, and its documents' Markdown as sanitised HTML under the page's headings. */
export async function getPublicTemplatePage(ctx: Ctx, input: { unverifiedSlug: unknown }) {
	const template = await getPublicTemplate(ctx, input);
	return {
		template,
		documents: template.content.documents.map((d) => ({
			key: d.key,
			title: d.title,
			kind: d.kind,
			// A document's own headings sit below its title (h3): # becomes h4 (renderMarkdown moves one more down).
			html: renderMarkdown(d.body.replace(/^(#{1,3})(?=\s)/gm, (h) => '#'.repeat(Math.min(6, h.length + 2))))
		}))
	};
}

const tr = (locale: Locale) => (key: string, params?: Record<string, string | number>) =>
	translate(locale, key as MessageKey, params);

export function durationLabel(locale: Locale, phase: Pick<PlaybookPhase, 'duration' | 'unit'>): string {
	return translate(locale, `playbook.units.${phase.unit}` as MessageKey, { count: phase.duration });
}

/** The whole trajectory as one Markdown document: the template as a municipality would print or adapt it. */
export function templateMarkdown(view: PublishedTemplateView, locale: Locale, url: string): string {
	const t = tr(locale);
	const out: string[] = [`# ${view.title}`, ''];
	if (view.theme)
		out.push(
			`*${t('playbook.page.theme')}: ${view.theme}* · ${t('playbook.page.version', { version: view.version })}`,
			''
		);
	if (view.summary) out.push(view.summary, '');
	out.push(`${t('playbook.page.source')}: ${url}`, '');
	for (const [i, phase] of view.content.phases.entries()) {
		out.push(
			`## ${t('playbook.page.phase', { n: i + 1 })}: ${phase.title} (${durationLabel(locale, phase)})`,
			''
		);
		if (phase.description) out.push(phase.description, '');
		for (const step of phase.steps) {
			out.push(`### ${step.title}`, '');
			out.push(`- ${t('playbook.page.role')}: ${t(`playbook.roles.${step.role}`)}`);
			out.push(`- ${t('playbook.page.when')}: ${t('playbook.page.offset', { days: step.offsetDays })}`, '');
			if (step.description) out.push(step.description, '');
			if (step.checklist.length) {
				out.push(`**${t('playbook.page.checklist')}**`, '');
				for (const item of step.checklist) out.push(`- [ ] ${item}`);
				out.push('');
			}
			if (step.session) {
				out.push(
					`**${t('playbook.page.session')}: ${step.session.title}** (${t('playbook.page.minutes', { count: step.session.durationMinutes })})`,
					''
				);
				for (const [label, text] of [
					[t('playbook.page.agenda'), step.session.agenda],
					[t('playbook.page.materials'), step.session.materials],
					[t('playbook.page.prepare'), step.session.prepare]
				] as const) {
					if (!text.trim()) continue;
					out.push(`*${label}*`, '');
					for (const line of text.split('\n').filter((l) => l.trim())) out.push(`- ${line.trim()}`);
					out.push('');
				}
			}
			const channels = PLAYBOOK_CHANNELS.filter((c) => step.communication[c]);
			if (channels.length) {
				out.push(`**${t('playbook.page.communication')}**`, '');
				for (const c of channels) out.push(`- ${t(`playbook.channels.${c}`)}: ${step.communication[c]}`);
				out.push('');
			}
		}
	}
	if (view.content.documents.length) {
		out.push(`## ${t('playbook.page.documents')}`, '');
		for (const d of view.content.documents) {
			out.push(`### ${d.title} (${t(`playbook.documentKinds.${d.kind}`)})`, '');
			// The document's own headings sit below the section's.
			out.push(d.body.replace(/^(#{1,4}) /gm, '$1### ').replace(/^#{7,} /gm, '###### '), '');
		}
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * The template as a tagged PDF (platform/pdf.ts): headings in order (H1 the template, H2 a phase, H3 a step,
 * H4 its parts), checklists and session items as lists, the documents' Markdown as headings, lists and
 * paragraphs. The text flows over as many A4 pages as it needs.
 */
export async function templatePdf(
	view: PublishedTemplateView,
	locale: Locale,
	url: string
): Promise<Uint8Array> {
	const t = tr(locale);
	const margin = 56;
	const pdf = createPdf(
		{
			title: view.title,
			lang: intlLocale(locale),
			author: t('playbook.pdf.author'),
			subject: view.summary.slice(0, 500) || undefined,
			keywords: [t('playbook.pdf.keyword'), view.theme].filter(Boolean)
		},
		{ margin }
	);
	const width = pdf.width - 2 * margin;
	let top = margin;
	// A block that would start in the last lines of a page starts on the next one, its label with it.
	const room = (needed = 48) => {
		if (top > pdf.height - margin - needed) {
			pdf.addPage();
			top = margin;
		}
	};
	const write = (role: PdfRole, text: string, style: PdfTextStyle, gap = 6, indent = 0) => {
		room(role.startsWith('H') ? 80 : 24);
		top = pdf.text(role, text, { left: margin + indent, top, width: width - indent }, style) + gap;
	};
	const list = (items: string[]) => {
		if (!items.length) return;
		pdf.group('L', () => {
			for (const item of items)
				pdf.group('LI', () => {
					room(24);
					pdf.text('Lbl', '•', { left: margin + 4, top, width: 10 }, { size: 10.5 });
					top = pdf.text('LBody', item, { left: margin + 16, top, width: width - 16 }, { size: 10.5 }) + 3;
				});
		});
		top += 4;
	};
	const lines = (text: string) =>
		text
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
	const markdown = (body: string) => {
		let bullets: string[] = [];
		const flush = () => {
			list(bullets);
			bullets = [];
		};
		for (const block of body.split(/\n\s*\n/)) {
			for (const line of block.split('\n')) {
				const trimmed = line.trim();
				if (!trimmed) continue;
				const bullet = /^[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(trimmed);
				if (bullet) {
					bullets.push(bullet[1]!.replace(/[*_`]/g, ''));
					continue;
				}
				flush();
				const heading = /^#{1,6}\s+(.*)$/.exec(trimmed);
				if (heading) write('H4', heading[1]!, { size: 11.5, weight: 'bold' }, 4);
				else write('P', trimmed.replace(/[*_`]/g, ''), { size: 10.5 }, 4);
			}
			flush();
		}
	};

	write('H1', view.title, { size: 22, weight: 'bold' }, 8);
	write(
		'P',
		[
			view.theme && `${t('playbook.page.theme')}: ${view.theme}`,
			t('playbook.page.version', { version: view.version })
		]
			.filter(Boolean)
			.join(' · '),
		{ size: 10, colour: '#4a4a4a' },
		8
	);
	for (const paragraph of view.summary.split(/\n\s*\n/).filter((p) => p.trim()))
		write('P', paragraph.trim(), { size: 11 }, 6);
	pdf.link(url, t('playbook.pdf.linkLabel'), () => write('P', url, { size: 10, colour: '#1f5f3f' }, 12));

	for (const [i, phase] of view.content.phases.entries()) {
		pdf.group('Sect', () => {
			top += 6;
			write(
				'H2',
				`${t('playbook.page.phase', { n: i + 1 })}: ${phase.title} (${durationLabel(locale, phase)})`,
				{ size: 16, weight: 'bold', colour: '#1f5f3f' },
				6
			);
			if (phase.description) write('P', phase.description, { size: 11 }, 8);
			for (const step of phase.steps) {
				write('H3', step.title, { size: 13, weight: 'bold' }, 3);
				write(
					'P',
					`${t('playbook.page.role')}: ${t(`playbook.roles.${step.role}`)} · ${t('playbook.page.offset', { days: step.offsetDays })}`,
					{ size: 9.5, colour: '#4a4a4a' },
					4
				);
				if (step.description) write('P', step.description, { size: 10.5 }, 5);
				if (step.checklist.length) {
					write('H4', t('playbook.page.checklist'), { size: 10.5, weight: 'bold' }, 3);
					list(step.checklist);
				}
				if (step.session) {
					write(
						'H4',
						`${t('playbook.page.session')}: ${step.session.title} (${t('playbook.page.minutes', { count: step.session.durationMinutes })})`,
						{ size: 10.5, weight: 'bold' },
						3
					);
					for (const [label, text] of [
						[t('playbook.page.agenda'), step.session.agenda],
						[t('playbook.page.materials'), step.session.materials],
						[t('playbook.page.prepare'), step.session.prepare]
					] as const) {
						if (!lines(text).length) continue;
						write('P', label, { size: 10, weight: 'bold' }, 2);
						list(lines(text));
					}
				}
				const channels = PLAYBOOK_CHANNELS.filter((c) => step.communication[c]);
				if (channels.length) {
					write('H4', t('playbook.page.communication'), { size: 10.5, weight: 'bold' }, 3);
					list(channels.map((c) => `${t(`playbook.channels.${c}`)}: ${step.communication[c]}`));
				}
				top += 4;
			}
		});
	}
	if (view.content.documents.length)
		pdf.group('Sect', () => {
			top += 6;
			write('H2', t('playbook.page.documents'), { size: 16, weight: 'bold', colour: '#1f5f3f' }, 6);
			for (const d of view.content.documents) {
				write('H3', `${d.title} (${t(`playbook.documentKinds.${d.kind}`)})`, { size: 13, weight: 'bold' }, 4);
				markdown(d.body);
			}
		});
	return pdf.toBytes();
}

async function published(ctx: Ctx, unverifiedSlug: unknown) {
	return getPublicTemplate(ctx, { unverifiedSlug });
}

export async function getTemplatePdf(ctx: Ctx, input: { unverifiedSlug: unknown; url: string }) {
	const view = await published(ctx, input.unverifiedSlug);
	return { slug: view.slug, bytes: await templatePdf(view, ctx.locale, input.url) };
}

export async function getTemplateMarkdown(ctx: Ctx, input: { unverifiedSlug: unknown; url: string }) {
	const view = await published(ctx, input.unverifiedSlug);
	return { slug: view.slug, text: templateMarkdown(view, ctx.locale, input.url) };
}
