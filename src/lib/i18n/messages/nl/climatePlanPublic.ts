// Dutch texts of the public part of a plan action, on the page of the climate action it is linked to: only what
// the municipality chose to show (its own section, so citizens' browsers get none of the back office's texts).
export const climatePlanPublic = {
	title: 'In het klimaatplan van de gemeente',
	intro: 'Deze actie is een deel van het klimaatplan van de gemeente. Zo staat ze ervoor:',
	status: {
		not_started: 'Nog niet gestart',
		ongoing: 'Loopt',
		completed: 'Afgerond',
		postponed: 'Uitgesteld',
		stopped: 'Stopgezet'
	},
	statusLabel: 'Status',
	dates: 'Gepland',
	period: 'van {from} tot {to}',
	co2: 'CO2-reductie',
	co2Value: '{achieved} van {planned} ton per jaar bereikt',
	co2Planned: '{planned} ton per jaar verwacht',
	indicators: 'Indicatoren',
	indicator: '{name}: {current} van {target}',
	milestones: 'Mijlpalen',
	done: 'gehaald',
	unknown: 'nog niet bekend'
};
