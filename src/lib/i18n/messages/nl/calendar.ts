// Dutch texts of the calendar feeds (.ics) that calendar apps show: names, marks and the event's description.
export const calendar = {
	municipalityFeedName: 'Activiteiten in {municipality} · Meedoen',
	municipalityFeedDescription:
		'Werkgroepen, actiedagen en infoavonden van {municipality} op Meedoen. Aanmelden doe je op de pagina van de activiteit.',
	personalFeedName: 'Mijn activiteiten · Meedoen',
	personalFeedDescription:
		'De activiteiten op Meedoen waarvoor je bent aangemeld of op de wachtlijst staat. Deze link is geheim: deel hem niet.',
	waitlisted: 'Wachtlijst: {title}',
	cancelled: 'Geannuleerd: {title}',
	online: 'Online',
	whatToBring: 'Meebrengen: {text}',
	accessibility: 'Toegankelijkheid: {text}',
	onlineLink: 'Online deelnemen: {url}',
	waitlistNote:
		'Je staat op de wachtlijst. Komt er een plaats vrij, dan schuif je automatisch door en krijg je een mail.',
	moreInfo: 'Meer info en aanmelden: {url}'
};
