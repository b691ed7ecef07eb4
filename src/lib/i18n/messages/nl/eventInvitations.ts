// Invitations to an event: staff choose an audience and send, the person registers from the mail with one
// click. Loaded on the invitation pages (back office and the link's page); the server has them all.
export const eventInvitations = {
	admin: {
		title: 'Uitnodigen voor ‘{title}’',
		intro:
			'Kies wie je uitnodigt en tel hoeveel mensen dat zijn. Alleen wie ermee instemde uitnodigingen te krijgen (in de pool van klimaatmakers, of op de lijst van wie buiten het platform interesse toonde) en ze niet uitzette, krijgt er een: iedereen één keer per activiteit, en niet wie al ingeschreven is. De mail heeft een persoonlijke link om zich met één klik in te schrijven.',
		audienceLegend: 'Wie nodig je uit?',
		audiences: {
			pool: 'De pool van klimaatmakers van {name}',
			poolThemes: 'Wie in de pool interesse heeft in de thema’s van de actie',
			earlierEvents: 'Wie zich inschreef voor een andere activiteit van dezelfde actie',
			active:
				'Iedereen die het voorbije jaar actief was op het platform in {name} (een suggestie, een reactie, steun of een inschrijving)',
			suggestions: 'De indieners en steuners van de suggesties bij deze manier van meedoen',
			offline:
				'Wie buiten het platform interesse toonde (papieren lijst, stand) en op de lijst van {name} staat'
		},
		offlineLink: 'Mensen die buiten het platform interesse toonden: bekijk of vul de lijst aan',
		unavailable: 'Niet mogelijk voor deze activiteit.',
		countButton: 'Tel wie de uitnodiging krijgt',
		count: {
			one: '{count} persoon krijgt deze uitnodiging.',
			other: '{count} mensen krijgen deze uitnodiging.'
		},
		confirm: {
			one: 'Ja, nodig deze {count} persoon nu uit',
			other: 'Ja, nodig deze {count} mensen nu uit'
		},
		send: 'Uitnodiging versturen',
		sofar: 'Tot nu toe uitgenodigd: {invited}. Via de uitnodiging ingeschreven: {registered}.',
		sent: {
			one: 'De uitnodiging is verstuurd naar {count} persoon.',
			other: 'De uitnodiging is verstuurd naar {count} mensen.'
		},
		closed:
			'Deze activiteit neemt geen inschrijvingen aan (een ontwerp, afgelast, voorbij of na de inschrijvingsdeadline): uitnodigen kan niet.',
		errors: {
			audience: 'Kies wie je uitnodigt.',
			confirm: 'Vink aan dat je deze mensen nu wil uitnodigen.',
			nobody: 'Niemand in deze groep kan (nog) uitgenodigd worden.',
			changed:
				'Het aantal veranderde sinds je telde: nu {count}. Kijk het na en vink opnieuw aan om te versturen.',
			closed: 'Deze activiteit neemt geen inschrijvingen aan: uitnodigen kan niet.'
		}
	},
	mail: {
		subject: 'Uitnodiging: {title}, {date}',
		body: 'Dag {name},\n\n{municipality} nodigt je uit voor "{title}".\n\nWanneer: {when}\nWaar: {where}\n\n{description}\n\nSchrijf je in met één klik:\n{link}\n\nMeer over de activiteit: {page}\n\n{why}\nGeen uitnodigingen meer: {unsubscribe}\nKies welke mails je krijgt: {preferences}',
		why: {
			pool: 'Je krijgt deze uitnodiging omdat je in de pool van klimaatmakers van {municipality} zit.',
			platform:
				'Je krijgt deze uitnodiging omdat je meedeed op het platform in {municipality} en zei dat je uitnodigingen wil krijgen.',
			offline:
				'Je krijgt deze uitnodiging omdat je {municipality} op {date} liet weten dat je uitnodigingen wil krijgen ({how}).'
		}
	},
	page: {
		title: 'Uitnodiging: {title}',
		intro: 'Dag {name}, {municipality} nodigt je uit voor deze activiteit.',
		register: 'Schrijf me in',
		registered: 'Je bent ingeschreven. Je krijgt een bevestiging per mail.',
		waitlisted:
			'De activiteit is volzet: je staat op de wachtlijst. Komt er een plaats vrij, dan krijg je een mail.',
		already: 'Je bent al ingeschreven voor deze activiteit.',
		invalidTitle: 'Deze uitnodiging werkt niet',
		invalid:
			'Deze link is ongeldig of hoort bij een account dat niet meer bestaat. Op de pagina met activiteiten vind je wat er gepland is.',
		toEvents: 'Naar de activiteiten',
		toEvent: 'Naar de activiteit'
	}
};
