// Dutch (nl-BE) texts of the back office for events (activiteiten): list, form, cancelling, registrations,
// check-in and the export.
export const eventsAdmin = {
	title: 'Activiteiten',
	intro:
		'Werkgroepen, actiedagen, infoavonden en online sessies van {name}: ontwerpen, gepubliceerde en geannuleerde.',
	homeTitle: 'Activiteiten',
	attention: {
		groupProposals: {
			one: '{count} activiteit voorgesteld door een burgergroep wacht op publicatie',
			other: '{count} activiteiten voorgesteld door burgergroepen wachten op publicatie'
		}
	},
	homeBody: 'Werkgroepen en actiedagen plannen, inschrijvingen opvolgen en aanwezigen aanvinken.',
	backToList: 'Terug naar de activiteiten',
	backToEvent: 'Terug naar de activiteit',
	newEvent: 'Nieuwe activiteit',
	newTitle: 'Nieuwe activiteit',
	duplicateTitle: 'Kopie van ‘{title}’',
	duplicateIntro:
		'Dit formulier is ingevuld met de gegevens van ‘{title}’. Pas de datum en wat anders is aan; de kopie wordt pas bewaard als je op de knop drukt.',
	editTitle: 'Activiteit ‘{title}’',
	kind: {
		workingGroup: 'Werkgroep',
		actionDay: 'Actiedag',
		infoEvening: 'Infoavond',
		online: 'Online sessie',
		citizenGroupSession: 'Sessie van een burgergroep'
	},
	status: {
		draft: 'Ontwerp',
		published: 'Gepubliceerd',
		cancelled: 'Geannuleerd'
	},
	registrationStatus: {
		pending: 'E-mailadres nog niet bevestigd',
		confirmed: 'Ingeschreven',
		waitlisted: 'Wachtlijst',
		cancelled: 'Uitgeschreven'
	},
	when: {
		upcoming: 'Komende en lopende',
		past: 'Voorbije'
	},
	list: {
		searchLabel: 'Activiteiten zoeken',
		searchField: 'Zoek op titel of plaats',
		statusFilter: 'Status',
		allStatuses: 'Alle',
		kindFilter: 'Soort',
		allKinds: 'Alle soorten',
		whenFilter: 'Wanneer',
		originFilter: 'Wie stelde voor',
		allOrigins: 'Iedereen',
		origins: { group: 'Een burgergroep' },
		proposedBy: 'voorgesteld door {name}',
		caption: { one: '{count} activiteit', other: '{count} activiteiten' },
		columns: {
			title: 'Activiteit',
			when: 'Wanneer',
			status: 'Status',
			registrations: 'Inschrijvingen'
		},
		places: '{taken} van {capacity} plaatsen',
		placesUnlimited: '{taken} plaatsen, geen maximum',
		registrations: { one: '{count} ingeschreven', other: '{count} ingeschreven' },
		waitlisted: { one: '{count} op de wachtlijst', other: '{count} op de wachtlijst' },
		empty: 'Geen activiteiten gevonden. Pas de zoekopdracht of de filters aan.',
		none: 'Er zijn nog geen activiteiten. Maak de eerste aan.',
		select: 'selecteer {title}',
		bulkHeading: 'Met de geselecteerde activiteiten',
		bulkHint: 'Vink ontwerpen aan en publiceer ze samen; je bevestigt in de volgende stap.',
		bulkPublish: 'Publiceren…'
	},
	bulk: {
		title: 'Activiteiten publiceren?',
		intro: {
			one: 'Deze {count} activiteit wordt gepubliceerd:',
			other: 'Deze {count} activiteiten worden gepubliceerd:'
		},
		what: 'Iedereen kan ze zien en zich inschrijven.',
		nothingSelected: 'Geen van de geselecteerde activiteiten is een ontwerp.',
		confirm: 'Ja, publiceer ze',
		no: 'Nee, terug naar de lijst'
	},
	form: {
		linkHeading: 'Waar hoort de activiteit bij?',
		actionLabel: 'Klimaatactie',
		actionNone: '— Geen actie —',
		opportunityLabel: 'Kans om mee te doen',
		opportunityNone: '— Geen kans —',
		opportunityHint:
			'Kies je een kans, dan hoort de activiteit bij de actie van die kans. Een werkgroep hoort meestal bij een kans ‘werkgroep’.',
		basicsHeading: 'Wat',
		kindLabel: 'Soort activiteit',
		rungLabel: 'Trede van de participatieladder',
		rungDefault: 'Zoals gebruikelijk voor deze soort',
		rungHint:
			'Een werkgroep die kiest staat op trede 5 (meebeslissen), een actiedag op 4 (coproduceren), een infoavond op 1 (informeren).',
		titleLabel: 'Titel',
		titleHint: 'Bijvoorbeeld ‘Werkgroep ontharding: kies de plekken’. Hoogstens 200 tekens.',
		descriptionLabel: 'Beschrijving',
		markdownHint: 'Je kan Markdown gebruiken: **vet**, *schuin*, lijstjes met - en links.',
		preview: 'Voorbeeld',
		whenHeading: 'Wanneer',
		startsLabel: 'Begint op',
		endsLabel: 'Eindigt op',
		timeHint: 'Datum en uur in Belgische tijd.',
		whereHeading: 'Waar',
		venueLabel: 'Locatie',
		venueHint: 'Bijvoorbeeld ‘Gemeenschapscentrum De Halle, zaal 2’.',
		addressLabel: 'Adres',
		accessibilityLabel: 'Toegankelijkheid',
		accessibilityHint: 'Bijvoorbeeld: gelijkvloerse ingang, aangepast toilet, ringleiding.',
		whatToBringLabel: 'Wat breng je mee?',
		onlineUrlLabel: 'Link van de online sessie',
		onlineUrlHint: 'Een https-link. Alleen wie ingeschreven is, ziet hem.',
		organiserLabel: 'Organisator',
		registrationHeading: 'Inschrijven',
		capacityLabel: 'Aantal plaatsen',
		capacityHint:
			'Leeg: geen maximum. Meegebrachte personen tellen mee. Je kan het aantal niet lager zetten dan het aantal plaatsen dat al ingenomen is: dan krijg je dat aantal te zien, en niemand wordt naar de wachtlijst verschoven. Zet je het hoger, dan krijgen de eersten op de wachtlijst meteen een plaats en een mail.',
		deadlineLabel: 'Inschrijven kan tot',
		deadlineHint: 'Leeg: tot de activiteit begint.',
		maxCompanionsLabel: 'Hoeveel personen mag iemand meebrengen?',
		maxCompanionsHint: 'Van 0 tot 20.',
		questionsLegend: 'Vragen bij het inschrijven',
		questionsHint:
			'Bijvoorbeeld ‘Ik breng een spade mee’ (aanvinken) of ‘Allergieën?’ (tekst). Laat een rij leeg om ze weg te laten.',
		questionLabel: 'Vraag {number}',
		questionType: 'Soort antwoord bij vraag {number}',
		questionTypes: {
			checkbox: 'Aanvinken',
			text: 'Tekst'
		},
		statusLabel: 'Publicatie',
		statusHint:
			'Een ontwerp zie je alleen in het beheer; met inschrijvingen kan een activiteit niet terug naar ontwerp. Annuleren doe je op de pagina van de activiteit.',
		statusOptions: {
			draft: 'Ontwerp (niet zichtbaar)',
			published: 'Gepubliceerd (iedereen kan inschrijven)'
		},
		create: 'Activiteit bewaren',
		save: 'Wijzigingen bewaren'
	},
	edit: {
		invite: 'Uitnodigen: de pool, deelnemers van de actie, indieners van suggesties',
		sequence: 'Versie {sequence} in de agenda’s van de ingeschrevenen.',
		publicPage: 'Bekijk de activiteit op de website',
		registrations: 'Inschrijvingen en aanwezigheden',
		report: 'Verslag',
		duplicate: 'Kopie maken',
		cancel: 'Activiteit annuleren…',
		cancelled: 'Deze activiteit is geannuleerd. Je kan ze niet meer wijzigen, wel kopiëren.',
		places: '{taken} van {capacity} plaatsen ingenomen, {waitlisted} op de wachtlijst.',
		placesUnlimited: '{taken} plaatsen ingenomen, geen maximum.'
	},
	cancel: {
		title: 'Activiteit annuleren?',
		intro: 'Je annuleert ‘{title}’ van {date}.',
		told: 'We verwittigen {confirmed} ingeschreven personen en {waitlisted} personen op de wachtlijst, met een aanpassing voor hun agenda.',
		pending: 'Ook {count} personen die hun e-mailadres nog niet bevestigden, krijgen bericht.',
		none: 'Niemand is ingeschreven; er gaat geen bericht uit.',
		check: 'Ja, annuleer deze activiteit',
		button: 'Activiteit annuleren',
		back: 'Nee, terug'
	},
	registrations: {
		title: 'Inschrijvingen: {title}',
		intro: 'Wie ingeschreven is, op de wachtlijst staat of uitschreef, in volgorde van inschrijving.',
		summary:
			'{confirmed} ingeschreven, {waitlisted} op de wachtlijst, {pending} nog niet bevestigd, {cancelled} uitgeschreven. {checkedIn} aanwezig.',
		searchLabel: 'Inschrijvingen zoeken',
		searchField: 'Zoek op naam of e-mailadres',
		statusFilter: 'Status',
		allStatuses: 'Alle',
		export: 'Alle inschrijvingen downloaden (CSV)',
		caption: { one: '{count} inschrijving', other: '{count} inschrijvingen' },
		columns: {
			present: 'Aanwezig',
			name: 'Naam',
			status: 'Status',
			details: 'Details'
		},
		companions: { one: '+ {count} persoon', other: '+ {count} personen' },
		noAccount: 'zonder account',
		checkInLabel: '{name} is aanwezig',
		checkedInAt: 'aangevinkt om {time}',
		notConfirmed: 'geen plaats',
		checkInHint:
			'Vink aan wie er is en druk op de knop. Wie je uitvinkt, staat niet meer als aanwezig. Alleen ingeschreven personen kan je aanvinken.',
		save: 'Aanwezigheden bewaren',
		empty: 'Geen inschrijvingen gevonden.',
		none: 'Nog niemand ingeschreven.',
		truncated: 'Alleen de eerste 500 worden getoond. Zoek op naam om anderen te vinden.',
		yes: 'ja',
		no: 'nee'
	},
	logistics: {
		link: 'Logistiek en briefing',
		title: 'Logistiek: {title}',
		intro:
			'Wat er voor deze activiteit klaar moet zijn, en wie ervoor zorgt. De collega’s met een e-mailadres krijgen de briefing.',
		listHeading: 'Checklist',
		empty: 'Er staat nog niets op de checklist.',
		suggested:
			'Voor een actiedag staan er alvast voorstellen op de checklist. Houd wat je nodig hebt en verwijder de rest.',
		done: 'Klaar',
		notDone: 'Nog te doen',
		responsible: 'Verantwoordelijk: {who}',
		markDone: 'Afvinken',
		markNotDone: 'Toch nog niet klaar',
		edit: 'Wijzigen',
		remove: 'Verwijderen…',
		addHeading: 'Taak toevoegen',
		editHeading: 'Taak wijzigen',
		textLabel: 'Wat moet er gebeuren?',
		textHint: 'Bijvoorbeeld ‘Container voor opgebroken tegels plaatsen’. Hoogstens 300 tekens.',
		departmentLabel: 'Verantwoordelijke dienst (niet verplicht)',
		departmentHint: 'Bijvoorbeeld ‘Groendienst’ of ‘Technische dienst’.',
		emailLabel: 'E-mailadres van de collega (niet verplicht)',
		emailHint: 'Naar dit adres gaat de briefing.',
		add: 'Taak toevoegen',
		save: 'Taak bewaren',
		cancelEdit: 'Niet wijzigen',
		briefingHeading: 'Briefing',
		briefingHint:
			'Stuur de collega’s met een e-mailadres op de checklist een mail met de activiteit, wanneer en waar, hun taken en het aantal inschrijvingen. Verandert het uur of de plaats, dan krijgen ze de briefing automatisch opnieuw.',
		briefingNobody: 'Vul bij minstens één taak een e-mailadres in om een briefing te sturen.',
		briefingLast: 'De briefing werd laatst verstuurd op {time}.',
		briefingSend: 'Briefing sturen',
		removeTitle: 'Taak verwijderen?',
		removeIntro: 'Deze taak verdwijnt van de checklist van ‘{title}’:',
		removeConfirm: 'Ja, verwijder de taak',
		removeBack: 'Nee, terug naar de checklist',
		doneMessages: {
			added: 'De taak staat op de checklist.',
			saved: 'De taak is gewijzigd.',
			ticked: 'De taak is bijgewerkt.',
			removed: 'De taak is verwijderd.',
			briefed: {
				one: 'De briefing is verstuurd naar {count} collega.',
				other: 'De briefing is verstuurd naar {count} collega’s.'
			}
		},
		defaults: {
			plants: 'Planten bestellen en laten leveren',
			tools: 'Gereedschap klaarzetten (spades, kruiwagens, handschoenen)',
			container: 'Container voor opgebroken tegels plaatsen en laten ophalen',
			firstAid: 'EHBO-koffer en een EHBO’er voorzien'
		},
		errors: {
			textRequired: 'Vul in wat er moet gebeuren.',
			textTooLong: 'Dit is te lang: gebruik hoogstens 300 tekens.',
			departmentTooLong: 'De naam van de dienst is te lang: gebruik hoogstens 100 tekens.',
			email: 'Dit is geen geldig e-mailadres. Kijk het na, bijvoorbeeld groendienst@geel.be.',
			item: 'Deze taak bestaat niet (meer).',
			tooMany: 'De checklist is vol: hoogstens 100 taken.',
			cancelled: 'Deze activiteit is geannuleerd: een briefing sturen kan niet meer.'
		},
		mail: {
			subject: 'Briefing: {title} op {when}',
			subjectChanged: 'Gewijzigd uur of plaats – briefing: {title} op {when}',
			changed: 'Let op: het uur of de plaats van deze activiteit is gewijzigd.\n\n',
			body: 'Dag collega{department},\n\n{changed}Dit is de briefing voor "{title}".\n\nWanneer: {when}\nWaar: {where}\nIngeschreven: {registered} (plaatsen ingenomen: {taken}{capacity}), wachtlijst: {waitlisted}\n\nJouw taken:\n{items}\n\nDe hele checklist en de inschrijvingen: {link}\n\nVragen? Neem contact op met {organiser}.',
			item: '- {text}{done}',
			itemDone: ' (klaar)',
			department: ' van {department}',
			capacity: ' van {capacity}',
			organiser: 'de organisatie van de activiteit'
		}
	},
	officials: {
		heading: 'Wie van de gemeente is er?',
		hint: 'De schepen en de medewerkers die naar de activiteit komen. Ze staan met hun naam en rol op de publieke pagina van de activiteit.',
		none: 'Nog niemand van de gemeente aangeduid.',
		personLabel: 'Medewerker of schepen',
		choose: '— Kies iemand —',
		noCandidates: 'Alle medewerkers van de gemeente staan al op de lijst.',
		add: 'Toevoegen',
		remove: 'Van de lijst halen',
		role: { alderman: 'schepen', civilServant: 'medewerker van de gemeente' },
		doneMessages: {
			added: 'De persoon staat op de lijst van aanwezigen.',
			removed: 'De persoon is van de lijst gehaald.'
		},
		errors: {
			person: 'Kies een medewerker of schepen van de gemeente uit de lijst.'
		}
	},
	checkIn: {
		title: 'Aanwezig melden',
		intro: 'Je scande de QR-code uit de bevestigingsmail van een deelnemer.',
		event: 'Activiteit',
		person: 'Deelnemer',
		companions: { one: 'Brengt 1 persoon mee', other: 'Brengt {count} mensen mee' },
		button: 'Aanwezig melden',
		already: '{name} is al aanwezig gemeld ({time}).',
		done: '{name} is aanwezig gemeld.',
		doneAlready: '{name} was al aanwezig gemeld. Er is niets veranderd.',
		invalid:
			'Deze QR-code is ongeldig: hij is onvolledig gescand of aangepast. Scan opnieuw, of zoek de persoon op naam in de lijst van inschrijvingen.',
		otherEvent:
			'Deze QR-code hoort bij een andere activiteit: ‘{title}’. Deze persoon is niet ingeschreven voor deze activiteit.',
		otherEventLink: 'Naar het aanmelden voor ‘{title}’',
		notConfirmed:
			'Deze inschrijving heeft geen bevestigde plaats (meer): de persoon schreef zich uit of staat op de wachtlijst.',
		toList: 'Naar de lijst van inschrijvingen'
	},
	done: {
		created: 'De activiteit is bewaard.',
		saved: 'De wijzigingen zijn bewaard.',
		unchanged: 'Er was niets gewijzigd.',
		cancelled: 'De activiteit is geannuleerd.',
		published: {
			one: '{count} activiteit is gepubliceerd.',
			other: '{count} activiteiten zijn gepubliceerd.'
		},
		checkedIn: 'De aanwezigheden zijn bewaard.',
		reportSaved: 'Het verslag is bewaard als ontwerp.',
		reportPhotoRemoved: 'De foto is uit het verslag verwijderd.',
		reportUpdated: 'Het gepubliceerde verslag is bijgewerkt.',
		reportPublished: {
			one: 'Het verslag is gepubliceerd. {count} persoon krijgt een e-mail.',
			other: 'Het verslag is gepubliceerd. {count} personen krijgen een e-mail.'
		}
	},
	report: {
		title: 'Verslag van ‘{title}’',
		intro:
			'Wat besproken en beslist werd, de volgende stappen en wie er was. Zolang het een ontwerp is, ziet niemand het. Bij het publiceren krijgen de gekozen suggesties de status ‘Gekozen’ met jouw antwoord, en krijgen hun indieners, wie een plaats had en de volgers van de actie een e-mail.',
		publishedOn:
			'Gepubliceerd op {date}. Wijzigingen aan de tekst en het aantal aanwezigen verschijnen meteen; de gekozen suggesties liggen vast.',
		reportLabel: 'Verslag',
		reportHint:
			'Wat werd besproken, wat werd beslist en wat zijn de volgende stappen. Markdown: **vet**, *schuin*, lijstjes met - en koppelingen.',
		attendanceLabel: 'Aantal aanwezigen',
		attendanceHint:
			'Ingevuld met wie aangevinkt werd als aanwezig ({count}). Pas aan als er meer of minder mensen waren.',
		suggestionsHeading: 'Gekozen suggesties',
		suggestionsHint:
			'Vink aan welke suggesties van de actie ‘{action}’ de bijeenkomst koos. Hun indieners lezen het antwoord bij de suggestie en krijgen een e-mail.',
		noAction: 'Deze activiteit hoort niet bij een actie: er zijn geen suggesties om te kiezen.',
		noSuggestions: 'De actie ‘{action}’ heeft nog geen openbare suggesties.',
		suggestionMeta: '{opportunity} · {votes} keer gesteund · {status}',
		answerLabel: 'Antwoord bij ‘{title}’',
		sharedAnswerLabel: 'Gemeenschappelijk antwoord',
		sharedAnswerHint: 'Voor elke aangevinkte suggestie zonder eigen antwoord.',
		chosenFixed: 'Gekozen bij het publiceren:',
		saveDraft: 'Bewaar als ontwerp',
		publish: 'Publiceer het verslag',
		save: 'Bewaar de wijzigingen',
		preview: 'Zo staat het bewaarde verslag op de website',
		photosHeading: 'Foto’s',
		photosHint:
			'Foto’s verschijnen in het verslag in de volgorde waarin je ze toevoegt, zodra het verslag gepubliceerd is. We verkleinen ze en verwijderen de gegevens die een toestel erin bewaart (zoals de plaats waar ze genomen zijn).',
		photosNone: 'Nog geen foto’s.',
		photoRemove: 'Verwijder foto {number}',
		photoLabel: 'Foto toevoegen',
		photoHint:
			'Eén foto per keer: JPEG, PNG of WebP, hoogstens 10 MB. Ze wordt toegevoegd als je het verslag bewaart. Werd het formulier geweigerd, kies de foto dan opnieuw.',
		photoAltLabel: 'Beschrijving van de foto',
		photoAltHint:
			'Wat staat er op de foto? Voor wie ze niet kan zien, bijvoorbeeld ‘Twaalf buren planten hagen op het Marktplein’.',
		photosFull: 'Dit verslag heeft het maximum van 12 foto’s. Verwijder er een om een andere toe te voegen.',
		removePhoto: {
			title: 'Foto uit het verslag verwijderen',
			intro:
				'Deze foto verdwijnt uit het verslag van ‘{title}’, ook van de website als het verslag gepubliceerd is.',
			button: 'Verwijder de foto',
			back: 'Nee, terug naar het verslag'
		},
		mail: {
			subject: 'Verslag van ‘{title}’',
			body: 'Dag {name},\n\nHet verslag van ‘{title}’ van {date} staat online: wat besproken en beslist werd, en de volgende stappen.\n\n{chosen}Lees het verslag: {page}\n\nJe krijgt deze e-mail omdat je ingeschreven was, een gekozen suggestie indiende of de actie volgt op Meedoen {municipality}.',
			chosen: 'De bijeenkomst koos deze suggesties:\n{list}\n\n'
		},
		errors: {
			reportTooLong: 'Het verslag is te lang: hoogstens 50.000 tekens.',
			reportRequired: 'Schrijf het verslag voor je het publiceert.',
			attendance: 'Geef een geheel getal van 0 tot 100.000.',
			answerTooLong: 'Het antwoord is te lang: hoogstens 1.000 tekens.',
			cancelled: 'Deze activiteit is geannuleerd: ze krijgt geen verslag.',
			photoType: 'Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.',
			photoTooBig: 'De foto is te groot: hoogstens 10 MB.',
			photoTooManyPixels:
				'Deze foto heeft te veel pixels (meer dan 50 megapixel). Verklein ze of kies een andere foto.',
			photoUnreadable: 'Deze foto kunnen we niet lezen. Probeer een andere foto.',
			photoTooMany: 'Een verslag heeft hoogstens 12 foto’s. Verwijder er eerst een.',
			photoAltRequired: 'Beschrijf wat er op de foto staat, voor wie ze niet kan zien.',
			photoAltTooLong: 'De beschrijving van de foto mag hoogstens 300 tekens hebben.'
		}
	},
	export: {
		name: 'Naam',
		email: 'E-mailadres',
		account: 'Account',
		status: 'Status',
		companions: 'Meegebrachte personen',
		registeredAt: 'Ingeschreven op',
		checkedInAt: 'Aanwezig (aangevinkt op)',
		yes: 'ja',
		no: 'nee'
	},
	errors: {
		titleRequired: 'Geef de activiteit een titel.',
		titleTooLong: 'De titel is te lang: hoogstens 200 tekens.',
		markdownTooLong: 'Deze tekst is te lang: hoogstens 50.000 tekens.',
		tooLong: 'Deze tekst is te lang.',
		kind: 'Kies een soort activiteit uit de lijst.',
		rung: 'Kies een trede uit de lijst.',
		status: 'Kies ontwerp of gepubliceerd.',
		action: 'Kies een klimaatactie uit de lijst.',
		opportunity: 'Kies een kans uit de lijst.',
		opportunityOfOtherAction: 'Deze kans hoort bij een andere klimaatactie dan de gekozen.',
		dateTime: 'Vul een datum en uur in, bijvoorbeeld 10/09/2026 19:30.',
		startRequired: 'Vul in wanneer de activiteit begint.',
		endRequired: 'Vul in wanneer de activiteit eindigt.',
		endBeforeStart: 'Het einde moet na het begin liggen.',
		deadlineAfterStart: 'Inschrijven moet sluiten voor de activiteit begint.',
		onlineUrl: 'Vul een volledige https-link in, bijvoorbeeld https://meet.example.be/werkgroep.',
		onlineUrlRequired: 'Een online sessie heeft een link nodig.',
		capacity: 'Vul een aantal plaatsen in van 1 tot 100.000, of laat het leeg.',
		capacityBelowTaken: {
			one: 'Er is al {count} plaats ingenomen. Zet het aantal plaatsen op {count} of meer.',
			other: 'Er zijn al {count} plaatsen ingenomen. Zet het aantal plaatsen op {count} of meer.'
		},
		draftWithRegistrations: {
			one: 'Er is al {count} persoon ingeschreven. Een ontwerp ziet die niet meer: annuleer de activiteit als ze niet doorgaat.',
			other:
				'Er zijn al {count} personen ingeschreven. Een ontwerp zien zij niet meer: annuleer de activiteit als ze niet doorgaat.'
		},
		maxCompanions: 'Vul een aantal van 0 tot 20 in.',
		questionLabel: 'Vul de vraag in (hoogstens 200 tekens).',
		questionType: 'Kies ‘aanvinken’ of ‘tekst’.',
		tooManyQuestions: 'Hoogstens 10 vragen.',
		cancelledNoChange: 'Deze activiteit is geannuleerd en kan niet meer gewijzigd worden.',
		alreadyCancelled: 'Deze activiteit is al geannuleerd.'
	}
};
