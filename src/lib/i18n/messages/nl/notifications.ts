// Dutch texts of notifications: their titles (per event and whether it is about the person's own
// contribution), the list /meldingen, the mail preferences, the unsubscribe page and the mails themselves.
export const notifications = {
	titles: {
		suggestion_published: {
			own: 'Je suggestie “{title}” staat online',
			following: 'De suggestie “{title}” staat online'
		},
		suggestion_answered: {
			own: 'De gemeente antwoordde op je suggestie “{title}”',
			following: 'De gemeente antwoordde op de suggestie “{title}”'
		},
		suggestion_status_changed: {
			own: 'Je suggestie “{title}” heeft een nieuwe status: {status}',
			following: 'De suggestie “{title}” heeft een nieuwe status: {status}'
		},
		suggestion_merged: {
			own: 'Je suggestie “{title}” werd samengevoegd met een gelijkaardige suggestie',
			following: 'De suggestie “{title}” werd samengevoegd met een gelijkaardige suggestie'
		},
		suggestion_rejected: {
			own: 'Je suggestie “{title}” werd niet gepubliceerd',
			following: 'De suggestie “{title}” staat niet langer online'
		},
		suggestion_comment_published: {
			own: 'Iemand antwoordde op je reactie bij “{title}”',
			following: 'Nieuwe reactie bij “{title}”'
		},
		story_published: {
			own: 'Je verhaal “{title}” staat online',
			following: 'Het verhaal “{title}” staat online'
		},
		story_rejected: {
			own: 'Je verhaal “{title}” werd niet gepubliceerd: lees waarom bij Mijn activiteit',
			following: 'Het verhaal “{title}” werd niet gepubliceerd'
		},
		action_update_published: {
			own: 'Nieuws bij “{actionTitle}”: {title}',
			following: 'Nieuws bij “{actionTitle}”: {title}',
			colleague: 'Nieuws bij “{actionTitle}”: {title}'
		},
		action_updated: {
			colleague: {
				decided: 'Nieuwe beslissing bij de actie “{title}”',
				status: 'De actie “{title}” staat nu op: {status}'
			}
		},
		event_published: {
			colleague: 'Nieuwe activiteit gepland: “{title}”'
		},
		event_briefing_sent: {
			colleague: 'De briefing van “{title}” is verstuurd'
		},
		event_logistics_changed: {
			colleague: {
				added: 'Logistiek van “{title}”: nieuw op de lijst: {detail}',
				edited: 'Logistiek van “{title}”: gewijzigd: {detail}',
				done: 'Logistiek van “{title}”: afgevinkt: {detail}',
				undone: 'Logistiek van “{title}”: weer open: {detail}',
				removed: 'Logistiek van “{title}”: van de lijst gehaald: {detail}'
			}
		},
		event_updated: {
			own: 'De activiteit “{title}” is gewijzigd',
			following: 'De activiteit “{title}” is gewijzigd',
			colleague: 'De activiteit “{title}” is gewijzigd'
		},
		event_cancelled: {
			own: 'De activiteit “{title}” gaat niet door',
			following: 'De activiteit “{title}” gaat niet door',
			colleague: 'De activiteit “{title}” gaat niet door'
		},
		event_report_published: {
			own: 'Het verslag van “{title}” staat online',
			following: 'Het verslag van “{title}” staat online',
			colleague: 'Het verslag van “{title}” staat online'
		},
		event_invitations_sent: {
			own: 'Je bent uitgenodigd voor “{title}”',
			following: 'Je bent uitgenodigd voor “{title}”'
		},
		event_group_proposal_published: {
			own: 'De gemeente publiceerde “{title}”, de activiteit van {detail}'
		},
		event_group_proposal_cancelled: {
			own: 'De gemeente annuleerde “{title}”, de activiteit van {detail}'
		},
		climate_plan_task_assigned: {
			own: 'Je hebt een taak van het klimaatplan van {municipality}: “{title}”, tegen {detail}'
		},
		funder_report_submitted: {
			own: 'Rapport ter beoordeling: {municipality} diende het tussentijds rapport van {title} voor {detail} in'
		},
		climate_plan_task_overdue: {
			own: 'Je taak “{title}” van het klimaatplan van {municipality} moest klaar zijn op {detail}'
		},
		group_members_mentioned: {
			own: 'Je werd vermeld in het gesprek “{detail}” van {title}'
		},
		group_signup_accepted: {
			own: 'Welkom bij {title}: je aanmelding is aanvaard'
		},
		group_signup_declined: {
			own: 'Je aanmelding bij {title} werd niet aanvaard'
		},
		group_expense_approved: {
			own: 'Je uitgave “{detail}” bij {title} is goedgekeurd'
		},
		group_expense_refused: {
			own: 'Je uitgave “{detail}” bij {title} werd geweigerd: lees waarom in de werkruimte'
		},
		group_coordinator_changed: {
			own: 'Je bent nu de coördinator van {title}',
			following: '{title} heeft een nieuwe coördinator'
		}
	},
	list: {
		title: 'Meldingen',
		intro:
			'Wat er gebeurde met je suggesties, met wat je volgt en met de activiteiten waarvoor je bent ingeschreven.',
		empty:
			'Je hebt nog geen meldingen. Als er iets gebeurt met wat je schreef, steunt of volgt, zie je het hier.',
		unread: 'Nieuw',
		markAll: 'Alles gelezen',
		markedAll: 'Alle meldingen staan op gelezen.',
		preferences: 'Kies hoe vaak je mails krijgt',
		newer: 'Nieuwere meldingen',
		older: 'Oudere meldingen',
		pagination: 'Meer meldingen',
		inMunicipality: 'In {name}'
	},
	preferences: {
		title: 'Meldingen en mails',
		intro:
			'Je ziet al je meldingen op Meedoen bij het belletje bovenaan. Kies hier per soort of en hoe vaak we je daarover ook mailen. Elke mail heeft onderaan een link om die soort mails met één klik uit te zetten.',
		save: 'Bewaren',
		saved: 'Je keuzes zijn bewaard.',
		legend: '{kind}: hoe vaak wil je een mail?',
		kinds: {
			own: 'Mijn eigen bijdragen',
			following: 'Wat ik volg of steun',
			themes: 'Nieuws over mijn thema’s',
			invitations: 'Uitnodigingen',
			newsletters: 'Nieuwsbrieven van de gemeente',
			colleague: 'Wat ik als collega volg'
		},
		hints: {
			own: 'Je suggestie staat online, de gemeente antwoordt of kiest ze, iemand antwoordt op je reactie.',
			following:
				'Een suggestie die je steunt of volgt verandert, een actie die je volgt heeft nieuws, een activiteit waarvoor je bent ingeschreven verandert.',
			themes:
				'Nieuwe acties en oproepen over de thema’s die je koos in je profiel. Door hier iets anders dan “Nooit” te kiezen, geef je toestemming om je daarover te mailen.',
			invitations:
				'Uitnodigingen voor werkgroepen en actiedagen. Die krijg je alleen als je in de pool van klimaatmakers zit: dat kies je in je profiel.',
			newsletters:
				'De nieuwsbrief van je gemeente over klimaat. Door “Meteen” te kiezen geef je toestemming om je die te sturen; met “Nooit” trek je die toestemming in. Je kan dat altijd veranderen.',
			colleague:
				'Voor medewerkers van de gemeente: updates, beslissingen, verslagen en de logistiek van activiteiten bij de acties en thema’s die je in het beheer volgt als collega.'
		},
		frequencies: {
			immediate: 'Meteen',
			daily: 'Eén keer per dag (samenvatting)',
			weekly: 'Eén keer per week (samenvatting)',
			never: 'Nooit'
		},
		needsPool: 'Je zit nog niet in de pool van klimaatmakers, dus je krijgt geen uitnodigingen.',
		joinPool: 'Kom in de pool via je profiel',
		invalid: 'Kies een van de mogelijkheden.',
		inAppNote:
			'Wijzigingen aan activiteiten waarvoor je bent ingeschreven krijg je altijd per mail met een agenda-bijlage; hier staan ze alleen als melding.'
	},
	unsubscribe: {
		title: 'Mails uitzetten',
		question: 'Wil je geen mails meer over “{kind}”?',
		explain:
			'Klik op de knop om deze mails uit te zetten. Je meldingen op Meedoen blijven staan, en je kan dit altijd terugdraaien bij je voorkeuren.',
		button: 'Zet deze mails uit',
		done: 'Klaar: je krijgt geen mails meer over “{kind}”.',
		preferences: 'Naar je voorkeuren voor mails',
		invalidTitle: 'Deze link werkt niet',
		invalid:
			'Deze link om je af te melden is niet geldig: misschien is hij niet volledig gekopieerd. Meld je aan en kies bij je voorkeuren welke mails je wil krijgen.',
		gone: 'Deze link hoort bij een account dat niet meer bestaat. Je krijgt geen mails meer van ons.'
	},
	mail: {
		subjectOne: '{title}',
		subjectDaily: {
			one: 'Je dagelijkse samenvatting: {count} melding',
			other: 'Je dagelijkse samenvatting: {count} meldingen'
		},
		subjectWeekly: {
			one: 'Je wekelijkse samenvatting: {count} melding',
			other: 'Je wekelijkse samenvatting: {count} meldingen'
		},
		greeting: 'Dag {name},',
		introOne: 'Er is nieuws op Meedoen {municipality}:',
		introDigest: 'Dit gebeurde er sinds je vorige samenvatting:',
		open: 'Bekijk het op Meedoen',
		other: 'Andere meldingen',
		why: 'Je krijgt deze mail omdat je op Meedoen koos voor mails over “{kind}”.',
		preferences: 'Kies hoe vaak je mails krijgt',
		unsubscribe: 'Geen mails meer over “{kind}”',
		stopFollowing: 'Kies wat je als collega volgt bij {municipality}',
		footer: 'Meedoen is het participatieplatform van je gemeente.'
	}
};
