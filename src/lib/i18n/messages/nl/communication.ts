// Dutch (nl-BE) texts of communication plans: the week's calendar of the communication service, a plan with its
// moments and ready texts per channel, and the texts themselves as they are suggested.
export const communication = {
	title: 'Communicatie',
	homeTitle: 'Communicatie',
	homeBody:
		'Communicatieplannen per actie, activiteit of oproep: wat deze week klaar moet staan op Facebook, WhatsApp, het infomagazine, de website en per mail.',
	intro:
		'Wat deze week gepubliceerd moet worden, over alle acties, activiteiten en oproepen van {name}. Kopieer de tekst, plak hem in het kanaal en markeer hem als gepubliceerd.',
	channels: {
		facebook: 'Facebook',
		whatsapp: 'WhatsApp',
		magazine: 'Infomagazine',
		website: 'Website',
		email: 'Mail'
	},
	moments: {
		announce: 'Aankondigen',
		invite: 'Uitnodigen',
		remind: 'Herinneren',
		report: 'Terugkoppelen'
	},
	subjects: {
		action: 'Actie',
		event: 'Activiteit',
		opportunity: 'Oproep'
	},
	states: {
		open: 'Nog te publiceren',
		published: 'Gepubliceerd'
	},
	week: {
		heading: 'Week van {from} tot en met {to}',
		previous: 'Vorige week',
		next: 'Volgende week',
		current: 'Deze week',
		navLabel: 'Andere week',
		filterLabel: 'Teksten van deze week filteren',
		weekField: 'Een dag van de week',
		channelField: 'Kanaal',
		allChannels: 'Alle kanalen',
		stateField: 'Status',
		allStates: 'Alles',
		searchField: 'Zoek in titel en tekst',
		badWeek: 'Dat is geen datum: kies een dag als 2026-03-30. Hieronder staat deze week.',
		count: { one: '{count} tekst deze week', other: '{count} teksten deze week' },
		empty: 'Deze week staat er niets gepland met deze filters.',
		none: 'Deze week staat er niets gepland. Maak hieronder een plan of kijk naar een andere week.',
		day: '{day}',
		select: 'Selecteer: {label}',
		bulkLabel: 'Geselecteerde teksten',
		bulkPublish: 'Markeer de geselecteerde als gepubliceerd'
	},
	item: {
		heading: '{channel} · {moment}',
		about: '{kind}: {title}',
		plan: 'Naar het plan',
		text: 'Tekst voor {channel}',
		subjectLine: 'Titel of onderwerp voor {channel}',
		copy: 'Kopieer',
		copyLabel: 'Kopieer de tekst voor {channel}',
		copySubject: 'Kopieer de titel',
		copied: 'Gekopieerd naar het klembord.',
		copyFailed: 'Kopiëren lukte niet: de tekst is geselecteerd, kopieer hem met Ctrl+C.',
		link: 'Link voor {channel}',
		shortLink: 'Korte link',
		image: 'Afbeelding bij het bericht',
		imageOpen: 'Afbeelding openen',
		noImage: 'Deze actie heeft geen afbeelding. Voeg er een toe bij de actie, of post zonder.',
		qr: 'QR-code',
		qrSvg: 'QR-code als SVG (voor drukwerk)',
		qrPng: 'QR-code als PNG',
		qrAlt: 'QR-code die naar {link} leidt',
		edited: 'aangepast',
		suggested: 'voorgestelde tekst',
		publishedBy: 'Gepubliceerd door {name} op {date}',
		publishedByNobody: 'Gepubliceerd op {date}',
		markPublished: 'Markeer als gepubliceerd',
		markPublishedLabel: 'Markeer als gepubliceerd: {channel} ({moment})',
		undo: 'Ongedaan maken',
		undoLabel: 'Ongedaan maken: gepubliceerd voor {channel} ({moment})',
		notPublic: 'Let op: dit is nog niet publiek. De link werkt voor inwoners pas zodra het gepubliceerd is.'
	},
	plans: {
		heading: 'Communicatieplannen',
		none: 'Er is nog geen communicatieplan.',
		columns: { subject: 'Waarover', next: 'Volgende moment', texts: 'Gepubliceerd' },
		published: '{done} van {total}',
		nothingNext: 'geen moment meer gepland',
		createHeading: 'Een plan maken',
		createIntro:
			'Kies een actie, activiteit of oproep voor suggesties. Het plan krijgt de gebruikelijke momenten (aankondigen, uitnodigen, herinneren, terugkoppelen) met een tekst per kanaal; je past daarna alles aan.',
		subjectField: 'Waarover',
		chooseSubject: 'Kies waarover',
		noSubjects: 'Alles heeft al een plan.',
		create: 'Plan maken'
	},
	plan: {
		title: 'Communicatieplan: {title}',
		back: 'Terug naar de week',
		subjectLink: 'De pagina voor inwoners',
		when: 'Wanneer: {date}',
		momentsHeading: 'Momenten',
		moment: '{moment} op {date}',
		dateField: 'Datum',
		changeDate: 'Datum wijzigen',
		remove: 'Moment verwijderen…',
		removeLabel: 'Verwijder het moment {moment} van {date}…',
		noMoments: 'Dit plan heeft geen momenten meer. Voeg er hieronder een toe.',
		subjectField: 'Titel of onderwerp',
		bodyField: 'Tekst',
		bodyHint:
			'Gewone tekst (de website mag Markdown). Links naar Meedoen krijgen vanzelf de code van dit kanaal.',
		save: 'Tekst bewaren',
		reset: 'Terug naar de voorgestelde tekst',
		resetConfirm: 'Ja, gooi de eigen tekst voor {channel} weg (hij wordt niet bewaard)',
		addHeading: 'Een moment toevoegen',
		kindField: 'Soort moment',
		channelsField: 'Kanalen',
		add: 'Moment toevoegen'
	},
	remove: {
		title: 'Moment verwijderen',
		intro: 'Het moment {moment} van {date} verdwijnt uit het plan, met de teksten van deze kanalen:',
		confirm: 'Ja, verwijder dit moment',
		back: 'Nee, terug naar het plan'
	},
	done: {
		created: 'Het communicatieplan is gemaakt.',
		published: {
			one: '{count} tekst gemarkeerd als gepubliceerd.',
			other: '{count} teksten gemarkeerd als gepubliceerd.'
		},
		unpublished: 'De markering is ongedaan gemaakt.',
		saved: 'De tekst is bewaard.',
		reset: 'De voorgestelde tekst staat er weer.',
		added: 'Het moment is toegevoegd.',
		moved: 'De datum is gewijzigd.',
		removed: 'Het moment is verwijderd.'
	},
	errors: {
		subject: 'Kies een actie, activiteit of oproep uit de lijst.',
		exists: 'Hiervoor bestaat al een communicatieplan.',
		date: 'Dat is geen datum. Gebruik de vorm 2026-09-10.',
		dateRange: 'Kies een datum tussen 2000 en 2100.',
		kind: 'Kies een soort moment uit de lijst.',
		channels: 'Kies een of meer kanalen uit de lijst.',
		body: 'Schrijf een tekst.',
		bodyLong: 'Deze tekst is te lang: hoogstens 5.000 tekens.',
		subjectLong: 'Deze titel is te lang: hoogstens 200 tekens.',
		html: 'Gebruik geen HTML-code of scripts in de tekst: schrijf gewone tekst (voor de website mag Markdown).',
		link: 'Deze link kan niet: gebruik alleen links die met https:// of http:// beginnen.',
		select: 'Selecteer minstens één tekst die nog niet gepubliceerd is.',
		problem: 'Dat lukte niet. Kijk de velden met een foutmelding na.'
	},
	texts: {
		headline: {
			announce: 'Nieuw in {municipality}: {title}',
			invite: 'Doe mee: {title}',
			remind: 'Binnenkort: {title}',
			report: 'Zo ging het: {title}'
		},
		cta: {
			action: {
				announce: 'Lees meer en doe mee',
				invite: 'Kijk hoe je kan meedoen',
				remind: 'Kijk hoe je kan meedoen',
				report: 'Lees wat er gebeurde en wat nu volgt'
			},
			event: {
				announce: 'Lees meer',
				invite: 'Schrijf je in',
				remind: 'Schrijf je nog snel in',
				report: 'Lees het verslag en wat er nu volgt'
			},
			opportunity: {
				announce: 'Bekijk de kaart',
				invite: 'Geef je suggestie op de kaart',
				remind: 'Geef nog snel je suggestie',
				report: 'Lees wat er met de suggesties gebeurt'
			}
		},
		when: 'Wanneer: {date}',
		where: 'Waar: {place}',
		until: 'Suggesties geven kan tot {date}.',
		dateTime: '{date} om {time}',
		facebook: '{headline}\n\n{summary}{details}\n\n{cta}: {link}',
		whatsapp: '*{headline}*\n{details}{cta}: {link}',
		magazine: '{summary}{details}\n\n{cta}: surf naar {link} of scan de QR-code.',
		website: '{summary}{details}\n\n[{cta}]({link})',
		email: 'Beste,\n\n{summary}{details}\n\n{cta}: {link}\n\nMet vriendelijke groeten,\n{municipality}'
	}
};
