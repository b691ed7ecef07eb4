// Demo content: fifteen Kempen municipalities taking part, each in its own colours, so a newcomer sees a living platform.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities } from '$lib/server/db/schema';
import { insertTheme } from '$lib/server/features/themes/themes.service';
import { installDemoLogo } from '$lib/server/features/settings/settings.service';
import geelLogo from '$lib/assets/demo/logos/geel.svg?raw';
import molLogo from '$lib/assets/demo/logos/mol.svg?raw';
import olenLogo from '$lib/assets/demo/logos/olen.svg?raw';

/** Dark enough for white text (WCAG AA), each municipality its own. */
const PARTICIPATING: Record<string, { primary: string; accent: string; intro?: string }> = {
	geel: {
		primary: '#8a1538',
		accent: '#f2c94c',
		intro:
			'Geel wil tegen 2030 een klimaatgezonde stad zijn. Met de Klimaatmakers werken we aan meer groen, minder verharding en energie van bij ons. Kies zelf hoe je meedoet: lees mee, geef je ideeën of steek mee de handen uit de mouwen.'
	},
	mol: {
		primary: '#004f7c',
		accent: '#8cc63f',
		intro:
			'In Mol maken we samen werk van een groenere en koelere gemeente. Stel plekken voor om te ontharden, denk mee over zonnedaken of doe mee aan een plantdag.'
	},
	olen: {
		primary: '#2d6a2e',
		accent: '#ffd23f',
		intro:
			'Olen zet in op ontharding, bomen en regenwater. Help mee kiezen waar het eerst moet gebeuren en doe mee aan onze actiedagen.'
	},
	herentals: { primary: '#5b2a86', accent: '#f7b538' },
	turnhout: { primary: '#0b4f6c', accent: '#fbbf24' },
	kasterlee: { primary: '#1b5e20', accent: '#ffca28' },
	westerlo: { primary: '#7b1fa2', accent: '#ffe082' },
	balen: { primary: '#00695c', accent: '#ffd54f' },
	dessel: { primary: '#1a237e', accent: '#ffb300' },
	retie: { primary: '#4e342e', accent: '#aed581' },
	'oud-turnhout': { primary: '#0d47a1', accent: '#ffee58' },
	beerse: { primary: '#b71c1c', accent: '#ffe0b2' },
	vorselaar: { primary: '#33691e', accent: '#fff176' },
	lille: { primary: '#01579b', accent: '#b2ff59' },
	'heist-op-den-berg': { primary: '#283593', accent: '#ffcc80' }
};

/** Drawn placeholder logos in the municipality's colours (made by the project, EUPL-1.2; no real municipal logos). */
const LOGOS: Record<string, string> = { geel: geelLogo, mol: molLogo, olen: olenLogo };

/** Themes beyond climate, to show that a municipality can run other policy themes the same way. */
const EXTRA_THEMES: Record<string, { slug: string; name: string; description: string }[]> = {
	geel: [
		{
			slug: 'zorgzame-buurten',
			name: 'Zorgzame buurten',
			description: 'Buren die naar elkaar omkijken: van een babbel tot een boodschap.'
		}
	],
	mol: [{ slug: 'jeugd', name: 'Jeugd', description: 'Plekken en plannen voor kinderen en jongeren in Mol.' }]
};

/** The municipalities that take part in the demo, in their colours; the other features' demo waits for it. */
export async function seedDemoMunicipalities(tx: Db): Promise<void> {
	const rows = await tx
		.select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
		.from(municipalities)
		.where(inArray(municipalities.slug, Object.keys(PARTICIPATING)));
	for (const row of rows) {
		const look = PARTICIPATING[row.slug];
		if (!look) continue;
		await tx
			.update(municipalities)
			.set({
				participating: true,
				primaryColor: look.primary,
				accentColor: look.accent,
				intro: look.intro ?? null,
				websiteUrl: `https://www.${row.slug.replace(/-/g, '')}.be`
			})
			.where(eq(municipalities.id, row.id));
		const logo = LOGOS[row.slug];
		if (logo) await installDemoLogo(tx, { municipalityId: row.id, svg: logo });
		for (const [index, theme] of (EXTRA_THEMES[row.slug] ?? []).entries()) {
			await insertTheme(tx, { municipalityId: row.id, ...theme, climate: false, position: 100 + index });
		}
	}
}
