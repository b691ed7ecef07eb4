// One drawing per default climate theme (src/lib/assets/themes, made by the project, EUPL-1.2): on theme cards,
// and on an action's card when the action has no picture of its own.
import type { DefaultThemeKey } from '$lib/domain/themes';
import greening from '$lib/assets/themes/greening.svg?url';
import renewableEnergy from '$lib/assets/themes/renewableEnergy.svg?url';
import renovation from '$lib/assets/themes/renovation.svg?url';
import mobility from '$lib/assets/themes/mobility.svg?url';
import water from '$lib/assets/themes/water.svg?url';
import circular from '$lib/assets/themes/circular.svg?url';

const ILLUSTRATIONS: Record<DefaultThemeKey, string> = {
	greening,
	renewableEnergy,
	renovation,
	mobility,
	water,
	circular
};

/** The address of a default theme's drawing; null for a municipality's own theme. */
export function themeIllustration(key: string | null | undefined): string | null {
	return key && key in ILLUSTRATIONS ? ILLUSTRATIONS[key as DefaultThemeKey] : null;
}
