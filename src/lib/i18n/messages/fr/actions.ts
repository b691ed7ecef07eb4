// French texts of the public climate-action pages (see messages/nl/actions.ts).
import type { PartialCatalogue } from '../../catalogue';

export const actions: NonNullable<PartialCatalogue['actions']> = {
	title: 'Actions pour le climat à {name}',
	regionTitle: 'Actions pour le climat dans la région',
	intro:
		'Toutes les actions pour le climat à {name} auxquelles vous pouvez participer. Recherchez, ou filtrez par thème, état d’avancement et temps que vous voulez y consacrer.',
	regionIntro:
		'Toutes les actions pour le climat des communes participantes. Recherchez, ou filtrez par commune, thème, état d’avancement et temps que vous voulez y consacrer.',
	status: {
		idea: 'Idée',
		planned: 'Prévue',
		inProgress: 'En cours',
		done: 'Terminée',
		stopped: 'Arrêtée'
	},
	ownerKind: {
		department: 'Service communal',
		citizenGroup: 'Groupe citoyen',
		partner: 'Organisation partenaire'
	},
	kind: {
		readUpdates: 'Lire les mises à jour',
		mapSuggestions: 'Suggestions sur la carte',
		vote: 'Voter',
		survey: 'Enquête',
		workingGroup: 'Groupe de travail',
		actionDay: 'Journée d’action',
		volunteer: 'Bénévolat',
		citizenGroup: 'Lancer ou rejoindre un groupe citoyen'
	},
	filters: {
		heading: 'Rechercher et filtrer',
		q: 'Rechercher dans les actions',
		qHint:
			'Par exemple : fiets (vélo), bomen (arbres) ou zonnepanelen (panneaux solaires). Une partie d’un mot suffit : « fiets » trouve aussi fietsroute.',
		theme: 'Thème',
		allThemes: 'Tous les thèmes',
		status: 'État d’avancement',
		allStatuses: 'Tous',
		rung: 'Combien de temps voulez-vous y consacrer ?',
		allRungs: 'Peu importe',
		rungOption: '{name}',
		municipality: 'Commune',
		allMunicipalities: 'Toutes les communes',
		submit: 'Afficher les actions',
		reset: 'Effacer tous les filtres'
	},
	results: {
		count: { one: '{count} action trouvée', other: '{count} actions trouvées' },
		empty: 'Aucune action trouvée.',
		emptyFiltered:
			'Aucune action ne correspond à votre recherche. Essayez un autre mot ou effacez les filtres.',
		emptyAll: 'Aucune action pour le climat n’a encore été publiée ici. Revenez bientôt !',
		listLabel: 'Actions pour le climat',
		pageOf: 'Page {page} sur {pages}'
	},
	card: {
		themes: 'Thèmes',
		rungs: 'Comment participer',
		municipality: 'Commune',
		status: 'État d’avancement'
	},
	page: {
		statusLabel: 'État d’avancement',
		themes: 'Thèmes',
		what: 'De quoi s’agit-il ?',
		owner: 'Qui mène l’action ?',
		when: 'Quand ?',
		where: 'Où ?',
		from: 'À partir du {date}',
		until: 'Jusqu’au {date}',
		between: 'Du {from} au {to}',
		coordinates: 'Coordonnées : {lat}, {lng}',
		coordinatesLink: 'Voir les actions à {name}',
		opportunities: 'Comment participer',
		noOpportunities:
			'Il n’y a pour l’instant aucune façon de participer. Suivez l’action pour rester informé.',
		rungLabel: 'Qu’est-ce que cela vous demande ?',
		rung: '{name}',
		kind: 'Type',
		window: 'Quand',
		openNow: 'Ouvert maintenant',
		openUntil: 'Ouvert jusqu’au {date}',
		openFrom: 'Ouvert à partir du {date}',
		openBetween: 'Ouvert du {from} au {to}',
		alwaysOpen: 'Toujours ouvert',
		onDay: 'Le {date}',
		closed: 'Clôturé',
		runsUntil: 'Se déroule jusqu’au {date}',
		runsOpenEnded: 'Sans date de fin',
		offline:
			'L’inscription via Meedoen n’est pas encore possible ici. Vous lisez ci-dessus comment participer ; suivez l’action pour lire les nouvelles.',
		howTo: 'Comment participer',
		updates: 'Nouvelles',
		shareStory: 'Votre quartier a agi pour cette action ? Partagez votre histoire',
		noUpdates: 'Pas encore de nouvelles sur cette action.',
		updateMeta: '{date} · {author}',
		decided: 'Qu’est-ce qui a déjà été décidé ?',
		links: 'En savoir plus',
		back: 'Toutes les actions à {name}',
		image: 'Image',
		followers: { one: '{count} abonné', other: '{count} abonnés' },
		poster: 'Imprimer une affiche (PDF)',
		opportunityPoster: 'Affiche pour cette opportunité',
		opportunityPosterLabel: 'Affiche pour cette opportunité : {title} (PDF)',
		suggestions: 'Voir et soutenir les suggestions',
		suggestionsLabel: 'Voir et soutenir les suggestions : {title}'
	},
	progress: {
		heading: 'Où en est cette action ?',
		phases: 'Les phases de l’action',
		past: 'passée',
		current: 'nous en sommes ici',
		future: 'pas encore',
		compact: 'Phase {index} sur {count}',
		decided: 'Qu’est-ce qui a été décidé ?',
		decidedMore: 'Lire tout ce qui a été décidé',
		decidedNone: 'Rien n’a encore été décidé.',
		latest: 'Dernières nouvelles',
		latestNone: 'Pas encore de nouvelles.',
		next: 'Et ensuite ?',
		openUntil: 'Ouvert maintenant, jusqu’au {date}',
		openNow: 'Ouvert maintenant',
		opensOn: 'Ouvre le {date}',
		onDay: 'Le {date}',
		none: 'Aucune étape suivante n’est encore prévue. Suivez l’action pour savoir quand il y en aura une.',
		done: 'Cette action est terminée.',
		stopped: 'Cette action a été arrêtée.'
	},
	follow: {
		heading: 'Rester informé',
		intro:
			'Suivez cette action pour la garder à l’œil. Nous n’envoyons pas encore ses nouvelles par mail : elles se trouvent ici, avec les mises à jour.',
		follow: 'Suivre cette action',
		unfollow: 'Ne plus suivre',
		following: 'Vous suivez cette action.',
		followed:
			'Vous suivez maintenant cette action. Vous la retrouvez sous « Mon activité » dans votre profil ; ses nouvelles se trouvent ici, avec les mises à jour. Nous n’envoyons pas encore de mails.',
		unfollowed: 'Vous ne suivez plus cette action.',
		login: 'Connectez-vous pour suivre cette action',
		intent: 'Vous vouliez suivre cette action. Confirmez :',
		loginHint: 'Vous vous connectez d’abord ; ensuite vous confirmez en un clic.'
	},
	share: {
		heading: 'Partager',
		facebook: 'Partager sur Facebook',
		whatsapp: 'Partager via WhatsApp',
		email: 'Partager par e-mail',
		copy: 'Copier le lien',
		copied: 'Le lien a été copié.',
		copyFailed: 'La copie n’a pas fonctionné. Sélectionnez le lien et copiez-le vous-même.',
		linkLabel: 'Lien vers cette action',
		emailSubject: 'Action pour le climat : {title}',
		emailBody: 'Je pense que ceci pourrait vous intéresser : {title}\n\n{url}',
		whatsappText: '{title} {url}',
		newWindow: '(s’ouvre dans une nouvelle fenêtre)'
	},
	map: {
		label: 'Sur la carte',
		coordinates: 'Coordonnées : {lat}, {lng}',
		attribution: 'Fond de carte : {attribution}',
		unavailable: 'Le fond de carte n’est pas disponible'
	},
	home: {
		heading: 'Actions pour le climat à {name}',
		regionHeading: 'Que se passe-t-il dans la région ?',
		all: 'Toutes les actions à {name}',
		regionAll: 'Toutes les actions de la région',
		none: 'Aucune action pour le climat n’a encore été publiée.'
	},
	nextStep: {
		label: '{step} : {title}',
		suggest: 'Vers la carte : proposez un endroit',
		vote: 'Vers la carte : soutenez des endroits',
		follow: 'Suivre cette action',
		register: 'Inscrivez-vous',
		join: 'Rejoignez le groupe'
	},
	ladder: {
		heading: 'Combien de temps voulez-vous y consacrer ?',
		intro:
			'De la simple lecture au lancement de votre propre projet : choisissez ce qui vous convient et voyez ce qui est ouvert maintenant.',
		link: '{name}',
		open: { one: '{count} opportunité ouverte', other: '{count} opportunités ouvertes' },
		pageTitle: '{name}',
		pageIntro: 'Vous voyez ci-dessous ce qui est ouvert maintenant.',
		chooseRung: 'Choisissez combien de temps vous voulez y consacrer',
		current: 'choisi',
		empty:
			'Rien n’est ouvert ici pour le moment. Choisissez une autre façon de participer, ou suivez une action.',
		count: { one: '{count} occasion de participer', other: '{count} occasions de participer' },
		closes: 'Se clôture le {date}',
		openEnded: 'Sans date de fin',
		ofAction: 'Fait partie de l’action'
	},
	api: {
		invalid: 'Paramètres de recherche non valides',
		theme: 'Indiquez un thème sous forme de slug, par exemple vergroening-en-ontharding.',
		status: 'Choisissez un statut : idea, planned, inProgress, done ou stopped.',
		rung: 'Choisissez un échelon : 1 à 6, ou inform, consult, advise, coproduce, codecide, selfManage.',
		q: 'Le terme de recherche peut compter au maximum 200 caractères.',
		cursor: 'Ce curseur n’est pas valable. Utilisez le nextCursor d’une réponse précédente.',
		limit: 'La limite est un nombre entier de 1 à 100.'
	}
};
