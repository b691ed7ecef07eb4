// Dutch texts of "Volg als collega": the back-office page where staff follow actions and themes as a
// colleague of another department.
export const colleagues = {
	title: 'Volg als collega',
	intro:
		'Volg de acties en thema’s die jouw dienst aanbelangen. Je krijgt dan per mail en bij het belletje hun updates, beslissingen, de verslagen van hun activiteiten en de logistiek (briefing, checklist, wijzigingen en afgelastingen). Zo hoeft niemand mails door te sturen.',
	howOften: 'Hoe vaak je die mails krijgt, kies je bij je meldingen.',
	preferencesLink: 'Kies hoe vaak je mails krijgt',
	searchLabel: 'Acties en thema’s zoeken',
	searchField: 'Zoek op titel of naam',
	kindFilter: 'Soort',
	allKinds: 'Acties en thema’s',
	kinds: { actie: 'Acties', thema: 'Thema’s' },
	stateFilter: 'Volg je het?',
	allStates: 'Alles',
	states: { ja: 'Wat ik volg', nee: 'Wat ik niet volg' },
	caption: { one: '{count} actie of thema', other: '{count} acties en thema’s' },
	columns: {
		title: 'Actie of thema',
		kind: 'Soort',
		about: 'Stand van zaken of thema’s',
		state: 'Volg je het?',
		change: 'Wijzigen'
	},
	kind: { action: 'Actie', theme: 'Thema' },
	draft: 'nog niet gepubliceerd',
	themeAbout: 'alle acties van dit thema',
	followed: 'Je volgt dit',
	notFollowed: 'Je volgt dit niet',
	follow: 'Volgen',
	unfollow: 'Niet meer volgen',
	select: 'selecteer {title}',
	bulkHeading: 'Met de geselecteerde',
	bulkHint: 'Vink acties of thema’s aan en kies of je ze wil volgen of niet meer volgen.',
	bulkFollow: 'Volg de geselecteerde',
	bulkUnfollow: 'Volg de geselecteerde niet meer',
	empty: 'Niets gevonden. Pas de zoekopdracht of de filters aan.',
	done: {
		followed: {
			one: 'Je volgt nu {count} actie of thema meer.',
			other: 'Je volgt nu {count} acties en thema’s meer.'
		},
		unfollowed: {
			one: 'Je volgt {count} actie of thema niet meer.',
			other: 'Je volgt {count} acties en thema’s niet meer.'
		},
		nothing: 'Er veranderde niets: je volgde dit al, of volgde het niet.'
	},
	errors: {
		subject: 'Die actie of dat thema bestaat niet (meer) in deze gemeente.',
		nothingSelected: 'Vink eerst minstens één actie of thema aan.'
	}
};
