// Dutch (nl-BE) texts of suggestions on the map shared by every part: statuses, reasons, refusals.
// Loaded on demand: the pages under /{municipality}/kansen and /{municipality}/suggesties register it.
export const suggestions = {
	status: {
		submitted: 'Ingediend',
		published: 'Gepubliceerd',
		underReview: 'In behandeling',
		chosen: 'Gekozen',
		notChosen: 'Niet gekozen',
		inExecution: 'In uitvoering',
		done: 'Uitgevoerd'
	},
	// The municipality's decisions in the news feeds (Atom).
	news: {
		decided: 'Beslissing over ‘{title}’: {status}',
		answered: 'Antwoord op ‘{title}’',
		statusNow: 'Nieuwe status: {status}.'
	},
	moderation: {
		pending: 'Wacht op goedkeuring',
		approved: 'Goedgekeurd',
		rejected: 'Afgewezen'
	},
	reason: {
		spam: 'Reclame of spam',
		offensive: 'Beledigend of kwetsend',
		personalData: 'Bevat persoonsgegevens',
		offTopic: 'Hoort niet bij deze vraag',
		duplicate: 'Dubbel: bestaat al',
		other: 'Andere reden'
	},
	errors: {
		notOpen: 'Deze vraag neemt op dit moment geen suggesties aan.',
		votingClosed: 'Steunen kan niet meer: de stemming is gesloten.',
		voteLimit: 'Je steunt al {limit} suggesties. Trek eerst een steun in om een andere te kiezen.',
		blocked:
			'Je kan in deze gemeente niet meer bijdragen. Neem contact op met de gemeente als je denkt dat dit een vergissing is.',
		notPublic: 'Deze suggestie is (nog) niet openbaar.',
		tooManyLinks: 'Gebruik hoogstens {max} links.',
		duplicate: 'Je stuurde net dezelfde tekst in.'
	},
	browse: {
		title: '{title}: suggesties',
		description:
			'{title}: de suggesties bij de actie "{action}". Bekijk ze in een lijst of op de kaart, steun wat je goed vindt of doe zelf een voorstel.',
		view: {
			label: 'Weergave',
			list: 'Lijst',
			map: 'Kaart',
			mapNeedsScript: 'De kaart heeft JavaScript nodig. De lijst hieronder bevat alle suggesties.'
		},
		backToAction: 'Terug naar de actie “{title}”',
		howTo: 'Zo werkt het',
		add: 'Suggestie toevoegen',
		acceptsUntil: 'Je kan suggesties toevoegen tot {date}.',
		accepts: 'Je kan suggesties toevoegen.',
		notAccepting: 'Nieuwe suggesties toevoegen kan nu niet.',
		votesUntil: 'Je kan suggesties steunen tot {date}.',
		votes: 'Je kan suggesties steunen.',
		notVoting: 'Steunen kan nu niet.',
		opensAt: 'Deze vraag opent op {date}.',
		closed: 'Deze vraag is afgesloten.',
		notPublic: 'Deze vraag is nog niet openbaar: alleen moderatoren zien deze pagina.',
		voteLimit: 'Je kan hoogstens {limit} suggesties steunen.',
		remaining: {
			one: 'Je kan nog 1 suggestie steunen.',
			other: 'Je kan nog {count} suggesties steunen.'
		},
		noneRemaining: 'Je steunt al {limit} suggesties: trek eerst een steun in om een andere te kiezen.',
		listHeading: 'Alle suggesties',
		count: {
			one: '1 suggestie',
			other: '{count} suggesties'
		},
		empty: 'Er zijn nog geen suggesties.',
		emptyFiltered: 'Geen suggesties gevonden met deze filters.',
		near: 'Binnen {radius} van {place}, dichtstbij eerst.',
		nearPoint: 'Binnen {radius} van de gekozen plek op de kaart, dichtstbij eerst.',
		loginToVote: 'Meld je aan om suggesties te steunen.'
	},
	filters: {
		heading: 'Suggesties filteren',
		q: 'Zoeken',
		qHint: 'Woorden uit de titel of de beschrijving.',
		theme: 'Thema',
		allThemes: 'Alle thema’s',
		status: 'Status',
		allStatuses: 'Alle statussen',
		sort: 'Sorteren',
		sortVotes: 'Meeste steun',
		sortNewest: 'Nieuwste',
		sortDistance: 'Dichtstbij',
		near: 'In de buurt van een adres',
		nearHint: 'Bijvoorbeeld: Markt 1, Geel. We tonen de suggesties binnen {radius}.',
		nearUnavailable:
			'Zoeken op adres is op dit moment niet beschikbaar. We tonen alle suggesties, zonder afstand.',
		nearNotFound: 'We vonden dit adres niet. We tonen alle suggesties, zonder afstand.',
		pointChosen: 'Gekozen plek op de kaart',
		submit: 'Toon suggesties',
		reset: 'Alle filters wissen'
	},
	card: {
		votes: {
			one: '1 steun',
			other: '{count} steunen'
		},
		comments: {
			one: '1 reactie',
			other: '{count} reacties'
		},
		status: 'Status',
		noPlace: 'nog niet op de kaart',
		coordinates: 'Coördinaten: {lat}, {lng}',
		place: 'Plaats',
		theme: 'Thema',
		distance: 'op {distance}',
		metres: '{n} m',
		kilometres: '{n} km',
		youSupport: 'Je steunt deze suggestie.'
	},
	map: {
		heading: 'Kaart',
		label: 'Kaart met de suggesties',
		listHasAll:
			'De lijst naast de kaart bevat alle suggesties: je kan ze daar ook met het toetsenbord lezen en steunen.',
		keyboard: 'Verschuif de kaart met de pijltjestoetsen, zoom met + en −.',
		loading: 'De suggesties op de kaart worden geladen…',
		failed: 'De suggesties konden niet op de kaart getoond worden. De lijst bevat ze allemaal.',
		unavailable: 'De basiskaart is niet beschikbaar: de suggesties staan op een lege achtergrond.',
		attribution: 'Basiskaart: {attribution}',
		cluster: {
			one: '1 suggestie: zoom in',
			other: '{count} suggesties: zoom in'
		},
		clusterList: {
			one: '1 suggestie op deze plek: toon ze',
			other: '{count} suggesties op deze plek: toon ze'
		},
		clusterHeading: {
			one: '1 suggestie op deze plek',
			other: '{count} suggesties op deze plek'
		},
		clusterMore: {
			one: 'En nog 1: je vindt ze in de lijst naast de kaart.',
			other: 'En nog {count}: je vindt ze in de lijst naast de kaart.'
		},
		open: 'Bekijk de suggestie',
		zoomIn: 'Inzoomen',
		zoomOut: 'Uitzoomen',
		truncated: 'Niet alle suggesties passen op de kaart: zoom in om ze allemaal te zien.',
		pickHint: 'Klik op de kaart om de suggesties in de buurt van die plek te tonen.',
		shown: {
			one: '1 suggestie in dit deel van de kaart.',
			other: '{count} suggesties in dit deel van de kaart.'
		}
	},
	api: {
		invalid: 'De vraag bevat ongeldige parameters.',
		theme: 'Geef een thema als slug, bijvoorbeeld “energie”.',
		status: 'Onbekende status.',
		sort: 'Sorteer op “votes” of “newest”.',
		q: 'De zoektekst is te lang (hoogstens 200 tekens).',
		cursor: 'Deze cursor is ongeldig of hoort bij een andere sortering.',
		limit: 'Geef een limiet van 1 tot 100.',
		bbox: 'Geef bbox als minLng,minLat,maxLng,maxLat: vier getallen binnen −180..180 en −90..90, het minimum kleiner dan het maximum.',
		zoom: 'Geef zoom als een geheel getal van 0 tot 20.'
	}
};
