// The question after a person's first contribution whether to join the pool of climate makers: loaded on the
// pages that confirm a contribution (a suggestion, a vote, a comment, a registration) and on its own page.
export const pool = {
	question: 'Blijf op de hoogte van je thema’s en kom in de pool',
	explain:
		'Dan mailen we je over nieuwe acties op je thema’s (één keer per week, tenzij je zelf iets anders koos), en mag {name} je uitnodigen voor werkgroepen en actiedagen. Je kan dit altijd weer uitzetten in je profiel.',
	setsHome: '{name} wordt dan ook je gemeente op Meedoen.',
	yes: 'Ja, hou me op de hoogte',
	no: 'Nee, bedankt',
	joined:
		'Welkom in de pool van klimaatmakers van {name}! Je krijgt nieuws over je thema’s en uitnodigingen.',
	chooseThemes: 'Kies je thema’s',
	preferences: 'Kies hoe vaak je mails krijgt',
	declined: 'Genoteerd: we vragen het je niet meer. Wil je later toch in de pool? Dat kan in je profiel.',
	toProfile: 'Naar je profiel',
	invalid: 'Die gemeente kan je niet kiezen. Kies je gemeente in je profiel.',
	page: {
		title: 'Op de hoogte blijven',
		intro: 'Je nam deel op Meedoen. Wil je ook horen wat er verder gebeurt?',
		already:
			'Hier is niets meer te kiezen: je zit al in de pool van klimaatmakers, je koos eerder, of je hebt nog geen gemeente. In je profiel kies je je gemeente en of je in de pool wil.',
		back: 'Terug naar waar je was'
	}
};
