// Dutch texts of the profile and privacy pages: the person's own data, consents, export and deletion.
import { auditActions } from './shared/auditActions';
export const profile = {
	title: 'Mijn profiel',
	intro:
		'Hier kies je hoe je op Meedoen verschijnt, waarover en hoe vaak je mails krijgt, en zie je wat we over jou bewaren.',
	saved: 'Je profiel is bewaard.',
	savedVerify:
		'We stuurden een bevestigingslink naar {email}. Klik op die link om het adres te bevestigen. Tot dan sturen we geen andere mails naar dat adres.',
	savedHomeChanged:
		'Je gemeente is nu {municipality}. Kies hieronder welke thema’s van {municipality} je interesseren.',
	draftRestored:
		'We hebben bewaard wat je typte. Het is nog niet opgeslagen: kijk het na en klik op "Bewaren".',
	errorSummary: 'Niet alles is juist ingevuld',
	errorSummaryIntro: 'Er is nog niets bewaard. Pas deze velden aan en klik opnieuw op "Bewaren":',
	save: 'Bewaren',
	formHeading: 'Je profiel',
	sections: {
		about: 'Over jou',
		municipality: 'Je gemeente',
		help: 'Meehelpen als klimaatmaker'
	},
	displayName: {
		label: 'Je naam op Meedoen',
		hint: 'Iedereen ziet deze naam bij wat je schrijft of steunt. Hij mag kort zijn, bijvoorbeeld je voornaam. Maximaal 60 tekens.',
		required: 'Vul een naam in. Die mag kort zijn, bijvoorbeeld je voornaam.',
		tooLong: 'Je naam mag maximaal 60 tekens lang zijn.',
		noHtml: 'Gebruik geen < of > in je naam.'
	},
	legalName: {
		label: 'Je officiële naam (nooit publiek)',
		hint: 'Deze naam komt van je aanmelding bij de Vlaamse overheid. Alleen jij en je gemeente zien hem; je kan hem hier niet wijzigen.',
		unknown: 'Niet gekend: je meldde je aan met een link per mail.'
	},
	email: {
		label: 'Je e-mailadres',
		hint: 'Wijzig je je adres, dan sturen we eerst een bevestigingslink naar het nieuwe adres. Leeg laten mag: dan krijg je geen mails van ons.',
		verified: 'Dit adres is bevestigd.',
		unverified: 'Dit adres is nog niet bevestigd.',
		invalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be, of laat het veld leeg.',
		tooLong: 'Een e-mailadres mag maximaal 254 tekens lang zijn.',
		rateLimited:
			'Je hebt de voorbije tijd al enkele bevestigingsmails gevraagd. Wacht een uur en probeer dan opnieuw.',
		pendingHeading: 'Bevestig je e-mailadres',
		pending:
			'Je e-mailadres {email} is nog niet bevestigd. We sturen er pas andere mails naartoe als je op de link in onze bevestigingsmail klikt.',
		resend: 'Stuur de bevestigingsmail opnieuw',
		resent: 'We stuurden een nieuwe bevestigingslink naar {email}.',
		nothingToVerify: 'Er is geen e-mailadres dat nog bevestigd moet worden.'
	},
	home: {
		label: 'Je gemeente',
		hint: 'Over deze gemeente krijg je nieuws, en deze gemeente kan je vragen om mee te helpen.',
		none: 'Geen',
		invalid: 'Kies een gemeente uit de lijst, of "Geen".'
	},
	themes: {
		legend: 'Thema’s in {municipality}',
		hint: 'Kies per thema of je erover wil horen.',
		noHome: 'Kies eerst je gemeente en bewaar je profiel. Daarna kies je hier de thema’s van die gemeente.',
		changeHint: 'Kies je een andere gemeente, dan kies je na het bewaren de thema’s van die gemeente.',
		yes: 'Ja, graag',
		no: 'Liever niet',
		none: 'Geen voorkeur',
		invalid: 'Kies "Ja, graag", "Liever niet" of "Geen voorkeur".'
	},
	mailFrequency: {
		legend: 'Hoe vaak wil je mails krijgen?',
		immediate: 'Meteen',
		daily: 'Dagelijks',
		weekly: 'Wekelijks',
		never: 'Nooit',
		invalid: 'Kies hoe vaak je mails wil krijgen.',
		needsVerifiedEmail: 'Je krijgt pas mails als je een bevestigd e-mailadres hebt.',
		notYet:
			'Meedoen stuurt nog geen nieuwsmails over acties en suggesties. Wat je hier kiest, geldt zodra dat kan.'
	},
	wantsToHelp: {
		label: 'Ja, vraag mij om mee te helpen',
		needsHome:
			'Kies eerst je gemeente. Je komt in de pool van klimaatmakers van die gemeente, en zij vraagt je om mee te helpen.',
		invalid: 'Vink het vakje aan of laat het leeg.'
	},
	consents: {
		heading: 'Je toestemmingen',
		intro:
			'Hier zie je welke toestemming je wanneer gaf of introk. Intrekken doe je in je profiel hierboven: kies "Nooit" bij mails of haal het vinkje bij meehelpen weg.',
		caption: 'Geschiedenis van je toestemmingen',
		kind: 'Waarvoor',
		version: 'Versie van de tekst',
		given: 'Gegeven op',
		withdrawn: 'Ingetrokken op',
		stillValid: 'Nog geldig',
		none: 'Je hebt nog geen toestemming gegeven.',
		textVersion: 'Tekst versie {version}',
		textsHeading: 'Wat elke toestemming inhoudt',
		privacy: {
			label: 'Privacyverklaring',
			text: 'Ik heb gelezen hoe Meedoen en mijn gemeente mijn gegevens gebruiken, hoe lang ze bewaard worden en hoe ik ze kan inkijken, downloaden en laten verwijderen.'
		},
		updates: {
			label: 'Mails over klimaatacties',
			text: 'Meedoen mag mij mails sturen over klimaatacties in mijn gemeente en over de thema’s die ik kies, zo vaak als ik aanduid. Ik kan dit altijd stoppen door "Nooit" te kiezen.'
		},
		pool: {
			label: 'Pool van klimaatmakers',
			text: 'Mijn gemeente mag mij vragen om mee te helpen aan klimaatacties. Daarvoor ziet ze mijn naam op Meedoen en mag ze mij mailen. Ik kan dit altijd stoppen door het vinkje weg te halen.'
		},
		newsletters: {
			label: 'Nieuwsbrieven',
			text: 'Mijn gemeente mag mij haar nieuwsbrieven over klimaatacties mailen. Ik kan dit altijd stoppen met de afmeldlink onderaan elke nieuwsbrief of bij mijn meldingen.'
		}
	},
	verify: {
		title: 'E-mailadres bevestigen',
		intro: 'Klik op de knop om {email} te bevestigen als je e-mailadres op Meedoen.',
		button: 'Bevestig mijn e-mailadres',
		doneTitle: 'Je e-mailadres is bevestigd',
		done: 'Bedankt! {email} is nu je bevestigde e-mailadres op Meedoen.',
		loginFirst:
			'Meld je eerst aan met het account waarvoor je dit e-mailadres opgaf. Daarna kom je hier terug om het te bevestigen.',
		failedTitle: 'Bevestigen is niet gelukt',
		invalid: 'Deze bevestigingslink is ongeldig of verlopen. Vraag een nieuwe aan op je profielpagina.',
		used: 'Deze bevestigingslink is al gebruikt. Op je profielpagina zie je of je adres bevestigd is.',
		otherAccount:
			'Deze bevestigingslink hoort bij een ander account dan het account waarmee je nu bent aangemeld. Meld je af en meld je aan met het juiste account.',
		outdated:
			'Deze bevestigingslink hoort bij een e-mailadres dat je intussen hebt gewijzigd. Gebruik de link in de laatste mail die we je stuurden.',
		taken:
			'Dit e-mailadres hoort al bij een ander account op Meedoen. Kies in je profiel een ander adres, of meld je aan met dat andere account.',
		toProfile: 'Naar mijn profiel'
	},
	verifyMail: {
		subject: 'Bevestig je e-mailadres voor Meedoen',
		body: 'Dag,\n\nJe gaf dit e-mailadres op in je profiel op Meedoen. Klik op deze link om het te bevestigen:\n\n{link}\n\nDe link is {hours} uur geldig en werkt één keer. Heb je dit niet zelf gevraagd? Dan mag je deze mail negeren: we sturen geen andere mails naar dit adres.\n\nTot op Meedoen!'
	},
	notifications: {
		heading: 'Meldingen en mails',
		intro:
			'Kies per soort of en hoe vaak we je mailen: meteen, in een dagelijkse of wekelijkse samenvatting, of nooit.',
		link: 'Kies hoe vaak je mails krijgt'
	},
	calendar: {
		heading: 'Je activiteiten in je agenda',
		intro:
			'Abonneer je agenda-app (Google Agenda, Outlook, Apple Agenda) op deze link: de activiteiten waarvoor je bent aangemeld of op de wachtlijst staat, verschijnen er vanzelf en blijven bijgewerkt.',
		link: 'Toon mijn agendalink',
		back: 'Terug naar mijn profiel',
		label: 'Je geheime agendalink',
		subscribe: 'Abonneren in je agenda-app',
		secret:
			'Wie deze link heeft, ziet voor welke activiteiten je bent aangemeld. Deel hem niet. Heb je hem toch gedeeld, maak dan een nieuwe: de oude werkt dan niet meer.',
		renew: 'Maak een nieuwe link',
		renewed:
			'Je hebt een nieuwe agendalink. De oude werkt niet meer: abonneer je agenda-app opnieuw met de nieuwe.'
	},
	data: {
		heading: 'Je gegevens downloaden',
		intro:
			'Alles wat Meedoen over jou bewaart: je profiel, je toestemmingen, je voorkeuren, je rollen, je aanmeldingen, je suggesties, steun, reacties, meldingen en wat je volgt. Bekijk het op een leesbare pagina of download het als JSON-bestand dat je met elk programma kan openen.',
		download: 'Download mijn gegevens (JSON)',
		view: 'Bekijk mijn gegevens'
	},
	export: {
		title: 'Mijn gegevens',
		intro:
			'Dit is alles wat Meedoen over jou bewaart, op {date}. Hetzelfde staat in het JSON-bestand dat je kan downloaden.',
		download: 'Download als JSON-bestand',
		back: 'Terug naar mijn profiel',
		empty: 'Niets',
		yes: 'ja',
		no: 'nee',
		none: '—',
		sections: {
			person: 'Jij',
			consents: 'Toestemmingen',
			themePreferences: 'Thema’s die je koos',
			identities: 'Manieren om aan te melden',
			sessions: 'Aanmeldingen (sessies)',
			suggestions: 'Je suggesties',
			suggestionVotes: 'Suggesties die je steunt',
			suggestionComments: 'Je reacties',
			suggestionReports: 'Je meldingen',
			suggestionFollows: 'Suggesties die je volgt',
			contributionBlocks: 'Blokkeringen',
			actionFollows: 'Acties die je volgt',
			memberships: 'Je rollen bij gemeenten',
			regionRoles: 'Je rollen in de regio',
			coachedMunicipalities: 'Gemeenten die je begeleidt als participatie-expert',
			auditLog: 'Het logboek over jou',
			eventInvitations: 'Uitnodigingen voor activiteiten',
			stories: 'Je verhalen uit de buurt',
			groups: 'Burgergroepen waarvoor je je aanmeldde',
			groupContributions: 'Wat je schreef in burgergroepen (aantallen)',
			mailedLinks: 'Links die we je mailden (aanmelden, e-mailadres bevestigen)',
			savedDrafts: 'Wat je invulde vóór je je aanmeldde (bewaard tot na het aanmelden)',
			offlineInterests: 'Je interesse buiten Meedoen, genoteerd door een gemeente',
			eventRegistrations: 'Je inschrijvingen voor activiteiten',
			mailPreferences: 'Hoe vaak je mails wil krijgen, per soort',
			notifications: 'Meldingen die je kreeg',
			colleagueFollows: 'Acties en thema’s die je volgt als collega',
			newslettersReceived: 'Nieuwsbrieven die je kreeg',
			climatePlanDepartments: 'Je dienst in het klimaatplan',
			climatePlanTeams: 'Je teams in het klimaatplan',
			climatePlanMeetings: 'Je vergaderingen over het klimaatplan',
			climatePlanTasks: 'Je taken in het klimaatplan',
			climatePlanResponsibleFor: 'Acties van het klimaatplan waarvoor je verantwoordelijk bent',
			climatePlanReportsIssued: 'Rapporten over het klimaatplan die je opmaakte',
			climatePlanUpdates: 'Je stand van zaken bij acties van het klimaatplan',
			climatePactReports: 'Wat je doorgaf voor het Klimaatpact',
			funderReviewerOf: 'Programma’s van financiers waarvan je de rapporten beoordeelt',
			funderReviewerInvitations: 'Uitnodigingen om rapporten aan een financier te beoordelen',
			funderReports: 'Rapporten aan financiers die je opende, indiende of beoordeelde'
		},
		/**
		 * The Dutch name of each field of the export's records, one per field name wherever its meaning is the
		 * same (components/profile/export-fields.ts). A field without one fails personal-data.test.ts.
		 */
		fields: {
			action: 'Actie',
			actionId: 'Nummer van de actie',
			adjustment: 'Bijsturing',
			adjustmentReason: 'Waarom bijgestuurd',
			agreedHow: 'Hoe je akkoord gaf',
			agreedOn: 'Akkoord gegeven op',
			answers: 'Je antwoorden',
			blockers: 'Wat in de weg zat',
			body: 'Tekst',
			cancelledAt: 'Afgemeld op',
			checkedInAt: 'Aanwezig gemeld op',
			commentId: 'Nummer van de reactie',
			companions: 'Aantal mensen die met je meekomen',
			confirmedAt: 'Bevestigd op',
			createdAt: 'Aangemaakt op',
			date: 'Datum',
			department: 'Dienst',
			displayName: 'Naam op Meedoen',
			done: 'Wat er gedaan is',
			dueOn: 'Klaar tegen',
			email: 'E-mailadres',
			emailVerifiedAt: 'E-mailadres bevestigd op',
			event: 'Activiteit',
			expenses: 'Onkosten die je indiende',
			expiresAt: 'Verloopt op',
			familyName: 'Familienaam',
			firstChannel: 'Eerste kennismaking via',
			firstReferrer: 'Eerste bezoek kwam van',
			frequency: 'Hoe vaak',
			givenAt: 'Gegeven op',
			givenName: 'Voornaam',
			group: 'Burgergroep',
			groupId: 'Nummer van de burgergroep',
			heldOn: 'Gehouden op',
			homeMunicipality: 'Je gemeente',
			id: 'Nummer',
			initiative: 'Initiatief',
			interested: 'Interesse',
			invitedAt: 'Uitgenodigd op',
			issuedAt: 'Opgemaakt op',
			issuer: 'Aanmeldingsdienst',
			judged: 'Door jou beoordeeld',
			kind: 'Soort',
			lastLoginAt: 'Laatst aangemeld op',
			lastSeenAt: 'Laatst gebruikt op',
			lat: 'Breedtegraad',
			lessons: 'Lessen die je noteerde',
			link: 'Link',
			lng: 'Lengtegraad',
			lockedAt: 'Account geblokkeerd op',
			mailFrequency: 'Hoe vaak je mails krijgt',
			moderation: 'Nalezing',
			motivation: 'Je motivatie',
			municipality: 'Gemeente',
			name: 'Naam',
			newsletterId: 'Nummer van de nieuwsbrief',
			note: 'Notitie',
			notes: 'Notities die je schreef',
			opened: 'Door jou geopend',
			opportunityId: 'Nummer van de kans',
			parentId: 'Antwoord op reactie nummer',
			period: 'Periode',
			photoDescription: 'Beschrijving van de foto',
			placeName: 'Plaats',
			placement: 'Plaats op de website',
			planActionId: 'Nummer van de actie in het klimaatplan',
			poolAnsweredAt: 'Vraag over meehelpen beantwoord op',
			posts: 'Berichten die je schreef',
			programme: 'Programma',
			publishedAt: 'Gepubliceerd op',
			publishWithName: 'Publiceren met je naam',
			purpose: 'Waarvoor',
			quantity: 'Hoeveelheid',
			readAt: 'Gelezen op',
			reason: 'Reden',
			recordedAt: 'Genoteerd op',
			refuseReason: 'Waarom niet aanvaard',
			region: 'Regio',
			registeredAt: 'Ingeschreven op',
			rejectReason: 'Waarom niet gepubliceerd',
			reportId: 'Nummer van het rapport',
			resolvedAt: 'Afgehandeld op',
			returnTo: 'Pagina waar je verder ging',
			reviewedAt: 'Beoordeeld op',
			role: 'Rol',
			sentAt: 'Verstuurd op',
			sessionNotes: 'Notities bij bijeenkomsten die je schreef',
			signedUpAt: 'Aangemeld op',
			slug: 'Korte naam in het webadres',
			startsAt: 'Begint op',
			status: 'Status',
			storyId: 'Nummer van het verhaal',
			subject: 'Onderwerp',
			submitted: 'Door jou ingediend',
			submittedAt: 'Ingediend op',
			suggestion: 'Suggestie',
			suggestionId: 'Nummer van de suggestie',
			text: 'Tekst',
			theme: 'Thema',
			title: 'Titel',
			updatedAt: 'Laatst gewijzigd op',
			usedAt: 'Gebruikt op',
			userAgent: 'Browser en toestel',
			values: 'Wat je invulde',
			version: 'Versie',
			wantsToHelp: 'Wil meehelpen als klimaatmaker',
			withdrawnAt: 'Ingetrokken op'
		},
		/** Where a field's shared name reads wrong in one section: the section's own name for it. */
		sectionFields: {
			person: {
				id: 'Je nummer bij Meedoen',
				createdAt: 'Account aangemaakt op'
			},
			consents: { kind: 'Waarvoor' },
			identities: {
				subject: 'Je kenmerk bij die dienst',
				createdAt: 'Gekoppeld op'
			},
			sessions: { createdAt: 'Aangemeld op' },
			mailedLinks: { createdAt: 'Gemaild op' },
			suggestionVotes: { createdAt: 'Gesteund op' },
			suggestionComments: { createdAt: 'Geschreven op' },
			suggestionReports: { createdAt: 'Gemeld op' },
			suggestionFollows: { createdAt: 'Gevolgd sinds' },
			actionFollows: { createdAt: 'Gevolgd sinds' },
			colleagueFollows: { createdAt: 'Gevolgd sinds' },
			contributionBlocks: { createdAt: 'Geblokkeerd op' },
			memberships: { createdAt: 'Rol sinds' },
			regionRoles: { createdAt: 'Rol sinds' },
			coachedMunicipalities: { createdAt: 'Begeleid sinds' },
			auditLog: {
				action: 'Wat er gebeurde',
				role: 'Jouw rol hierin',
				createdAt: 'Op'
			},
			savedDrafts: { createdAt: 'Bewaard op' },
			eventInvitations: { event: 'Nummer van de activiteit' },
			eventRegistrations: { createdAt: 'Ingeschreven op' },
			notifications: { createdAt: 'Gekregen op' },
			climatePactReports: { reportId: 'Nummer', createdAt: 'Doorgegeven op' },
			climatePlanUpdates: { createdAt: 'Geschreven op' },
			climatePlanMeetings: { kind: 'Soort vergadering' },
			mailPreferences: { kind: 'Soort mail' },
			stories: { createdAt: 'Ingestuurd op' }
		},
		/**
		 * The Dutch name of each code in the export's records (a status, a role, a kind), per list; the page
		 * shows it instead of the code (components/profile/export-fields.ts says which field reads which list).
		 * The wording follows the rest of the app's; a code without a name fails personal-data.test.ts.
		 */
		values: {
			firstChannel: {
				offline: 'Een gemeente noteerde je interesse buiten Meedoen',
				referrer: 'Een link op een andere website'
			},
			issuer: { mail: 'Aanmeldlink per e-mail' },
			mailPurpose: { login: 'Aanmelden', verify: 'E-mailadres bevestigen' },
			staffRole: {
				admin: 'Beheerder',
				moderator: 'Moderator',
				communication: 'Communicatie',
				alderman: 'Schepen',
				colleague: 'Collega (andere dienst)',
				regional_admin: 'Regionaal beheerder',
				participation_expert: 'Participatie-expert'
			},
			auditAction: auditActions,
			auditRole: { actor: 'Jij deed het', subject: 'Het ging over jou' },
			suggestionStatus: {
				submitted: 'Ingediend',
				published: 'Gepubliceerd',
				underReview: 'In behandeling',
				chosen: 'Gekozen',
				notChosen: 'Niet gekozen',
				inExecution: 'In uitvoering',
				done: 'Uitgevoerd'
			},
			moderation: {
				pending: 'Wacht op goedkeuring',
				approved: 'Goedgekeurd',
				rejected: 'Afgewezen'
			},
			reportReason: {
				spam: 'Reclame of spam',
				offensive: 'Beledigend of kwetsend',
				personalData: 'Bevat persoonsgegevens',
				offTopic: 'Hoort niet bij deze vraag',
				duplicate: 'Dubbel: bestaat al',
				other: 'Andere reden'
			},
			notificationKind: {
				own: 'Mijn eigen bijdragen',
				following: 'Wat ik volg of steun',
				themes: 'Nieuws over mijn thema’s',
				invitations: 'Uitnodigingen',
				newsletters: 'Nieuwsbrieven van de gemeente',
				colleague: 'Wat ik als collega volg'
			},
			followKind: {
				action: 'Actie',
				suggestion: 'Suggestie',
				event: 'Activiteit',
				group: 'Burgergroep',
				theme: 'Thema'
			},
			storyStatus: {
				submitted: 'Wacht op nalezing door de gemeente',
				published: 'Gepubliceerd',
				rejected: 'Niet gepubliceerd'
			},
			storyPlacement: { home: 'Op de startpagina', action: 'Als nieuws bij een actie' },
			groupRole: { member: 'Lid', coordinator: 'Coördinator' },
			meetingKind: {
				relaunch_day: 'Doorstartdag',
				lunch_talk: 'Lunchgesprek',
				team_meeting: 'Overleg van een klimaatteam'
			},
			planTaskStatus: { open: 'Nog te doen', done: 'Gedaan' },
			pactKind: {
				trees: 'Extra bomen',
				hedges: 'Haag of geveltuin',
				unpaving: 'Ontharding',
				rainwater: 'Opvang van regenwater',
				cyclePaths: 'Nieuw of beter fietspad',
				chargingPoints: 'Laadpunten',
				energyProjects: 'Participatieve projecten hernieuwbare energie',
				renovations: 'Collectieve energierenovaties'
			},
			pactStatus: {
				submitted: 'Wacht op nazicht door de gemeente',
				verified: 'Goedgekeurd: telt mee',
				refused: 'Niet goedgekeurd'
			}
		}
	},
	activity: {
		title: 'Mijn activiteit',
		link: 'Mijn activiteit: je suggesties, steun, reacties en wat je volgt',
		intro: 'Wat je op Meedoen deed, waarvoor je je inschreef en wat je volgt, het nieuwste eerst.',
		back: 'Terug naar mijn profiel',
		suggestions: 'Mijn suggesties',
		noSuggestions: 'Je deed nog geen suggestie.',
		votes: 'Wat ik steun',
		noVotes: 'Je steunt nog geen suggestie.',
		comments: 'Mijn reacties',
		noComments: 'Je reageerde nog niet.',
		followedSuggestions: 'Suggesties die ik volg',
		noFollowedSuggestions: 'Je volgt geen suggesties.',
		followedActions: 'Acties die ik volg',
		noFollowedActions: 'Je volgt geen acties.',
		registrations: 'Mijn inschrijvingen',
		noRegistrations: 'Je schreef je nog niet in voor een activiteit.',
		registration: {
			pending: 'Nog te bevestigen via de mail',
			confirmed: 'Ingeschreven',
			waitlisted: 'Op de wachtlijst',
			cancelled: 'Afgemeld'
		},
		stories: 'Mijn verhalen',
		noStories: 'Je deelde nog geen verhaal uit de buurt.',
		story: {
			submitted: 'Wacht op nalezing door de gemeente',
			published: 'Gepubliceerd op de startpagina',
			publishedAsUpdate: 'Gepubliceerd als nieuws bij een actie',
			rejected: 'Niet gepubliceerd'
		},
		storyReason: 'Waarom niet: {reason}',
		groups: 'Mijn burgergroepen',
		noGroups: 'Je meldde je nog niet aan voor een burgergroep.',
		group: {
			pending: 'Aanmelding wacht op de gemeente',
			accepted: 'Lid',
			declined: 'Aanmelding niet aanvaard',
			coordinator: 'Coördinator'
		},
		eventOn: 'activiteit op {date}',
		eventCancelled: 'Gaat niet door',
		merged: 'Samengevoegd',
		at: 'op {date}',
		unfollow: 'Niet meer volgen',
		unfollowLabel: 'Niet meer volgen: {title}',
		unfollowed: 'Je volgt "{title}" niet meer.',
		followAgain: 'Toch weer volgen? Dat kan op de pagina van "{title}".',
		notPublic: 'niet openbaar'
	},
	sessions: {
		heading: 'Afmelden op alle toestellen',
		intro:
			'Ben je ergens aangemeld gebleven, bijvoorbeeld op een computer in de bibliotheek? Meld je dan overal tegelijk af.',
		button: 'Afmelden op alle toestellen'
	},
	delete: {
		heading: 'Account verwijderen',
		intro: 'Wil je niet meer meedoen? Dan kan je je account en je persoonlijke gegevens verwijderen.',
		link: 'Mijn account verwijderen',
		title: 'Je account verwijderen',
		whatGoesHeading: 'Wat we meteen verwijderen',
		whatGoes:
			'Je naam, je officiële naam, je e-mailadres, je gemeente, je voorkeuren, je toestemmingen, je rollen en al je aanmeldingen.',
		whatStaysHeading: 'Wat blijft',
		whatStays:
			'Wat je publiek schreef en je stemmen blijven staan, zodat tellingen en gesprekken kloppen. Er staat dan "Voormalige deelnemer" bij in plaats van je naam.',
		downloadFirst: 'Wil je eerst een kopie van je gegevens? Download ze dan vóór je je account verwijdert.',
		legend: 'Bevestig dat je je account wil verwijderen',
		confirm: 'Ja, verwijder mijn account definitief',
		confirmHint: 'Dit kan je niet ongedaan maken.',
		confirmRequired: 'Vink aan dat je je account definitief wil verwijderen. Er is nog niets verwijderd.',
		button: 'Verwijder mijn account',
		cancel: 'Nee, terug naar mijn profiel',
		goodbyeTitle: 'Je account is verwijderd',
		goodbye:
			'We hebben je account en je persoonlijke gegevens verwijderd, en je bent op alle toestellen afgemeld. Bedankt om mee te doen!',
		backHome: 'Naar de startpagina'
	},
	formerParticipant: 'Voormalige deelnemer'
};
