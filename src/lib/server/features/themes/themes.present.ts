import type { LekpWerf } from '$lib/domain/themes';
import type { ThemeRow } from './themes.queries';

export interface ThemeView {
	slug: string;
	name: string;
	description: string | null;
	lekpWerf: LekpWerf | null;
	climate: boolean;
	/** Set for the default climate themes, so the interface can show their icon. */
	defaultKey: string | null;
}

export function presentTheme(row: ThemeRow): ThemeView {
	return {
		slug: row.slug,
		name: row.name,
		description: row.description,
		lekpWerf: row.lekpWerf,
		climate: row.climate,
		defaultKey: row.defaultKey
	};
}
