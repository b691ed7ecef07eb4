// A citizen group's coaching sessions, the notes per session and the evaluation month's experiences and
// lessons. Loaded on the pages of groups and in the back office.
export const groupSessions = {
	sessions: {
		title: 'Sessies',
		intro:
			'De begeleide sessies van het traject: wanneer en waar, de agenda, wat je meebrengt en wat je voorbereidt. Onder elke sessie schrijven leden en begeleiders hun notities.',
		none: 'Er is nog geen sessie gepland.',
		membersOnly: 'Alleen voor de leden',
		public: 'Openbare activiteit',
		cancelled: 'Gaat niet door',
		notes: { one: '{count} notitie', other: '{count} notities' },
		open: 'Sessie en notities',
		plan: 'Een sessie plannen',
		toEvent: 'Bekijk de activiteit',
		where: 'Waar',
		when: 'Wanneer',
		step: 'Stap van het traject',
		agenda: 'Agenda',
		materials: 'Materiaal',
		prepare: 'Voor te bereiden',
		description: 'Over de sessie',
		toWorkspace: 'Terug naar de werkruimte',
		noVenue: 'De plaats volgt nog.',
		ofGroups: 'sessie van {names}'
	},
	notes: {
		title: 'Notities bij deze sessie',
		none: 'Nog geen notities.',
		label: 'Je notitie',
		hint: 'Je kan Markdown gebruiken: **vet**, *schuin*, een lijst met - voor elke regel, een link als [tekst](https://…).',
		save: 'Notitie bewaren',
		done: 'Je notitie staat bij de sessie.'
	},
	planning: {
		title: 'Sessies van {name}',
		intro:
			'Plan een sessie van het traject voor deze groep. Een sessie die nog geen activiteit is, wordt er een (een concept met de agenda van het draaiboek); een sessie die al een activiteit is, wordt aan de groep gekoppeld zoals ze is. De datum en het uur volgen uit het traject; je past ze aan bij de activiteit.',
		planned: 'Geplande sessies',
		stepLabel: 'Sessie van het traject',
		stepHint: 'De sessies van de lopende trajecten van de gemeente.',
		stepOption: '{trajectory}: {session} ({date})',
		stepPlanned: 'al gepland',
		stepIsEvent: 'al een activiteit',
		noSteps: 'Er is geen lopend traject met sessies. Start eerst een traject uit het draaiboek.',
		visibilityLabel: 'Wie ziet de sessie?',
		visibility: {
			members: 'Alleen de leden (de activiteit blijft een concept, niet in de openbare kalender)',
			public: 'Iedereen (de activiteit wordt meteen gepubliceerd)'
		},
		submit: 'Sessie plannen',
		done: 'De sessie is gepland.',
		toEvent: 'Activiteit bewerken',
		toWorkspace: 'Naar de werkruimte',
		toGroup: 'Terug naar de groep',
		link: 'Sessies plannen',
		forGroup: 'Plannen als sessie van een burgergroep',
		stepTitle: '{session}: sessie van een burgergroep',
		stepIntro:
			'Kies de burgergroep waarvoor je deze sessie van het traject plant. Is de sessie nog geen activiteit, dan wordt ze er een (een concept met de agenda van het draaiboek); is ze al een activiteit, dan wordt die aan de groep gekoppeld zoals ze is.',
		groupLabel: 'Burgergroep',
		noGroups: 'De gemeente heeft nog geen burgergroep.',
		toStep: 'Terug naar de stap'
	},
	evaluation: {
		title: 'Evaluatie',
		heading: 'Evaluatie: {name}',
		intro:
			'In de evaluatiemaand noteren de inwoners en de gemeente wat goed ging en wat ze leerden. Alles wat je hier schrijft, staat op de openbare pagina van de groep (zonder je naam). De gemeente kan een les als voorstel naar het draaiboek van de regio sturen.',
		kindLabel: 'Wat wil je noteren?',
		kind: {
			positive: 'Een positieve ervaring',
			lesson: 'Een les die we leerden'
		},
		bodyLabel: 'Wat je wil delen',
		save: 'Bewaren',
		done: 'Bewaard. Het staat ook op de pagina van de groep.',
		none: 'Er is nog niets genoteerd.',
		voice: {
			municipality: 'De gemeente',
			citizens: 'De inwoners'
		},
		by: '{name}, {date}',
		proposed: 'Voorgesteld aan het draaiboek op {date}',
		proposedPublic: 'Voorgesteld aan het draaiboek',
		stepLabel: 'Voor welke stap van het traject?',
		propose: 'Aan het draaiboek voorstellen',
		proposeDone: 'De les is als voorstel naar het draaiboek van de regio gestuurd.',
		noSteps: 'De groep heeft nog geen traject met een sjabloon uit het draaiboek.',
		proposalReason: 'Les uit de evaluatie van {group}: {text}',
		publicTitle: 'Wat we leerden',
		publicPositive: 'Wat goed ging',
		publicLessons: 'Lessen',
		link: 'Evaluatie'
	},
	errors: {
		step: 'Kies een sessie van een lopend traject van de gemeente.',
		stepRequired: 'Kies een sessie.',
		group: 'Kies een burgergroep van de gemeente.',
		groupRequired: 'Kies een groep.',
		visibility: 'Kies wie de sessie ziet.',
		noteRequired: 'Schrijf je notitie.',
		noteTooLong: 'Een notitie is hoogstens 20.000 tekens lang.',
		kind: 'Kies een positieve ervaring of een les.',
		lessonRequired: 'Schrijf wat je wil delen.',
		lessonTooLong: 'Hoogstens 1.800 tekens.',
		alreadyPlanned: 'Deze sessie is al gepland voor de groep.',
		otherGroup: 'Deze sessie is al de sessie van een andere groep.',
		alreadyProposed: 'Deze les is al aan het draaiboek voorgesteld.',
		staffOnly: 'Alleen de begeleiders van de gemeente kunnen een les aan het draaiboek voorstellen.'
	}
};
