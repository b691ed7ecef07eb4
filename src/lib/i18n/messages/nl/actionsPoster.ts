// Dutch (nl-BE) texts of the printable A4 poster of a climate action (poster.pdf).
export const actionsPoster = {
	documentTitle: 'Affiche: {title}',
	header: 'Meedoen in {name}',
	kicker: 'Klimaatactie · {status}',
	oneHeading: 'Doe mee',
	noneOpen: 'Nu staat er niets open. Volg de actie online, dan hoor je wanneer je kan meedoen.',
	more: {
		one: 'En nog {count} manier om mee te doen: kijk op de website.',
		other: 'En nog {count} manieren om mee te doen: kijk op de website.'
	},
	scan: 'Scan de code en doe mee',
	scanHint: 'Op de website lees je het laatste nieuws en schrijf je je in.',
	orSurf: 'Of surf naar:',
	qrAlt: 'QR-code die naar de pagina van de actie leidt: {url}',
	linkLabel: 'De pagina van de actie op Meedoen: {url}',
	footer: 'Meedoen, het participatieplatform voor klimaatacties in {name}'
};
