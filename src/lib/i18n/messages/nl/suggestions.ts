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
	}
};
