// Dutch texts of the climate plan's internal work (seed 004): departments with their staff, climate teams, the
// meetings of the internal trajectory with their agreements and tasks, the diagnosis of how departments cooperate
// and the figure of departments taking part. Part of the climatePlan section (climatePlan.teams.*).
import { DIAGNOSIS_SCALE, TEAM_LIMITS } from '$lib/domain/climate-plan-teams';
import { PLAN_LIMITS } from '$lib/domain/climate-plan';

export const climatePlanTeams = {
	nav: {
		departments: 'Diensten en medewerkers',
		teams: 'Klimaatteams',
		meetings: 'Overleg en afspraken',
		tasks: 'Taken',
		diagnosis: 'Diagnose samenwerking'
	},
	participation: {
		figure: {
			one: '{count} van de {total} diensten neemt deel aan het klimaatplan.',
			other: '{count} van de {total} diensten nemen deel aan het klimaatplan.'
		},
		none: 'Het plan heeft nog geen diensten. Voeg ze toe bij “Thema’s en diensten”.',
		definition:
			'Een dienst neemt deel als ze minstens één actie van het plan trekt of mee uitvoert (een stopgezette actie telt niet), als iemand van de dienst in een klimaatteam zit, of als de dienst aan een overleg deelnam (het lunchgesprek met de dienst, of een deelnemer die de dienst vertegenwoordigde of er deel van uitmaakt).',
		definitionLabel: 'Hoe tellen we?',
		names: 'Deelnemende diensten: {names}.'
	},
	kinds: {
		relaunch_day: 'Doorstartdag',
		lunch_talk: 'Lunchgesprek',
		team_meeting: 'Overleg van een klimaatteam'
	},
	kindHints: {
		relaunch_day:
			'Een plenaire dag met één vertegenwoordiger per dienst, die samen werken rond concrete acties van het plan.',
		lunch_talk:
			'Een één-op-één gesprek tussen de duurzaamheidsdienst en één dienst, op zoek naar win-win. Het eindigt in acties en werkafspraken.',
		team_meeting: 'Een overleg van een klimaatteam rond zijn thema, met diensthoofden en experten.'
	},
	departments: {
		title: 'Diensten en medewerkers',
		intro:
			'Bij welke dienst hoort elke medewerker die het klimaatplan leest? De rollen van de medewerkers blijven zoals ze zijn; hier koppel je hen aan een dienst van het plan.',
		searchLabel: 'Medewerkers zoeken',
		search: 'Zoek op naam, e-mailadres of dienst',
		department: 'Dienst',
		allDepartments: 'Alle diensten',
		noDepartment: 'Zonder dienst',
		caption: { one: '{count} medewerker', other: '{count} medewerkers' },
		columns: { name: 'Medewerker', department: 'Dienst', role: 'Dienst volgens de rol' },
		none: 'Nog geen medewerkers die het plan lezen.',
		empty: 'Geen medewerkers voor deze zoekopdracht.',
		select: 'Kies {name}',
		bulkHeading: 'De gekozen medewerkers',
		bulkHint: 'Vink medewerkers aan en kies hun dienst.',
		operation: 'Wijziging',
		choose: 'Kies…',
		toDepartment: 'Naar dienst: {name}',
		out: 'Uit hun dienst halen',
		next: 'Verder…',
		overview: 'Diensten van het plan',
		rename: 'Naam wijzigen van {name}',
		renameTitle: 'Dienst hernoemen',
		renameIntro:
			'De nieuwe naam staat meteen overal waar de dienst genoemd wordt: in het plan, de teams en het overleg.',
		newName: 'Naam van de dienst',
		renameSave: 'Naam bewaren',
		renameBack: 'Terug naar de diensten',
		renamed: 'De naam van de dienst is gewijzigd.',
		staffCount: { one: '{count} medewerker', other: '{count} medewerkers' },
		confirm: {
			title: 'Medewerkers aan een dienst koppelen',
			intro: {
				one: 'Je wijzigt de dienst van {count} medewerker.',
				other: 'Je wijzigt de dienst van {count} medewerkers.'
			},
			toDepartment: 'Ze horen voortaan bij {name}.',
			out: 'Ze horen voortaan bij geen dienst meer.',
			nothingSelected: 'Je koos geen medewerkers. Ga terug en vink de medewerkers aan.',
			was: 'nu: {name}',
			wasNone: 'nu zonder dienst',
			yes: 'Ja, wijzig hun dienst',
			no: 'Nee, terug naar de lijst'
		},
		done: {
			one: 'De dienst van {count} medewerker is gewijzigd.',
			other: 'De dienst van {count} medewerkers is gewijzigd.'
		}
	},
	teams: {
		title: 'Klimaatteams',
		intro:
			'Een klimaatteam per thema, met de diensthoofden en experten van de betrokken diensten. Gebouwen en mobiliteit wegen vaak het zwaarst door hun invloed op de CO2-uitstoot.',
		none: 'Nog geen klimaatteams.',
		caption: 'Klimaatteams',
		columns: { name: 'Team', theme: 'Thema', lead: 'Trekker', members: 'Leden' },
		add: 'Klimaatteam oprichten',
		name: 'Naam van het team',
		theme: 'Thema',
		chooseTheme: 'Kies een thema…',
		lead: 'Trekker (optioneel)',
		noLead: 'Nog geen trekker',
		create: 'Team oprichten',
		back: 'Terug naar de klimaatteams',
		members: 'Leden',
		noMembers: 'Dit team heeft nog geen leden.',
		leadMark: 'trekker',
		addMembers: 'Leden toevoegen',
		addMembersHint: 'Medewerkers die het plan lezen; wie al lid is, blijft lid.',
		addMembersSubmit: 'Voeg toe als lid',
		removeMember: '{name} uit het team halen…',
		edit: 'Team wijzigen',
		save: 'Team bewaren',
		remove: 'Team opheffen…',
		removeTitle: 'Klimaatteam opheffen',
		removeIntro:
			'Je heft het team “{name}” op. De leden zijn dan geen lid meer; overleg van het team blijft bewaard, zonder team.',
		removeYes: 'Ja, hef het team op',
		memberRemoveTitle: 'Lid uit een klimaatteam halen',
		memberRemoveIntro: 'Je haalt {person} uit het klimaatteam “{team}”.',
		memberRemoveYes: 'Ja, haal uit het team',
		no: 'Nee, terug naar het team',
		done: {
			created: 'Het klimaatteam is opgericht.',
			saved: 'Het team is bewaard.',
			members: { one: '{count} lid toegevoegd.', other: '{count} leden toegevoegd.' },
			memberRemoved: 'Het lid is uit het team gehaald.',
			removed: 'Het team is opgeheven.'
		}
	},
	meetings: {
		title: 'Overleg en afspraken',
		intro:
			'De doorstartdag, de lunchgesprekken met elke dienst en het overleg van de klimaatteams, met wie er was en welke afspraken er gemaakt zijn. Elke afspraak wordt een actie van het plan of een taak.',
		none: 'Nog geen overleg genoteerd.',
		caption: 'Overleg',
		columns: {
			date: 'Datum',
			kind: 'Soort',
			with: 'Met',
			participants: 'Deelnemers',
			agreements: 'Afspraken'
		},
		new: 'Overleg noteren',
		newTitle: 'Overleg noteren',
		chooseKind: 'Welk soort overleg noteer je?',
		otherKind: 'Een ander soort kiezen',
		heldOn: 'Datum',
		heldOnHint: 'Bijvoorbeeld 15/03/2026.',
		department: 'Dienst van het lunchgesprek',
		chooseDepartment: 'Kies een dienst…',
		team: 'Klimaatteam',
		chooseTeam: 'Kies een team…',
		noTeams: 'Er is nog geen klimaatteam. Richt eerst een team op.',
		participants: 'Wie nam deel?',
		representatives: 'Eén vertegenwoordiger per dienst',
		representativesHint: 'Laat leeg voor een dienst die er niet bij was.',
		representativeOf: 'Vertegenwoordiger van {name}',
		nobody: 'Niemand',
		notes: 'Verslag (optioneel)',
		record: 'Overleg bewaren',
		back: 'Terug naar het overleg',
		with: {
			department: 'met {name}',
			team: 'van {name}'
		},
		participantsTitle: 'Deelnemers',
		noParticipants: 'Geen deelnemers genoteerd.',
		addParticipants: 'Deelnemers toevoegen',
		addParticipantsSubmit: 'Voeg toe als deelnemer',
		removeParticipant: 'Haal {name} uit de deelnemers',
		allTookPart: 'Alle medewerkers staan al bij de deelnemers.',
		notesTitle: 'Verslag',
		noNotes: 'Geen verslag.',
		edit: 'Datum en verslag wijzigen',
		save: 'Bewaren',
		remove: 'Overleg verwijderen…',
		removeTitle: 'Overleg verwijderen',
		removeIntro:
			'Je verwijdert het overleg van {date} met zijn deelnemers, afspraken en de taken die eruit kwamen. Acties van het plan die eruit kwamen, blijven.',
		removeYes: 'Ja, verwijder het overleg',
		no: 'Nee, terug naar het overleg',
		agreements: 'Afspraken',
		noAgreements: 'Nog geen afspraken.',
		addAgreement: 'Afspraak toevoegen',
		agreementText: 'Wat is er afgesproken?',
		addAgreementSubmit: 'Afspraak toevoegen',
		outcome: {
			open: 'Nog open: maak er een actie of een taak van.',
			action: 'Werd de actie van het plan',
			task: 'Werd een taak voor {owner}, tegen {date} ({status})'
		},
		toAction: 'Maak er een actie van het plan van',
		toTask: 'Maak er een taak van',
		taskTitle: 'Taak',
		owner: 'Eigenaar',
		chooseOwner: 'Kies een medewerker…',
		dueOn: 'Tegen',
		createTask: 'Taak maken',
		removeAgreement: 'Afspraak verwijderen…',
		agreementRemoveTitle: 'Afspraak verwijderen',
		agreementRemoveIntro: 'Je verwijdert deze afspraak van het overleg van {date}:',
		agreementRemoveYes: 'Ja, verwijder de afspraak',
		actionTitle: 'Actie van het plan uit een afspraak',
		actionIntro:
			'Uit de afspraak van het overleg van {date}: “{text}”. Vul aan en bewaar: de actie verwijst naar dit overleg.',
		actionCreate: 'Actie in het plan zetten',
		origin: 'Ontstaan uit een afspraak van het overleg: {kind} van {date}.',
		done: {
			recorded: 'Het overleg is bewaard.',
			saved: 'Bewaard.',
			removed: 'Het overleg is verwijderd.',
			agreement: 'De afspraak is toegevoegd.',
			agreementRemoved: 'De afspraak is verwijderd.',
			action: 'De afspraak is een actie van het plan geworden.',
			task: 'De afspraak is een taak geworden.',
			participants: {
				one: '{count} deelnemer toegevoegd.',
				other: '{count} deelnemers toegevoegd.'
			},
			participantRemoved: 'De deelnemer is uit het overleg gehaald.'
		}
	},
	tasks: {
		title: 'Taken',
		intro: 'Taken uit de afspraken van het overleg, met een eigenaar en een datum.',
		mine: 'Mijn open taken',
		noneMine: 'Je hebt geen open taken.',
		all: 'Alle taken',
		none: 'Nog geen taken.',
		columns: { task: 'Taak', owner: 'Eigenaar', due: 'Tegen', status: 'Status', meeting: 'Uit overleg' },
		status: { open: 'Open', done: 'Klaar' },
		late: 'te laat',
		markDone: '“{title}” is klaar',
		reopen: '“{title}” opnieuw openen',
		formerOwner: 'Voormalige medewerker',
		handOver: '“{title}” overdragen',
		handover: {
			title: 'Taak overdragen',
			intro:
				'Geef de taak aan een collega die meewerkt aan het klimaatplan. Die krijgt er bericht van, zoals van een nieuwe taak.',
			task: 'Taak',
			owner: 'Nu bij',
			due: 'Tegen',
			newOwner: 'Nieuwe eigenaar',
			choose: 'Kies een medewerker…',
			submit: 'Taak overdragen',
			back: 'Terug naar de taken'
		},
		done: {
			status: 'De taak is bijgewerkt.',
			handedOver: 'De taak is overgedragen. De nieuwe eigenaar krijgt er bericht van.'
		}
	},
	diagnosis: {
		title: 'Diagnose van de samenwerking',
		intro:
			'Hoe werken de diensten vandaag samen rond het klimaatplan? Elke dienst beantwoordt een korte vragenlijst, en later opnieuw, zodat je ziet wat verandert.',
		scale: `1 = helemaal niet, ${DIAGNOSIS_SCALE} = helemaal`,
		questions: {
			knowsActions: 'Onze dienst weet welke acties van het klimaatplan ze trekt of mee uitvoert.',
			worksTogether: 'Bij klimaatacties werken we vlot samen met andere diensten.',
			contactPoint: 'We hebben een vast aanspreekpunt en overleg met de duurzaamheidsdienst.',
			inPlanning: 'Klimaat zit in onze eigen planning en ons budget.',
			politicalSupport: 'Het bestuur steunt ons zichtbaar bij klimaatacties.'
		},
		comment: 'Wat zou de samenwerking verbeteren? (optioneel)',
		rounds: 'Rondes',
		noRounds: 'Nog geen rondes. Open een eerste ronde om de diensten te bevragen.',
		openRound: 'Nieuwe ronde openen',
		roundName: 'Naam van de ronde',
		roundNameHint: 'Bijvoorbeeld “Voorjaar 2026”.',
		openRoundSubmit: 'Ronde openen',
		resultsTitle: 'Resultaten per ronde',
		resultsCaption: 'Gemiddelde score per stelling, per ronde (1 tot {max})',
		departmentsCaption: 'Gemiddelde score per dienst, per ronde (1 tot {max})',
		statement: 'Stelling',
		answered: { one: '{count} dienst antwoordde', other: '{count} diensten antwoordden' },
		notAnswered: 'geen antwoord',
		comments: 'Wat diensten schreven',
		open: 'open',
		closed: 'afgesloten',
		answer: 'Vragenlijst invullen voor {round}',
		close: '{round} afsluiten…',
		closeTitle: 'Ronde van de diagnose afsluiten',
		closeIntro: 'Je sluit de ronde “{name}” af. De antwoorden blijven; er kunnen er geen meer bij.',
		closeYes: 'Ja, sluit de ronde af',
		no: 'Nee, terug naar de diagnose',
		answerTitle: 'Vragenlijst: {round}',
		answerIntro:
			'Kies de dienst waarvoor je antwoordt. Antwoord je opnieuw, dan vervangt dat het vorige antwoord van die dienst.',
		answerDepartment: 'Voor de dienst',
		chooseDepartment: 'Kies een dienst…',
		score: '{n}',
		submit: 'Antwoorden bewaren',
		back: 'Terug naar de diagnose',
		roundClosedNote: 'Deze ronde is afgesloten.',
		done: {
			round: 'De ronde is geopend.',
			closed: 'De ronde is afgesloten.',
			answered: 'De antwoorden zijn bewaard.'
		}
	},
	errors: {
		nameRequired: 'Geef een naam.',
		nameTooLong: `Een naam heeft hoogstens ${TEAM_LIMITS.nameMax} tekens.`,
		themeRequired: 'Kies het thema van het team.',
		theme: 'Kies een thema van dit plan.',
		department: 'Kies een dienst van deze gemeente.',
		departmentRequired: 'Kies een dienst.',
		team: 'Kies een klimaatteam van deze gemeente.',
		teamRequired: 'Kies het klimaatteam.',
		teamNameTaken: 'Er is al een klimaatteam met deze naam.',
		departmentNameTaken: 'Er is al een dienst met deze naam.',
		person: 'Kies medewerkers uit de lijst.',
		notStaff: 'Kies medewerkers van deze gemeente die het klimaatplan lezen.',
		nobody: 'Kies minstens één medewerker.',
		tooMany: 'Dat zijn te veel mensen in één keer.',
		operation: 'Kies een dienst uit de lijst.',
		kind: 'Kies een soort overleg uit de lijst.',
		dateRequired: 'Geef een datum.',
		dateInvalid: 'Geef een geldige datum, bijvoorbeeld 15/03/2026.',
		notesTooLong: `Het verslag heeft hoogstens ${TEAM_LIMITS.notesMax} tekens.`,
		representativesRequired: 'Kies minstens één vertegenwoordiger.',
		onePerDepartment: 'Kies één vertegenwoordiger per dienst.',
		onePersonOnce: 'Iemand kan maar één dienst vertegenwoordigen.',
		agreementRequired: 'Schrijf de afspraak.',
		agreementTooLong: `Een afspraak heeft hoogstens ${TEAM_LIMITS.agreementMax} tekens.`,
		tooManyAgreements: `Een overleg heeft hoogstens ${TEAM_LIMITS.agreementsMax} afspraken.`,
		alreadyConverted: 'Van deze afspraak is al een actie of een taak gemaakt.',
		taskTitleRequired: 'Geef de taak een naam.',
		taskTitleTooLong: `Een taak heeft hoogstens ${TEAM_LIMITS.taskTitleMax} tekens.`,
		owner: 'Kies een medewerker uit de lijst.',
		ownerRequired: 'Kies de eigenaar van de taak.',
		taskStatus: 'Kies open of klaar.',
		notYourTask: 'Alleen de eigenaar van de taak of de duurzaamheidsdienst kan ze bijwerken.',
		sameOwner: 'Deze medewerker is al de eigenaar van de taak. Kies iemand anders.',
		taskNotOpen: 'Deze taak is klaar. Alleen een open taak kan je overdragen.',
		roundNameTaken: 'Er is al een ronde met deze naam.',
		roundClosed: 'Deze ronde is afgesloten: er kunnen geen antwoorden meer bij.',
		scoreRequired: 'Kies een score.',
		score: `Kies een score van 1 tot ${DIAGNOSIS_SCALE}.`,
		commentTooLong: `Hoogstens ${TEAM_LIMITS.commentMax} tekens.`,
		notYourDepartment: 'Je kan de vragenlijst alleen invullen voor de dienst waar je bij hoort.',
		titleTooLong: `Een titel heeft hoogstens ${PLAN_LIMITS.titleMax} tekens.`
	}
};
