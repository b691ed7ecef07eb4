// Default climate themes and the werven (work streams) of the Flemish Local Energy and Climate Pact.

/** The four werven of the Lokaal Energie- en Klimaatpact, with the per-inhabitant targets they count. */
export const LEKP_WERVEN = ['renovation', 'renewableEnergy', 'mobility', 'climateAdaptation'] as const;
export type LekpWerf = (typeof LEKP_WERVEN)[number];

/** Targets 2021–2030 of the pact, per inhabitant unless said otherwise. */
export const LEKP_TARGETS = [
	{ key: 'trees', werf: 'climateAdaptation', perInhabitant: 1, unit: 'tree' },
	{ key: 'hedges', werf: 'climateAdaptation', perInhabitant: 0.5, unit: 'm' },
	{ key: 'unpaving', werf: 'climateAdaptation', perInhabitant: 1, unit: 'm2' },
	{ key: 'rainwater', werf: 'climateAdaptation', perInhabitant: 1, unit: 'm3' },
	{ key: 'cyclePaths', werf: 'mobility', perInhabitant: 1, unit: 'm' },
	{ key: 'chargingPoints', werf: 'mobility', perInhabitant: 1.5 / 100, unit: 'point' },
	{ key: 'energyProjects', werf: 'renewableEnergy', perInhabitant: 1 / 500, unit: 'project' },
	{ key: 'renovations', werf: 'renovation', perDwelling: 50 / 1000, unit: 'renovation' }
] as const satisfies ReadonlyArray<{
	key: string;
	werf: LekpWerf;
	unit: string;
	perInhabitant?: number;
	perDwelling?: number;
}>;

export const DEFAULT_THEMES = [
	{ key: 'greening', slug: 'vergroening-en-ontharding', werf: 'climateAdaptation', icon: 'tree' },
	{ key: 'renewableEnergy', slug: 'hernieuwbare-energie', werf: 'renewableEnergy', icon: 'sun' },
	{ key: 'renovation', slug: 'renovatie-en-energiebesparing', werf: 'renovation', icon: 'house' },
	{ key: 'mobility', slug: 'mobiliteit', werf: 'mobility', icon: 'bike' },
	{ key: 'water', slug: 'water-en-klimaatadaptatie', werf: 'climateAdaptation', icon: 'drop' },
	{ key: 'circular', slug: 'circulaire-economie-en-voedsel', werf: null, icon: 'cycle' }
] as const satisfies ReadonlyArray<{
	key: string;
	slug: string;
	werf: LekpWerf | null;
	icon: string;
}>;

export type DefaultThemeKey = (typeof DEFAULT_THEMES)[number]['key'];

export function isLekpWerf(value: unknown): value is LekpWerf {
	return typeof value === 'string' && (LEKP_WERVEN as readonly string[]).includes(value);
}

export function isDefaultThemeKey(value: unknown): value is DefaultThemeKey {
	return typeof value === 'string' && DEFAULT_THEMES.some((t) => t.key === value);
}
