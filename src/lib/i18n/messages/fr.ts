import type { PartialCatalogue } from '../catalogue';

// French is prepared, not yet translated: every missing message falls back to Dutch.
const fr: PartialCatalogue = {
	app: { skipToContent: 'Aller au contenu' },
	actions: {
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
		}
	}
};

export default fr;
