// Dutch (nl-BE) texts of the back office, the settings and the public privacy and accessibility statements.
import { auditActions } from './shared/auditActions';
export const backoffice = {
	errorTitle: 'Dat lukte niet',
	applyFilters: 'Toon',
	clearFilters: 'Alle filters wissen',
	sortBy: 'Sorteer op',
	direction: 'Volgorde',
	ascending: 'Oplopend (A–Z, oud–nieuw)',
	descending: 'Aflopend (Z–A, nieuw–oud)',
	sortHint: 'klik om hierop te sorteren',
	kit: {
		selectAll: 'Alles selecteren',
		selectNone: 'Niets selecteren',
		selected: '{count} geselecteerd'
	},
	errors: {
		invalid: 'Deze waarde klopt niet.',
		email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.be.',
		role: 'Kies een van de rollen uit de lijst.',
		tooMany: 'Je hebt te veel tegelijk geselecteerd. Kies er hoogstens 200.',
		confirmRequired: 'Vink aan dat je het zeker weet.'
	},
	forbidden: {
		title: 'Geen toegang',
		body: 'Je hebt geen toegang tot dit deel van het beheer.',
		askAdmin:
			'Denk je dat je hier wel moet kunnen? Vraag een beheerder van de gemeente om je de juiste rol te geven.',
		backTo: 'Terug naar Meedoen {name}',
		otherAccount: 'Aanmelden met een ander account'
	},
	nav: {
		label: 'Beheer',
		home: 'Overzicht',
		actions: 'Klimaatacties',
		events: 'Activiteiten',
		newsletters: 'Nieuwsbrieven',
		communication: 'Communicatie',
		widgets: 'Widgets',
		suggestions: 'Suggesties',
		stories: 'Verhalen',
		playbook: 'Draaiboek',
		groups: 'Burgergroepen',
		climatePlan: 'Klimaatplan',
		impact: 'Impact',
		funderReports: 'Rapportering',
		staff: 'Medewerkers',
		audit: 'Logboek',
		settings: 'Instellingen',
		weekly: 'Weekoverzicht',
		colleague: 'Volg als collega',
		waiting: { one: '{count} wacht', other: '{count} wachten' }
	},
	roles: {
		admin: 'Beheerder',
		moderator: 'Moderator',
		communication: 'Communicatie',
		alderman: 'Schepen',
		colleague: 'Collega (andere dienst)',
		regional_admin: 'Regionaal beheerder',
		participation_expert: 'Participatie-expert'
	},
	roleHints: {
		admin: 'alles, ook medewerkers en instellingen',
		moderator: 'inbreng opvolgen, modereren en werkgroepen voorbereiden',
		communication: 'berichten en communicatie verzorgen',
		alderman: 'alles lezen, niets wijzigen',
		colleague:
			'een ambtenaar van een andere dienst (groendienst, mobiliteit …): volgt acties en thema’s en krijgt hun updates, beslissingen, verslagen en logistiek, wijzigt niets',
		regional_admin: 'beheert alle gemeenten van de regio',
		participation_expert: 'begeleidt gemeenten en bereidt werkgroepen voor'
	},
	abilities: {
		backofficeView: 'het beheer van de gemeente openen',
		dashboardView: 'het weekoverzicht van de gemeente bekijken',
		contentModerate: 'inbreng van inwoners opvolgen en modereren',
		contentCommunicate: 'berichten en communicatie verzorgen',
		workingGroupsPrepare: 'werkgroepen voorbereiden',
		staffManage: 'medewerkers uitnodigen en hun rollen beheren',
		settingsManage: 'huisstijl, thema’s en verklaringen van de gemeente aanpassen',
		auditView: 'het logboek van alle wijzigingen bekijken',
		climatePlanView: 'het klimaatplan van de gemeente lezen en updates posten bij je eigen acties',
		climatePlanManage: 'het klimaatplan sturen: acties toevoegen, wijzigen en importeren'
	},
	home: {
		title: 'Beheer van {name}',
		yourRoles: 'Je rol hier: {roles}.',
		sectionsHeading: 'Waar wil je naartoe?',
		staffTitle: 'Medewerkers',
		staffBody: 'Nodig collega’s uit, wijzig hun rollen of trek een rol in.',
		auditTitle: 'Logboek',
		auditBody: 'Wie wijzigde wat en wanneer, van nieuw naar oud.',
		settingsTitle: 'Instellingen',
		settingsBody: 'Huisstijl en logo, thema’s, privacy- en toegankelijkheidsverklaring.',
		noSections: 'Met jouw rol zijn er hier nog geen onderdelen om te beheren.',
		abilitiesHeading: 'Wat je hier mag',
		suggestionsTitle: 'Suggesties',
		suggestionsBody:
			'Keur suggesties en reacties goed of af, bekijk meldingen, antwoord en voeg dubbels samen.',
		weeklyTitle: 'Weekoverzicht',
		weeklyBody:
			'Wat er vorige week gebeurde naast de week ervoor, zoals de schepenen het elke maandag krijgen.',
		colleagueTitle: 'Volg als collega',
		colleagueBody:
			'Kies de acties en thema’s die jouw dienst aanbelangen: je krijgt hun updates, beslissingen, verslagen en de logistiek van hun activiteiten per mail.'
	},
	attention: {
		heading: 'Wat vraagt je aandacht?',
		none: 'Er wacht nu niets op je. Goed bezig!',
		suggestionsWaiting: {
			one: '{count} suggestie wacht op goedkeuring',
			other: '{count} suggesties wachten op goedkeuring'
		},
		commentsWaiting: {
			one: '{count} reactie wacht op goedkeuring',
			other: '{count} reacties wachten op goedkeuring'
		},
		reports: { one: '{count} melding om te bekijken', other: '{count} meldingen om te bekijken' },
		commentsToAnswer: {
			one: '{count} nieuwe reactie zonder antwoord van de gemeente',
			other: '{count} nieuwe reacties zonder antwoord van de gemeente'
		},
		since: 'de oudste sinds {date}',
		open: 'Bekijk',
		openLabel: 'Bekijk: {label}',
		answerList: 'Suggesties met nieuwe reacties'
	},
	staff: {
		title: 'Medewerkers',
		inviteHeading: 'Iemand uitnodigen',
		inviteIntro:
			'Heeft deze persoon al een account met dit e-mailadres, dan krijgt die de rol meteen. Anders sturen we een uitnodiging: de rol wordt toegekend zodra die persoon zich met dit adres aanmeldt.',
		emailLabel: 'E-mailadres',
		emailHint: 'Het adres waarmee de persoon zich aanmeldt, bijvoorbeeld voornaam.naam@gemeente.be.',
		roleLabel: 'Rol',
		departmentLabel: 'Dienst',
		departmentHint:
			'Alleen voor een collega van een andere dienst, bijvoorbeeld Groendienst of Mobiliteit. Zo weten anderen wie meeleest.',
		departmentRequired: 'Vul in bij welke dienst deze collega werkt.',
		departmentTooLong: 'De naam van de dienst mag hoogstens 80 tekens lang zijn.',
		departmentOf: '{role}: {department}',
		inviteButton: 'Uitnodigen',
		listHeading: 'Wie heeft een rol?',
		searchLabel: 'Medewerkers zoeken',
		searchField: 'Zoek op naam of e-mailadres',
		roleFilter: 'Rol',
		allRoles: 'Alle rollen',
		caption: { one: '{count} medewerker', other: '{count} medewerkers' },
		columns: {
			name: 'Naam',
			email: 'E-mailadres',
			since: 'Sinds',
			roles: 'Rollen',
			role: 'Rol',
			actions: 'Acties',
			invitedBy: 'Uitgenodigd door',
			invitedOn: 'Uitgenodigd op'
		},
		you: 'jij',
		selectRoleOf: 'selecteer deze rol van {name}',
		selectInvitation: 'selecteer deze uitnodiging',
		changeRoles: 'Rollen wijzigen',
		empty: 'Niemand gevonden. Pas de zoekopdracht of de filter aan.',
		truncated: 'Niet iedereen staat in de lijst. Zoek op naam of e-mailadres om verder te verfijnen.',
		invitationsHeading: 'Openstaande uitnodigingen',
		invitationsCaption: {
			one: '{count} openstaande uitnodiging',
			other: '{count} openstaande uitnodigingen'
		},
		noInvitations: 'Er staan geen uitnodigingen open.',
		bulkHint:
			'Vink rollen of uitnodigingen aan en kies hieronder om ze te verwijderen. Je krijgt eerst een overzicht om te bevestigen.',
		bulkRemove: 'Geselecteerde rollen en uitnodigingen verwijderen…',
		backToList: 'Terug naar de medewerkers',
		rolesLegend: 'Rollen van {name}',
		rolesHint: 'Kies minstens één rol. Iemand helemaal verwijderen doe je hieronder.',
		rolesRequired: 'Kies minstens één rol.',
		saveRoles: 'Rollen bewaren',
		removeHeading: 'Een rol verwijderen',
		removeIntro: 'Je krijgt eerst een overzicht om te bevestigen.',
		removeRole: 'De rol {role} verwijderen…',
		removeAll: 'Alle rollen verwijderen…',
		nothingSelected: 'Je hebt niets geselecteerd om te verwijderen.',
		confirmIntro: {
			one: 'Dit wordt verwijderd:',
			other: 'Deze {count} rollen en uitnodigingen worden verwijderd:'
		},
		confirmRole: 'de rol {role} van {name}',
		confirmInvitation: 'de uitnodiging als {role} voor {email}',
		confirmSelfAdmin:
			'Je verwijdert je eigen rol als beheerder. Daarna kan je medewerkers en instellingen niet meer beheren.',
		alreadyHasRole: 'Deze persoon heeft deze rol al.',
		alreadyInvited: 'Er staat al een uitnodiging voor deze rol open voor dit e-mailadres.',
		accountLocked: 'Het account met dit e-mailadres is geblokkeerd.',
		lastAdmin:
			'Dit kan niet: de gemeente moet altijd minstens één beheerder hebben. Geef eerst iemand anders de rol beheerder.',
		lastAdminSelf:
			'Je kan je eigen rol als beheerder niet verwijderen: je bent de laatste beheerder van de gemeente. Geef eerst iemand anders de rol beheerder.',
		done: {
			granted: 'De rol is meteen toegekend: deze persoon had al een account. We hebben een mail gestuurd.',
			invited: 'De uitnodiging is verstuurd. De rol wordt toegekend zodra de persoon zich aanmeldt.',
			removed: 'De geselecteerde rollen en uitnodigingen zijn verwijderd.',
			changed: 'De rollen zijn bewaard.'
		},
		mail: {
			invited: {
				subject: 'Uitnodiging: meewerken aan Meedoen {municipality}',
				body: 'Dag,\n\n{inviter} nodigt je uit om als {role} mee te werken aan Meedoen {municipality}.\n\nMeld je aan op {loginUrl} met dit e-mailadres ({email}). Zodra je aangemeld bent, heb je de rol en vind je het beheer op {backofficeUrl}.\n\nVerwachtte je deze uitnodiging niet? Dan mag je deze mail negeren.\n\nTot op Meedoen!'
			},
			granted: {
				subject: 'Je bent nu {role} bij Meedoen {municipality}',
				body: 'Dag,\n\n{inviter} heeft je de rol {role} gegeven bij Meedoen {municipality}.\n\nJe vindt het beheer op {backofficeUrl}. Ben je nog niet aangemeld, meld je dan aan op {loginUrl} met dit e-mailadres ({email}).\n\nTot op Meedoen!'
			}
		}
	},
	confirm: {
		title: 'Weet je het zeker?',
		yesRemove: 'Ja, verwijderen',
		no: 'Nee, terug'
	},
	audit: {
		title: 'Logboek',
		intro: 'Alle wijzigingen in het beheer van {name}: wie deed wat en wanneer, de nieuwste eerst.',
		filterLabel: 'Logboek filteren',
		actionFilter: 'Wat',
		allActions: 'Alle wijzigingen',
		actorFilter: 'Wie',
		allActors: 'Iedereen',
		from: 'Van (datum)',
		to: 'Tot en met (datum)',
		caption: { one: '{count} wijziging', other: '{count} wijzigingen' },
		columns: {
			when: 'Wanneer',
			who: 'Wie',
			what: 'Wat',
			subject: 'Over',
			details: 'Details'
		},
		empty: 'Geen wijzigingen gevonden.',
		action: auditActions,
		detail: {
			role: 'rol: {role}',
			department: 'dienst: {department}',
			email: 'e-mailadres: {email}',
			added: 'erbij: {roles}',
			removed: 'eraf: {roles}',
			changed: 'gewijzigd: {fields}',
			name: 'naam: {name}',
			previousName: 'vroegere naam: {name}',
			participatingOn: 'doet nu mee',
			participatingOff: 'doet niet meer mee',
			municipality: 'gemeente: {name}'
		},
		field: {
			primaryColor: 'hoofdkleur',
			accentColor: 'accentkleur',
			websiteUrl: 'website',
			intro: 'introtekst',
			name: 'naam',
			description: 'beschrijving',
			climate: 'klimaatthema',
			lekpWerf: 'werf van het Klimaatpact',
			answer: 'antwoord',
			moderation: 'moderatie',
			submissionsOpen: 'indienen',
			votingOpen: 'steunen',
			voteLimit: 'maximum aantal steunen',
			title: 'titel',
			kind: 'soort',
			rung: 'trede',
			startsAt: 'begin',
			endsAt: 'einde',
			venueName: 'locatie',
			address: 'adres',
			accessibility: 'toegankelijkheid',
			whatToBring: 'wat meebrengen',
			onlineUrl: 'online link',
			organiser: 'organisator',
			capacity: 'aantal plaatsen',
			registrationDeadline: 'einde van de inschrijvingen',
			maxCompanions: 'meegebrachte personen',
			questions: 'vragen',
			status: 'publicatie',
			actionId: 'klimaatactie',
			opportunityId: 'kans'
		},
		statement: {
			privacy: 'privacyverklaring',
			accessibility: 'toegankelijkheidsverklaring'
		}
	},
	settings: {
		title: 'Instellingen',
		nav: {
			label: 'Instellingen',
			branding: 'Huisstijl en logo',
			themes: 'Thema’s',
			statements: 'Verklaringen',
			openData: 'Open data'
		},
		brandingHeading: 'Huisstijl',
		brandingIntro:
			'Elke pagina van de gemeente draagt deze kleuren. Tekst op de kleuren moet goed leesbaar blijven (contrast van minstens 4,5 op 1 met zwarte of witte tekst).',
		sample: 'Voorbeeldtekst',
		primaryColor: 'Hoofdkleur',
		accentColor: 'Accentkleur',
		colorHint: 'Een kleurcode met # en zes tekens, bijvoorbeeld #1f5f3f, of kies met de kleurkiezer.',
		colorPicker: '{label}: kleurkiezer',
		contrast: 'Contrast met witte tekst {white} op 1, met zwarte tekst {black} op 1.',
		contrastWhite: 'Tekst op deze kleur wordt wit: goed leesbaar (minstens 4,5 op 1).',
		contrastBlack: 'Tekst op deze kleur wordt zwart: goed leesbaar (minstens 4,5 op 1).',
		contrastFails: 'Niet goed leesbaar: kies een donkerdere of lichtere kleur (minstens 4,5 op 1).',
		contrastUnknown: 'Het contrast verschijnt zodra de kleurcode volledig is.',
		colorFormat: 'Vul een kleurcode in met # en zes tekens (0–9, a–f), bijvoorbeeld #1f5f3f.',
		colorContrast:
			'Op deze kleur is zwarte noch witte tekst goed leesbaar (contrast lager dan 4,5 op 1). Kies een donkerdere of lichtere kleur.',
		website: 'Website van de gemeente',
		websiteHint: 'Een volledig adres dat begint met https://, bijvoorbeeld https://www.geel.be.',
		websiteHttps: 'Vul een volledig webadres in dat begint met https://.',
		websiteTooLong: 'Dit webadres is te lang (hoogstens 500 tekens).',
		intro: 'Introtekst op de startpagina',
		introHint: 'Hoogstens 1.000 tekens. Laat leeg om de standaardtekst te tonen.',
		introTooLong: 'Deze tekst is te lang: gebruik hoogstens 1.000 tekens.',
		saveBranding: 'Huisstijl bewaren',
		logoHeading: 'Logo',
		logoOwn: 'Dit is het logo dat je opgeladen hebt.',
		logoEmblem: 'Er is nog geen logo opgeladen: we tonen een embleem met de beginletters in jullie kleuren.',
		logoLabel: 'Nieuw logo',
		logoHint:
			'PNG, JPEG, WebP of SVG, hoogstens 1 MB en 4096 pixels breed of hoog. Een vierkant logo werkt het best.',
		uploadLogo: 'Logo opladen',
		logoMissing: 'Kies een bestand om op te laden.',
		logoTooBig: 'Dit bestand is groter dan 1 MB. Maak het kleiner en probeer opnieuw.',
		logoTooLarge: 'Dit beeld is groter dan 4096 pixels breed of hoog. Verklein het en probeer opnieuw.',
		logoType: 'Dit is geen PNG-, JPEG-, WebP- of SVG-bestand.',
		logoUnreadable: 'Dit beeld kunnen we niet lezen. Bewaar het opnieuw als PNG en probeer opnieuw.',
		logoSvgUnsafe:
			'Dit SVG-bestand bevat scripts, ingebedde inhoud of verwijzingen naar andere bestanden. Bewaar het als eenvoudig SVG-bestand of als PNG.',
		removeLogoConfirm: 'Ja, verwijder het logo en toon weer het embleem',
		removeLogo: 'Logo verwijderen',
		statementTooLong: 'Deze tekst is te lang: gebruik hoogstens 50.000 tekens.',
		themeNameRequired: 'Geef het thema een naam.',
		themeNameTooLong: 'Deze naam is te lang: gebruik hoogstens 80 tekens.',
		themeDescriptionTooLong: 'Deze beschrijving is te lang: gebruik hoogstens 500 tekens.',
		werfInvalid: 'Kies een werf uit de lijst.',
		werfNeedsClimate: 'Een werf van het Klimaatpact kan alleen bij een klimaatthema.',
		defaultThemeNotDeletable: 'Een standaardthema kan je niet verwijderen, wel uitzetten.',
		boundary: {
			heading: 'Grens van de gemeente',
			intro:
				'Met de officiële grens kijkt het platform precies na of een plek die inwoners of medewerkers kiezen in de gemeente ligt.',
			own: 'De officiële grens is opgeladen. Plekken worden met deze grens nagekeken.',
			none: 'Er is nog geen grens opgeladen. Tot dan geldt een benadering: een plek hoort bij de gemeente waarvan het centrum het dichtstbij ligt, binnen 12 km.',
			label: 'GeoJSON-bestand met de grens',
			hint: 'Een GeoJSON-bestand in WGS84 (EPSG:4326) met een Polygon of MultiPolygon, los of in één Feature. Hoogstens 3 MB en 100.000 punten.',
			sourceHint:
				'De officiële gemeentegrenzen zijn open data: het Voorlopig Referentiebestand Gemeentegrenzen (VRBG) op',
			sourceLink: 'Download Vlaanderen',
			sourceAfter: '. Bewaar de grens van je gemeente als GeoJSON in WGS84, bijvoorbeeld met QGIS.',
			upload: 'Grens opladen',
			removeConfirm:
				'Ja, verwijder de grens: plekken worden weer nagekeken met de benadering rond het centrum',
			remove: 'Grens verwijderen',
			missing: 'Kies een GeoJSON-bestand met de grens van de gemeente.',
			tooBig:
				'Dit bestand is groter dan 3 MB. Vereenvoudig de grens (bijvoorbeeld met QGIS) en probeer opnieuw.',
			notJson: 'Dit is geen GeoJSON-bestand. Kies het bestand met de grens in GeoJSON.',
			shape:
				'In dit GeoJSON-bestand staat geen grens: verwacht wordt een Polygon of MultiPolygon, los of in één Feature.',
			oneFeature:
				'Dit bestand bevat meer dan één vlak (feature). Laad een bestand op met alleen de grens van je gemeente.',
			notWgs84:
				'De coördinaten staan niet in WGS84 (lengte- en breedtegraden, EPSG:4326), bijvoorbeeld in Lambert 72. Zet het bestand om en probeer opnieuw.',
			openRing:
				'Een rand van deze grens is niet gesloten: het eerste en het laatste punt moeten gelijk zijn.',
			tooManyPoints:
				'Deze grens heeft meer dan 100.000 punten. Vereenvoudig ze (bijvoorbeeld met QGIS) en probeer opnieuw.',
			outsideFlanders:
				'Deze grens ligt (deels) buiten Vlaanderen. Kijk na of het de grens van je gemeente is en of lengte- en breedtegraad niet verwisseld zijn.',
			centreOutside:
				'Het centrum van de gemeente ligt niet binnen deze grens. Is dit de grens van een andere gemeente?',
			neighbourInside:
				'Deze grens bevat ook het centrum van een andere gemeente. Laad alleen de grens van je eigen gemeente op.'
		},
		done: {
			branding: 'De huisstijl is bewaard.',
			logo: 'Het logo is opgeladen.',
			logoRemoved: 'Het logo is verwijderd.',
			boundary: 'De grens is opgeladen. Plekken worden voortaan met deze grens nagekeken.',
			boundaryRemoved: 'De grens is verwijderd. Plekken worden weer met de benadering nagekeken.'
		}
	},
	themes: {
		title: 'Thema’s',
		intro:
			'De zes klimaatthema’s krijgt elke gemeente mee; je kan ze een andere naam geven of uitzetten. Je kan ook eigen thema’s toevoegen, over klimaat of over iets anders.',
		caption: {
			one: '{count} thema, in de volgorde van de website',
			other: '{count} thema’s, in de volgorde van de website'
		},
		columns: {
			name: 'Naam',
			kind: 'Soort',
			status: 'Status',
			order: 'Volgorde',
			actions: 'Acties'
		},
		default: 'standaard',
		climate: 'Klimaat',
		other: 'Ander thema',
		active: 'Aan',
		inactive: 'Uit',
		moveUp: '{name} één plaats hoger zetten',
		moveDown: '{name} één plaats lager zetten',
		edit: 'Wijzigen',
		activate: 'Aanzetten',
		deactivate: 'Uitzetten',
		addHeading: 'Een eigen thema toevoegen',
		name: 'Naam',
		description: 'Beschrijving',
		descriptionHint: 'Eén of twee zinnen, hoogstens 500 tekens.',
		kindLegend: 'Soort thema',
		climateLabel: 'Dit is een klimaatthema',
		werf: 'Werf van het Lokaal Energie- en Klimaatpact',
		werfHint: 'Alleen voor klimaatthema’s; laat leeg als het thema niet bij een werf hoort.',
		noWerf: 'Geen werf',
		add: 'Thema toevoegen',
		backToList: 'Terug naar de thema’s',
		editTitle: 'Thema ‘{name}’ wijzigen',
		defaultKindFixed: 'Dit is een standaard klimaatthema: de soort en de werf liggen vast.',
		save: 'Thema bewaren',
		deleteHeading: 'Thema verwijderen',
		defaultNotDeletable:
			'Een standaardthema kan je niet verwijderen. Wil je het niet tonen, zet het dan uit.',
		deleteIntro:
			'Een verwijderd thema is definitief weg. Wil je het later misschien terug, zet het dan liever uit.',
		deleteConfirm: 'Ja, verwijder het thema ‘{name}’ definitief',
		delete: 'Thema verwijderen',
		done: {
			added: 'Het thema is toegevoegd.',
			moved: 'Het thema is verplaatst.',
			activated: 'Het thema staat weer aan.',
			deactivated: 'Het thema staat uit.',
			changed: 'Het thema is bewaard.',
			deleted: 'Het thema is verwijderd.'
		}
	},
	statementsAdmin: {
		title: 'Verklaringen',
		intro:
			'Schrijf de privacyverklaring en de toegankelijkheidsverklaring van de gemeente in Markdown. Zolang een veld leeg is, tonen we een standaardtekst die de gemeente als verantwoordelijke noemt.',
		privacyHeading: 'Privacyverklaring',
		privacyLabel: 'Tekst van de privacyverklaring (Markdown)',
		accessibilityHeading: 'Toegankelijkheidsverklaring',
		accessibilityLabel: 'Tekst van de toegankelijkheidsverklaring (Markdown)',
		hint: 'Markdown: ## voor een tussentitel, - voor een opsomming, [tekst](https://…) voor een link. Hoogstens 50.000 tekens. HTML en afbeeldingen worden niet getoond. Laat leeg voor de standaardtekst.',
		view: 'Bekijk de pagina',
		save: 'Verklaring bewaren',
		done: {
			privacy: 'De privacyverklaring is bewaard.',
			accessibility: 'De toegankelijkheidsverklaring is bewaard.'
		}
	},
	statements: {
		contactWebsite: 'de gemeente {name} (contactgegevens op [{url}]({url}))',
		contactTownHall: 'het gemeentehuis van {name}',
		privacyDefault:
			'## Wie is verantwoordelijk?\n\nDe gemeente {name} is verantwoordelijk voor de verwerking van je persoonsgegevens op Meedoen {name} (verwerkingsverantwoordelijke). Wie het platform technisch beheert, doet dat in opdracht van de gemeente en alleen volgens haar instructies (verwerker). Met vragen over je gegevens kan je terecht bij {contact} en bij de functionaris voor gegevensbescherming van de gemeente.\n\n## Welke gegevens bewaren we?\n\nWe vragen en bewaren niet meer dan nodig:\n\n- **Je account**: je naam of de naam die je zelf kiest, je e-mailadres, je gemeente en hoe vaak je mails wil krijgen. Meld je je aan met Mijn Burgerprofiel, dan krijgen we ook je voornaam en familienaam. Je rijksregisternummer bewaren we niet.\n- **Je toestemmingen**: waarvoor je toestemming gaf (bijvoorbeeld updates per mail, of opgeroepen worden als klimaatmaker), wanneer, en voor welke versie van de tekst. Je kan een toestemming altijd intrekken.\n- **Je bijdragen**: je suggesties, stemmen, reacties en inschrijvingen voor werkgroepen en actiedagen.\n\nBij je bijdragen staat alleen de naam die je zelf kiest. Je e-mailadres en je volledige naam zien alleen de medewerkers van de gemeente die ze nodig hebben.\n\n## Waarvoor gebruiken we ze?\n\nOm je te laten meedoen aan de participatie en de klimaatacties van de gemeente, om je op de hoogte te houden als je dat vraagt, en om te tonen wat er met de inbreng van inwoners gebeurt. De gemeente doet dat als taak van algemeen belang (artikel 6.1.e AVG) en, voor mails en de oproepen aan klimaatmakers, met je toestemming (artikel 6.1.a AVG). We verkopen geen gegevens en gebruiken ze niet voor reclame.\n\n## Hoe lang bewaren we ze?\n\nZolang je account bestaat. Verwijder je je account, dan worden je persoonsgegevens gewist.\n\n## Je rechten\n\nJe hebt recht op inzage, verbetering, wissing, beperking van de verwerking, overdraagbaarheid en bezwaar. In je profiel op Meedoen (menu ‘Mijn profiel’) kan je je gegevens downloaden en je account verwijderen. Voor al je andere vragen kan je terecht bij {contact}.\n\n## Een klacht?\n\nBen je niet tevreden over hoe we met je gegevens omgaan, dan kan je een klacht indienen bij de Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens: [www.vlaamsetoezichtcommissie.be](https://www.vlaamsetoezichtcommissie.be).',
		accessibilityDefault:
			'De gemeente {name} wil Meedoen {name} toegankelijk maken voor iedereen, overeenkomstig het decreet van 7 december 2018 betreffende de toegankelijkheid van websites en mobiele applicaties van overheidsinstanties.\n\nDeze toegankelijkheidsverklaring is van toepassing op Meedoen {name}.\n\n## Nalevingsstatus\n\nDit platform is **gedeeltelijk conform** met de Web Content Accessibility Guidelines (WCAG) 2.1 niveau AA en de Europese norm EN 301 549. Toegankelijkheid is een vereiste bij de bouw: alles werkt met het toetsenbord en zonder JavaScript, elk formulierveld heeft een label en toont fouten bij het veld zelf, en de pagina’s worden bij elke nieuwe versie automatisch getest.\n\n## Niet-toegankelijke inhoud\n\n- Inhoud die de gemeente of inwoners zelf toevoegen (teksten, afbeeldingen, documenten) is niet altijd volledig toegankelijk.\n- Een kaart is niet volledig bruikbaar met een schermlezer. Wat op een kaart staat, vind je ook in een lijst.\n\n## Opstelling van deze verklaring\n\nDit is de standaardverklaring van Meedoen, gebaseerd op een zelfevaluatie van het platform. De gemeente {name} vult ze aan met de resultaten van haar eigen evaluatie.\n\n## Feedback en contactgegevens\n\nStoot je op een probleem met de toegankelijkheid van dit platform, of heb je informatie nodig in een andere vorm? Meld het aan {contact}. We antwoorden zo snel mogelijk.\n\n## Handhavingsprocedure\n\nKrijg je geen of geen bevredigend antwoord, dan kan je een klacht indienen bij de klachtendienst van de gemeente {name}. Ben je daarna nog niet tevreden, dan kan je terecht bij de ombudsdienst: de lokale ombudsdienst als de gemeente er een heeft, anders de Vlaamse Ombudsdienst ([www.vlaamseombudsdienst.be](https://www.vlaamseombudsdienst.be)).'
	},
	region: {
		title: 'Beheer',
		backToBackoffice: 'Terug naar het beheer',
		playbook: {
			heading: 'Draaiboek burgerparticipatie',
			intro:
				'De trajecten die de gemeenten van de regio kunnen lopen: schrijven, publiceren, voorstellen van gemeenten en wie wat gebruikt.',
			link: 'Naar het draaiboek van de regio'
		},
		results: {
			heading: 'Resultaten van de regio',
			impact: 'Impact: de indicatoren van elke gemeente naast elkaar',
			funderReports: 'Rapportering aan de subsidiegevers'
		},
		titleOf: 'Beheer van de {region}',
		regionsNav: 'Regio’s',
		yourMunicipalities: 'Beheer van de gemeenten',
		notParticipating: 'doet nog niet mee',
		noMunicipalities: 'Je hebt in geen enkele gemeente een rol.',
		participationHeading: 'Deelname van de gemeenten',
		participationIntro:
			'Een gemeente die meedoet, toont haar klimaatacties en thema’s op Meedoen. Vink gemeenten aan en zet hun deelname in één keer aan of uit; je krijgt eerst een overzicht om te bevestigen.',
		searchLabel: 'Gemeenten zoeken',
		searchField: 'Zoek een gemeente',
		participationFilter: 'Deelname',
		all: 'Alle gemeenten',
		participatingYes: 'Doet mee',
		participatingNo: 'Doet niet mee',
		municipalitiesCaption: { one: '{count} gemeente', other: '{count} gemeenten' },
		columns: {
			municipality: 'Gemeente',
			inhabitants: 'Inwoners',
			participating: 'Deelname'
		},
		select: 'selecteer',
		noMatch: 'Geen gemeente gevonden.',
		switchOn: 'Deelname aanzetten…',
		switchOff: 'Deelname uitzetten…',
		switchOnYes: 'Ja, deelname aanzetten',
		switchOffYes: 'Ja, deelname uitzetten',
		confirmOn: {
			one: 'Deze gemeente gaat meedoen:',
			other: 'Deze {count} gemeenten gaan meedoen:'
		},
		confirmOff: {
			one: 'Deze gemeente doet dan niet meer mee; haar pagina’s tonen geen acties en thema’s meer:',
			other: 'Deze {count} gemeenten doen dan niet meer mee; hun pagina’s tonen geen acties en thema’s meer:'
		},
		alreadySo: 'is al zo',
		nothingSelected: 'Je hebt niets geselecteerd. Ga terug en vink minstens één rij aan.',
		rolesHeading: 'Rollen in de regio',
		rolesCaption: { one: '{count} persoon met een regionale rol', other: '{count} regionale rollen' },
		noRoles: 'Niemand heeft een regionale rol.',
		removeRoles: 'Geselecteerde rollen verwijderen…',
		confirmRemove: {
			one: 'Deze rol in de {region} wordt verwijderd:',
			other: 'Deze {count} rollen in de {region} worden verwijderd:'
		},
		grantHeading: 'Een regionale rol geven',
		grantIntro:
			'De persoon moet al een account hebben met dit e-mailadres: vraag hem of haar om zich eerst één keer aan te melden.',
		grant: 'Rol geven',
		noAccount:
			'Er is geen account met dit (bevestigde) e-mailadres. Vraag de persoon om zich eerst één keer aan te melden.',
		lastAdmin: 'Dit kan niet: de regio moet altijd minstens één regionaal beheerder hebben.',
		lastAdminSelf:
			'Je kan je eigen rol als regionaal beheerder niet verwijderen: je bent de laatste. Geef eerst iemand anders die rol.',
		logHeading: 'Recente wijzigingen in de regio',
		logCaption: 'De laatste 20 wijzigingen in de regio, nieuwste eerst',
		done: {
			granted: 'De rol is toegekend. We hebben de persoon een mail gestuurd.',
			removed: 'De geselecteerde rollen zijn verwijderd.',
			participation: 'De deelname is aangepast.'
		},
		coaching: {
			yoursHeading: 'Gemeenten die je begeleidt',
			yoursIntro:
				'Als participatie-expert bereid je in deze gemeenten de activiteiten en de eerste werkgroepen voor: aanmaken, uitnodigen, aanwezigheden aanvinken en het verslag schrijven.',
			yoursNone:
				'Je begeleidt nog geen gemeenten. De regionaal beheerder kent je de gemeenten toe die je begeleidt; tot dan kan je in het beheer nog niets doen.',
			events: 'Activiteiten van {name}',
			home: 'Beheer van {name}',
			column: 'Begeleidt',
			none: 'nog geen gemeenten',
			manage: 'Gemeenten kiezen',
			manageOf: 'Gemeenten kiezen die {name} begeleidt',
			title: 'Begeleiding door {name}',
			intro:
				'Een participatie-expert bereidt de activiteiten en werkgroepen voor van de gemeenten die hij of zij begeleidt, en van geen andere gemeente. Elke wijziging komt in het logboek van de regio en van de gemeente.',
			caption: {
				one: '{count} gemeente die {name} begeleidt',
				other: '{count} gemeenten die {name} begeleidt'
			},
			empty: 'Deze participatie-expert begeleidt nog geen gemeenten.',
			since: 'Sinds',
			remove: 'Begeleiding van de geselecteerde gemeenten beëindigen…',
			assignHeading: 'Een gemeente toekennen',
			assignIntro: 'Kies een gemeente van de {region} die deze participatie-expert gaat begeleiden.',
			municipalityLabel: 'Gemeente',
			chooseOption: 'Kies een gemeente',
			assign: 'Toekennen',
			allAssigned: 'Deze participatie-expert begeleidt al alle gemeenten van de regio.',
			choose: 'Kies een gemeente uit de lijst.',
			already: 'Deze participatie-expert begeleidt die gemeente al.',
			confirmRemove: {
				one: '{name} begeleidt deze gemeente dan niet meer en kan er geen activiteiten meer voorbereiden:',
				other:
					'{name} begeleidt deze {count} gemeenten dan niet meer en kan er geen activiteiten meer voorbereiden:'
			},
			mail: {
				subject: 'Je begeleidt nu {municipality} op Meedoen',
				body: 'Dag,\n\n{inviter} heeft je als participatie-expert van de {region} de gemeente {municipality} toegekend. Je kan er vanaf nu activiteiten voorbereiden en begeleiden.\n\nJe vindt de activiteiten van {municipality} op {url}.\n\nTot op Meedoen!'
			},
			done: {
				assigned: 'De gemeente is toegekend. We hebben de participatie-expert een mail gestuurd.',
				removed: 'De begeleiding van de geselecteerde gemeenten is beëindigd.'
			}
		},
		mail: {
			subject: 'Je bent nu {role} in de {region}',
			body: 'Dag,\n\n{inviter} heeft je de rol {role} gegeven in de {region} op Meedoen.\n\nJe vindt het beheer op {url}.\n\nTot op Meedoen!'
		}
	}
};
