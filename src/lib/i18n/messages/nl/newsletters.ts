// Dutch (nl-BE) texts of newsletters: the back office (list, form, preview, count, test, send, schedule,
// cancel, counts), the mail itself and the public archive.
export const newsletters = {
	title: 'Nieuwsbrieven',
	intro:
		'Schrijf een nieuwsbrief voor de mensen van {name} die nieuwsbrieven willen krijgen, kies wie hem krijgt, bekijk hem en verstuur hem nu of later.',
	homeTitle: 'Nieuwsbrieven',
	homeBody: 'Een nieuwsbrief schrijven, het publiek kiezen, testen en versturen of inplannen.',
	newNewsletter: 'Nieuwe nieuwsbrief',
	newTitle: 'Nieuwe nieuwsbrief',
	editTitle: 'Nieuwsbrief ‘{subject}’',
	backToList: 'Terug naar de nieuwsbrieven',
	status: {
		draft: 'Ontwerp',
		scheduled: 'Ingepland',
		sending: 'Wordt verstuurd',
		sent: 'Verstuurd'
	},
	list: {
		searchLabel: 'Nieuwsbrieven zoeken',
		searchField: 'Onderwerp bevat',
		statusFilter: 'Status',
		allStatuses: 'Alle statussen',
		caption: { one: '{count} nieuwsbrief', other: '{count} nieuwsbrieven' },
		columns: { subject: 'Onderwerp', status: 'Status', when: 'Wanneer', recipients: 'Ontvangers' },
		empty: 'Geen nieuwsbrieven gevonden met deze filters.',
		none: 'Er is nog geen nieuwsbrief. Begin met “Nieuwe nieuwsbrief”.',
		scheduledAt: 'ingepland voor {date}',
		sentAt: 'verstuurd op {date}',
		updatedAt: 'gewijzigd op {date}',
		recipients: { one: '{count} ontvanger', other: '{count} ontvangers' },
		notYet: 'nog niet bepaald'
	},
	form: {
		subject: 'Onderwerp',
		subjectHint: 'Kort en duidelijk: dit is de onderwerpregel van de mail.',
		body: 'Tekst',
		bodyHint:
			'In Markdown: **vet**, *schuin*, [tekst van een link](https://…), lijstjes met - en titels met ##. Afbeeldingen kunnen niet: ze zouden van elders laden.',
		audience: 'Wie krijgt hem?',
		audienceHint: 'Alleen mensen die ingestemd hebben met nieuwsbrieven en ze niet uitzetten, krijgen hem.',
		audiences: {
			pool: 'Iedereen uit {name} die nieuwsbrieven wil',
			themes: 'Mensen met interesse in gekozen thema’s',
			action: 'Deelnemers aan een klimaatactie',
			events: 'Ingeschreven voor activiteiten in een periode',
			region: 'Iedereen uit de hele regio die nieuwsbrieven wil'
		},
		themes: 'Thema’s',
		themesHint: 'Voor “interesse in gekozen thema’s”: vink er één of meer aan.',
		noThemes: 'Deze gemeente heeft nog geen thema’s.',
		action: 'Klimaatactie',
		actionHint:
			'Voor “deelnemers aan een klimaatactie”: wie een suggestie gaf, steunde of erop reageerde, de actie volgt of zich inschreef voor een activiteit ervan.',
		chooseAction: 'Kies een actie',
		events: 'Periode van de activiteiten',
		from: 'Activiteiten vanaf',
		to: 'Activiteiten tot en met',
		periodHint: 'Voor “ingeschreven voor activiteiten in een periode”: de eerste en de laatste dag.',
		save: 'Ontwerp bewaren',
		create: 'Ontwerp aanmaken',
		preview: 'Voorbeeld en aantal bijwerken'
	},
	preview: {
		heading: 'Voorbeeld',
		intro: 'Zo ziet de mail eruit, in de huisstijl van {name}.',
		countNone: 'Met deze keuze krijgt niemand deze nieuwsbrief.',
		count: {
			one: 'Met deze keuze gaat hij nu naar precies {count} persoon.',
			other: 'Met deze keuze gaat hij nu naar precies {count} mensen.'
		},
		live: 'Het voorbeeld en het aantal worden bijgewerkt terwijl je typt.'
	},
	test: {
		heading: 'Test naar mezelf',
		intro: 'Je krijgt één exemplaar op je eigen adres, met “TEST” in het onderwerp.',
		button: 'Test naar mezelf'
	},
	send: {
		heading: 'Versturen',
		now: 'Nu versturen',
		later: 'Inplannen op',
		at: 'Datum en uur (Brussel)',
		atHint: 'Een moment in de toekomst.',
		button: 'Versturen of inplannen',
		scheduled: 'Ingepland voor {date}. Je kan de inplanning annuleren zolang hij niet vertrokken is.',
		cancel: 'Inplanning annuleren…'
	},
	cancel: {
		title: 'Inplanning annuleren',
		intro: 'De nieuwsbrief ‘{subject}’ staat ingepland voor {date}.',
		what: 'Hij wordt niet verstuurd en wordt weer een ontwerp dat je kan aanpassen.',
		check: 'Ja, annuleer de inplanning',
		button: 'Inplanning annuleren',
		back: 'Nee, terug'
	},
	counts: {
		heading: 'Stand van het versturen',
		recipients: 'Ontvangers',
		queued: 'Klaargezet',
		sent: 'Afgeleverd',
		failed: 'Mislukt',
		bounced: 'Geweigerd (bounce)',
		suppressed: 'Niet verstuurd (adres eerder geweigerd)',
		refresh: 'Vernieuw deze pagina om de stand bij te werken.'
	},
	done: {
		created: 'Het ontwerp is aangemaakt.',
		saved: 'Het ontwerp is bewaard.',
		test: 'De test is verstuurd naar je eigen adres.',
		sent: 'De nieuwsbrief vertrekt nu.',
		scheduled: 'De nieuwsbrief is ingepland.',
		cancelled: 'De inplanning is geannuleerd; de nieuwsbrief is weer een ontwerp.'
	},
	errors: {
		subject: 'Geef de nieuwsbrief een onderwerp.',
		subjectLong: 'Het onderwerp is te lang (hoogstens 200 tekens).',
		body: 'Schrijf de tekst van de nieuwsbrief.',
		bodyLong: 'De tekst is te lang (hoogstens 50.000 tekens).',
		image:
			'Afbeeldingen kunnen niet in een nieuwsbrief: een afbeelding van elders laat die website zien wie de mail opent. Haal de afbeelding weg of zet er een link naar.',
		audience: 'Kies wie de nieuwsbrief krijgt.',
		themes: 'Kies één of meer thema’s van deze gemeente.',
		action: 'Kies een klimaatactie van deze gemeente.',
		from: 'Geef de eerste dag als datum.',
		to: 'Geef de laatste dag als datum.',
		range: 'De laatste dag ligt vóór de eerste.',
		regionOnly: 'Alleen de regiobeheerder kan een nieuwsbrief naar de hele regio sturen.',
		when: 'Kies of hij nu vertrekt of op een later moment.',
		at: 'Geef een datum en een uur.',
		atPast: 'Dat moment is al voorbij. Kies een moment in de toekomst.',
		emptyAudience:
			'Met deze keuze krijgt niemand de nieuwsbrief: niemand in dit publiek wil nieuwsbrieven krijgen. Kies een ander publiek.',
		confirm: 'Vink aan dat je zeker bent.',
		noOwnAddress: 'Je hebt nog geen bevestigd e-mailadres, dus de test kan nergens heen.',
		scheduledFirstCancel: 'Deze nieuwsbrief is ingepland. Annuleer eerst de inplanning om hem te wijzigen.',
		alreadySent: 'Deze nieuwsbrief is al verstuurd of vertrekt nu; hij kan niet meer gewijzigd worden.',
		notScheduled: 'Deze nieuwsbrief is niet (meer) ingepland.'
	},
	mail: {
		testSubject: 'TEST: {subject}',
		testNote: 'Dit is een test. Alleen jij kreeg dit exemplaar.',
		why: 'Je krijgt deze nieuwsbrief van {name} omdat je ingestemd hebt met nieuwsbrieven op Meedoen.',
		online: 'Lees online',
		preferences: 'Je mailvoorkeuren',
		unsubscribe: 'Geen nieuwsbrieven meer'
	},
	archive: {
		title: 'Nieuwsbrieven van {name}',
		intro: 'Alle nieuwsbrieven die {name} verstuurde via Meedoen.',
		none: '{name} heeft nog geen nieuwsbrief verstuurd.',
		sentOn: 'Verstuurd op {date}',
		back: 'Alle nieuwsbrieven'
	}
};
