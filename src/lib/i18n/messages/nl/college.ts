// The weekly overview for aldermen and the college (back office and mail): loaded on demand.
export const college = {
	title: 'Weekoverzicht',
	intro: 'Wat er de voorbije week op Meedoen in {municipality} gebeurde, naast de week ervoor.',
	period: 'Van {from} tot {to}',
	caption: 'Cijfers van de week van {from} tot {to}',
	figure: 'Wat',
	thisWeek: 'Deze week',
	lastWeek: 'Week ervoor',
	change: 'Verschil',
	now: 'Nu',
	noChange: 'gelijk',
	notApplicable: '–',
	since: 'de oudste wacht sinds {date}',
	recipientsHeading: 'Wie krijgt dit overzicht?',
	recipients:
		'Elke maandagochtend mailt Meedoen dit overzicht van de week ervoor naar de schepenen van {municipality}. Medewerkers met de rol schepen krijgen het; je stelt rollen in bij Medewerkers.',
	recipientsNone:
		'Er is nog niemand met de rol schepen in {municipality}: het overzicht wordt dus nog niet gemaild.',
	figures: {
		suggestionsNew: 'Nieuwe suggesties',
		votes: 'Keer gesteund',
		comments: 'Nieuwe reacties',
		moderationWaiting: 'Wacht op moderatie',
		registrations: 'Inschrijvingen voor activiteiten',
		upcomingEvents: 'Activiteiten in de komende twee weken',
		upcomingPlaces: 'Bevestigde plaatsen voor die activiteiten',
		reports: 'Verslagen gepubliceerd',
		poolNew: 'Nieuwe mensen in de pool van klimaatmakers'
	},
	mail: {
		subject: 'Weekoverzicht {municipality}: week van {from}',
		greeting: 'Dag {name},',
		intro:
			'Zo ging de voorbije week op Meedoen in {municipality} (van {from} tot {to}), naast de week ervoor.',
		line: '{label}: {value} (week ervoor: {previous})',
		lineNow: '{label}: {value}',
		link: 'Bekijk het overzicht en ga naar de details op Meedoen:',
		why: 'Je krijgt deze mail omdat je schepen bent in {municipality} op Meedoen. Je rol beheert de gemeente bij Medewerkers.'
	}
};
