// Dutch (nl-BE) texts of registering for an event (activiteit): what the form refuses and the mails about a
// registration. The pages' own texts live with the pages.
export const eventRegistration = {
	errors: {
		invalid: 'Dit klopt niet. Kijk het na en probeer opnieuw.',
		nameRequired: 'Vul je naam in.',
		nameTooLong: 'Je naam is te lang: gebruik hoogstens 100 tekens.',
		emailRequired: 'Vul je e-mailadres in.',
		emailInvalid: 'Dit is geen geldig e-mailadres. Kijk het na, bijvoorbeeld naam@voorbeeld.be.',
		companionsInvalid: 'Vul een aantal in, bijvoorbeeld 0 of 2.',
		companionsTooMany: 'Je kan hoogstens {max} mensen meebrengen.',
		companionsTooManyField: 'Zoveel mensen kan je niet meebrengen naar deze activiteit.',
		noRoomForCompanions:
			'Er zijn nog {left} plaatsen vrij, te weinig voor jou en je gezelschap. Kom met minder mensen, of zet je op de wachtlijst.',
		noRoomForCompanionsField: 'Er zijn niet genoeg plaatsen meer voor jou en je gezelschap.',
		answerTooLong: 'Je antwoord is te lang: gebruik hoogstens 500 tekens.',
		alreadyRegistered: 'Je bent al ingeschreven voor deze activiteit.',
		alreadyRegisteredEmail: 'Met dit e-mailadres is al iemand ingeschreven voor deze activiteit.',
		eventPast: 'Deze activiteit is al voorbij. Inschrijven kan niet meer.',
		eventCancelled: 'Deze activiteit is geannuleerd. Inschrijven kan niet meer.',
		registrationClosed: 'De inschrijvingen voor deze activiteit zijn afgesloten.',
		linkInvalid:
			'Deze link werkt niet. Misschien is hij onvolledig gekopieerd. Gebruik de link in de laatste mail die je kreeg.',
		registrationCancelled: 'Deze inschrijving is al geannuleerd.',
		notRegistered: 'Je bent niet ingeschreven voor deze activiteit.',
		rateLimited: 'Je schreef je al vaak in de voorbije minuten. Wacht even en probeer dan opnieuw.'
	},
	when: '{date} van {start} tot {end}',
	mail: {
		pending: {
			subject: 'Bevestig je inschrijving voor {title}',
			body: 'Dag {name},\n\nJe schreef je in voor "{title}" op {when}.\n\nBevestig je inschrijving met deze link:\n{link}\n\nPas dan is je inschrijving geldig. Via dezelfde link kan je je ook weer uitschrijven.\n\nSchreef je je niet in? Dan mag je deze mail negeren.'
		},
		confirmed: {
			subject: 'Je bent ingeschreven voor {title}',
			body: 'Dag {name},\n\nJe bent ingeschreven voor "{title}".\n\nWanneer: {when}\nWaar: {where}\n{companions}\nDe activiteit staat in de bijlage; open ze om ze in je agenda te zetten.\n\nKan je toch niet komen? Schrijf je dan uit, zodat iemand van de wachtlijst je plaats krijgt:\n{link}\n\nMeer informatie: {page}'
		},
		waitlisted: {
			subject: 'Je staat op de wachtlijst voor {title}',
			body: 'Dag {name},\n\n"{title}" op {when} is volzet. Je staat op de wachtlijst, op plaats {position}.\n\nKomt er een plaats vrij, dan schuif je automatisch door en krijg je een mail.\n\nWil je niet meer op de wachtlijst staan? Schrijf je dan uit:\n{link}\n\nMeer informatie: {page}'
		},
		movedUp: {
			subject: 'Er is een plaats vrij: je bent ingeschreven voor {title}',
			body: 'Dag {name},\n\nGoed nieuws: er kwam een plaats vrij voor "{title}" en jij stond op de wachtlijst. Je bent nu ingeschreven.\n\nWanneer: {when}\nWaar: {where}\n{companions}\nDe activiteit staat in de bijlage; open ze om ze in je agenda te zetten.\n\nKan je toch niet komen? Schrijf je dan uit, zodat de volgende op de wachtlijst je plaats krijgt:\n{link}\n\nMeer informatie: {page}'
		},
		cancelled: {
			subject: 'Je bent uitgeschreven voor {title}',
			body: 'Dag {name},\n\nJe bent uitgeschreven voor "{title}" op {when}. Je plaats gaat naar wie op de wachtlijst staat.\n\nToch nog zin? Je kan je opnieuw inschrijven zolang er plaats is: {page}'
		},
		eventCancelled: {
			subject: 'Geannuleerd: {title}',
			body: 'Dag {name},\n\n"{title}" op {when} gaat niet door: de gemeente heeft de activiteit geannuleerd. Je inschrijving vervalt; je hoeft niets te doen.\n\nWat er verder gebeurt en andere activiteiten: {page}'
		},
		reminder: {
			subject: 'Herinnering: {title} op {when}',
			body: 'Dag {name},\n\nWe zien je graag bij "{title}".\n\nWanneer: {when}\nWaar: {where}\n{companions}\nDe activiteit staat in de bijlage; open ze als ze nog niet in je agenda staat.\n\nKan je toch niet komen? Schrijf je dan uit met de link in je bevestigingsmail of op de pagina van de activiteit, zodat iemand van de wachtlijst je plaats krijgt:\n{page}'
		},
		companions: { one: 'Je brengt 1 persoon mee.\n', other: 'Je brengt {count} mensen mee.\n' },
		online: 'online',
		checkIn: {
			heading: 'Aanmelden aan de ingang',
			text: 'Aan de ingang: toon de QR-code in deze mail, dan melden we je snel aanwezig. Lukt het scannen niet, dan vinden we je ook op naam. De code hoort bij jouw inschrijving; deel hem niet.\n\nLink van de code (voor de medewerkers aan de ingang): {link}',
			alt: 'QR-code van de inschrijving van {name}, om aanwezig te melden aan de ingang'
		}
	}
};
