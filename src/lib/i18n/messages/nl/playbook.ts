// Dutch texts of the public playbook (draaiboek burgerparticipatie): the library, a template's page and its
// downloads, and the labels the back office shares (roles, channels, units, kinds of document).
export const playbook = {
	roles: {
		municipality: 'Gemeente',
		contact: 'Contactpersoon van de gemeente',
		sustainabilityOfficer: 'Duurzaamheidsambtenaar',
		communication: 'Communicatiedienst',
		coach: 'Coach (externe organisatie)',
		participationExpert: 'Participatie-expert',
		alderman: 'Schepen',
		citizens: 'Burgers'
	},
	channels: {
		magazine: 'Infomagazine',
		website: 'Website',
		facebook: 'Facebook',
		whatsapp: 'WhatsApp',
		mail: 'Mail',
		poster: 'Affiche'
	},
	units: {
		days: { one: '{count} dag', other: '{count} dagen' },
		weeks: { one: '{count} week', other: '{count} weken' },
		months: { one: '{count} maand', other: '{count} maanden' }
	},
	unitNames: { days: 'dagen', weeks: 'weken', months: 'maanden' },
	documentKinds: {
		rules: 'Reglement',
		call: 'Oproep',
		menu: 'Menukaart',
		other: 'Document'
	},
	sessionKinds: {
		workingGroup: 'Werkgroep',
		actionDay: 'Actiedag',
		infoEvening: 'Infoavond'
	},
	list: {
		title: 'Draaiboek burgerparticipatie',
		intro:
			'Trajecten die gemeenten samen met hun inwoners kunnen lopen, stap voor stap: de fasen en hun duur, wie wat doet, de sessies, de documenten en wat je wanneer via welk kanaal communiceert. Elke gemeente mag ze gebruiken, ook voor andere beleidsthema’s dan klimaat.',
		none: 'Er staan nog geen trajecten in het draaiboek.',
		phases: { one: '{count} fase', other: '{count} fasen' },
		steps: { one: '{count} stap', other: '{count} stappen' },
		open: 'Lees het traject “{title}”'
	},
	page: {
		back: 'Alle trajecten van het draaiboek',
		theme: 'Beleidsthema',
		version: 'Versie {version}',
		publishedOn: 'Gepubliceerd op {date}',
		download: 'Downloaden',
		pdf: 'Als PDF (toegankelijk)',
		markdown: 'Als Markdown-tekst',
		phase: 'Fase {n}',
		duration: 'Duur',
		role: 'Wie',
		when: 'Wanneer',
		offset: 'dag {days} van de fase',
		checklist: 'Checklist',
		session: 'Sessie',
		minutes: { one: '{count} minuut', other: '{count} minuten' },
		agenda: 'Agenda',
		materials: 'Materiaal',
		prepare: 'Voor te bereiden',
		communication: 'Communicatie per kanaal',
		documents: 'Documenten',
		source: 'Bron',
		contents: 'Inhoud',
		stepsIn: 'Stappen van deze fase'
	},
	pdf: {
		author: 'Draaiboek burgerparticipatie, Meedoen',
		keyword: 'draaiboek burgerparticipatie',
		linkLabel: 'Dit traject op Meedoen'
	}
};
