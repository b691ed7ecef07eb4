// The list of people who showed interest outside the platform (papieren lijst, stand), in the events back
// office. Loaded on its pages; the server has them all.
export const eventsOffline = {
	title: 'Interesse buiten het platform',
	intro:
		'Wie op een papieren lijst of aan een stand liet weten dat ze uitnodigingen willen krijgen, zet je hier op de lijst van {name}. Noteer wanneer en hoe ze ermee instemden: dat is hun toestemming. Ze krijgen alleen uitnodigingen voor activiteiten van {name}, en met één klik in elke mail zetten ze die uit.',
	toInvitations: 'Naar de activiteiten',
	add: {
		heading: 'Mensen toevoegen',
		lines: 'Naam en e-mailadres, één persoon per regel',
		linesHint: 'Bijvoorbeeld: An Peeters, an.peeters@example.be. Tot 200 mensen tegelijk.',
		date: 'Wanneer stemden ze in?',
		how: 'Hoe stemden ze in?',
		howHint: 'Bijvoorbeeld: papieren lijst op de infoavond, stand op de markt.',
		button: 'Toevoegen aan de lijst',
		added: {
			one: '{count} persoon staat nu op de lijst.',
			other: '{count} mensen staan nu op de lijst.'
		}
	},
	list: {
		heading: 'Op de lijst',
		search: 'Zoek op naam of e-mailadres',
		searchButton: 'Zoek',
		count: {
			one: '{count} persoon',
			other: '{count} mensen'
		},
		shown: 'De {shown} nieuwste worden getoond; zoek om er andere te vinden.',
		empty: 'Er staat nog niemand op de lijst.',
		noMatch: 'Niemand op de lijst past bij je zoekopdracht.',
		caption: 'Mensen die buiten het platform interesse toonden',
		name: 'Naam',
		email: 'E-mailadres',
		agreed: 'Ingestemd',
		recorded: 'Genoteerd',
		recordedBy: '{date} door {name}',
		recordedByNobody: '{date}',
		unsubscribed: 'Wil geen uitnodigingen meer',
		remove: 'Verwijderen',
		removeLabel: '{name} verwijderen'
	},
	remove: {
		title: 'Van de lijst verwijderen',
		intro:
			'Deze persoon wordt verwijderd, met de uitnodigingen en inschrijvingen die via de lijst liepen. Dat kan niet ongedaan gemaakt worden.',
		confirm: 'Ja, verwijder',
		back: 'Terug naar de lijst',
		done: 'De persoon is van de lijst verwijderd.'
	},
	errors: {
		form: 'Niet alles kon toegevoegd worden. Kijk de gemarkeerde velden na; er is nog niemand toegevoegd.',
		date: 'Vul een geldige datum in, niet in de toekomst.',
		howRequired: 'Schrijf hoe ze instemden, bijvoorbeeld ‘papieren lijst op de infoavond’.',
		howInvalid: 'Schrijf hoe ze instemden in ten hoogste 200 tekens, zonder < of >.',
		empty: 'Vul minstens één regel in: naam, e-mailadres.',
		tooLong: 'De lijst is te lang. Voeg ten hoogste 200 mensen tegelijk toe.',
		tooMany: 'Voeg ten hoogste 200 mensen tegelijk toe.',
		lines: 'Deze regels kloppen niet:',
		line: {
			format: 'Regel {line}: schrijf een naam, een komma en een e-mailadres.',
			name: 'Regel {line}: de naam is leeg, te lang (meer dan 100 tekens) of bevat vreemde tekens.',
			email: 'Regel {line}: dit is geen geldig e-mailadres.',
			duplicate: 'Regel {line}: dit e-mailadres staat al op een eerdere regel.',
			listed: 'Regel {line}: dit e-mailadres staat al op de lijst.'
		},
		notFound: 'Deze persoon staat niet (meer) op de lijst.'
	}
};
