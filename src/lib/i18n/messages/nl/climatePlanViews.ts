// Dutch texts of the climate plan's timeline, priority view and council report (the back office only).
export const climatePlanViews = {
	nav: {
		timeline: 'Tijdlijn',
		priority: 'Prioriteiten',
		report: 'Raadsrapport'
	},
	filters: {
		label: 'Filter de acties'
	},
	timeline: {
		title: 'Tijdlijn',
		intro:
			'De acties van het plan van hun geplande start tot hun gepland einde. Dezelfde filters als in de tabel. De lijst onder de tijdlijn geeft dezelfde gegevens als tabel.',
		chartLabel: 'Tijdlijn van de acties',
		axisLabel: 'Maanden en jaren van {from} tot {to}',
		today: 'Vandaag',
		todayNote: 'De verticale lijn is vandaag ({date}).',
		planned: 'Gepland van {from} tot {to}',
		plannedFrom: 'Gepland vanaf {from}, einde niet bekend',
		plannedUntil: 'Gepland tot {to}, start niet bekend',
		late: 'te laat',
		count: {
			one: '{count} actie met geplande datums',
			other: '{count} acties met geplande datums'
		},
		none: 'Geen acties met geplande datums.',
		noneFiltered: 'Geen acties met geplande datums voor deze filters.',
		tableCaption: 'De acties op de tijdlijn als tabel',
		columns: {
			action: 'Actie',
			lead: 'Trekkende dienst',
			status: 'Status',
			plannedStart: 'Geplande start',
			plannedEnd: 'Gepland einde',
			actual: 'Werkelijk',
			late: 'Te laat'
		},
		actual: 'van {from} tot {to}',
		actualFrom: 'gestart op {from}',
		yes: 'ja',
		no: 'nee',
		undatedTitle: 'Zonder geplande datums',
		undatedIntro: {
			one: '{count} actie heeft geen geplande start of einde en staat daarom niet op de tijdlijn.',
			other: '{count} acties hebben geen geplande start of einde en staan daarom niet op de tijdlijn.'
		},
		undatedMore: 'De eerste {shown} staan hieronder; verfijn met de filters om de rest te zien.',
		pageLabel: 'Pagina’s van de tijdlijn'
	},
	priority: {
		title: 'Prioriteiten: CO2 tegenover kost',
		intro:
			'De verwachte CO2-reductie van elke actie tegenover haar budget, en dezelfde acties gerangschikt van de laagste naar de hoogste kost per ton CO2 per jaar. Dezelfde filters als in de tabel.',
		chartTitle: 'Verwachte CO2-reductie tegenover budget',
		chartDesc:
			'Spreidingsdiagram van {count} acties: horizontaal het budget in euro (van {xMin} tot {xMax}), verticaal de verwachte CO2-reductie in ton per jaar (van {yMin} tot {yMax}). Het getal bij elk punt is de rang in de tabel eronder, die dezelfde gegevens geeft.',
		xAxis: 'Budget (euro)',
		yAxis: 'CO2-reductie (ton per jaar)',
		point: '{rank}. {title}',
		rankedCaption: 'Acties gerangschikt op euro per ton CO2 per jaar ({count})',
		columns: {
			rank: 'Rang',
			action: 'Actie',
			lead: 'Trekkende dienst',
			status: 'Status',
			budget: 'Budget',
			co2: 'CO2-reductie (t/jaar)',
			perTonne: 'Euro per ton CO2 per jaar',
			missing: 'Wat ontbreekt'
		},
		none: 'Geen acties met zowel een budget als een verwachte CO2-reductie.',
		apartTitle: 'Zonder budget of zonder verwachte CO2-reductie',
		apartIntro: {
			one: '{count} actie kan niet op de grafiek of in de rangschikking: ze mist een budget of een verwachte CO2-reductie.',
			other:
				'{count} acties kunnen niet op de grafiek of in de rangschikking: ze missen een budget of een verwachte CO2-reductie.'
		},
		apartCaption: 'Acties zonder budget of zonder verwachte CO2-reductie',
		missing: {
			budget: 'Geen budget',
			co2: 'Geen verwachte CO2-reductie',
			both: 'Geen budget en geen verwachte CO2-reductie'
		},
		capped:
			'Het plan telt meer dan {max} acties voor deze filters; alleen de eerste {max} zijn gelezen. Verfijn met de filters.',
		pageLabel: 'Pagina’s van de rangschikking'
	},
	report: {
		title: 'Voortgangsrapport voor de gemeenteraad',
		intro:
			'Het rapport (PDF) geeft de stand per thema, wat er veranderde sinds het vorige rapport en de bijsturingen met hun redenen. Elk uitgegeven rapport blijft hier bewaard, met zijn datum: het volgende rapport begint waar dit ophoudt.',
		nextTitle: 'Het volgende rapport',
		since: 'Sinds het vorige rapport van {date}:',
		first:
			'Er is nog geen rapport uitgegeven: het eerste rapport neemt alle updates sinds het begin van het plan op.',
		pending: {
			updates: 'updates: {count}',
			statusChanges: 'statuswijzigingen: {count}',
			adjustments: 'bijsturingen: {count}',
			newActions: 'nieuwe acties: {count}'
		},
		issue: 'Rapport uitgeven',
		issueNote: 'Het rapport krijgt de datum van vandaag en wordt bewaard.',
		readOnly: 'Alleen de duurzaamheidsdienst en de beheerders geven een rapport uit.',
		done: 'Het rapport is uitgegeven.',
		earlierTitle: 'Uitgegeven rapporten',
		earlierCaption: 'Uitgegeven rapporten, het nieuwste eerst',
		columns: {
			issuedAt: 'Uitgegeven op',
			period: 'Periode',
			by: 'Door',
			file: 'Bestand'
		},
		periodFrom: 'van {from} tot {to}',
		periodStart: 'tot {to} (eerste rapport)',
		download: 'Download de PDF van {date}',
		none: 'Nog geen rapporten uitgegeven.',
		unknownPerson: 'Onbekend',
		pdf: {
			documentTitle: 'Voortgangsrapport klimaatplan {name}, {date}',
			band: 'Gemeente {name}',
			heading: 'Voortgangsrapport van het klimaatplan',
			subject: 'De stand van het klimaatplan van {name} voor de gemeenteraad',
			keyword: 'klimaatplan',
			issued: 'Uitgegeven op {date}.',
			period: 'Deze periode loopt van {from} (het vorige rapport) tot {to}.',
			firstPeriod: 'Dit is het eerste rapport: het neemt alle updates tot {to} op.',
			overviewTitle: 'Samenvatting',
			overview: {
				one: '{count} actie in het plan (stopgezette niet meegeteld): {completed} afgerond, {ongoing} lopend, {notStarted} niet gestart, {postponed} uitgesteld; {stopped} stopgezet. {late} te laat.',
				other:
					'{count} acties in het plan (stopgezette niet meegeteld): {completed} afgerond, {ongoing} lopend, {notStarted} niet gestart, {postponed} uitgesteld; {stopped} stopgezet. {late} te laat.'
			},
			co2: 'CO2-reductie: {achieved} van {planned} ton per jaar bereikt.',
			budget: 'Budget: {spent} van {budget} besteed.',
			themesTitle: 'Stand per thema',
			theme: {
				one: '{count} actie (stopgezette niet meegeteld): {completed} afgerond, {ongoing} lopend, {notStarted} niet gestart, {postponed} uitgesteld; {stopped} stopgezet; CO2 {achieved} van {planned} ton per jaar.',
				other:
					'{count} acties (stopgezette niet meegeteld): {completed} afgerond, {ongoing} lopend, {notStarted} niet gestart, {postponed} uitgesteld; {stopped} stopgezet; CO2 {achieved} van {planned} ton per jaar.'
			},
			noTheme: 'Zonder thema',
			changesTitle: 'Wat veranderde sinds het vorige rapport',
			changesTitleFirst: 'Wat er gebeurde tot nu',
			statusTitle: 'Statuswijzigingen',
			statusChange: '{title}: van {from} naar {to}.',
			newAction: '{title}: nieuw in het plan ({to}).',
			noStatusChanges: 'Geen statuswijzigingen in deze periode.',
			firstStatus: 'Het eerste rapport heeft geen vorige stand om mee te vergelijken.',
			updatesTitle: 'Updates',
			update: '{title} ({date}, status {status}): {done}',
			blockers: 'Wat blokkeert: {blockers}',
			noUpdates: 'Geen updates in deze periode.',
			adjustmentsTitle: 'Bijsturingen en hun redenen',
			adjustment: '{title} ({date}): {adjustment}',
			reason: 'Reden: {reason}',
			noReason: 'Reden: niet opgegeven.',
			noAdjustments: 'Geen bijsturingen in deze periode.',
			footer: 'Gemaakt met Meedoen voor de gemeente {name}.'
		}
	}
};
