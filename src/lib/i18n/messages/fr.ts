import type { PartialCatalogue } from '../catalogue';
import { actions } from './fr/actions';

// French (fr-BE; people are addressed with « vous », as Belgian public services do): the whole core catalogue
// (what every page may show, nl.ts with actions), checked against Dutch by catalogues.test.ts. The sections
// loaded on demand (messages/nl/*.ts but actions: back office, profile, suggestions, poster) are not
// translated yet and fall back to Dutch.
const fr: PartialCatalogue = {
	app: {
		name: 'Meedoen',
		tagline: 'Agir ensemble pour le climat dans votre commune',
		skipToContent: 'Aller au contenu',
		mainNav: 'Menu principal',
		home: 'Page d’accueil',
		regionHome: 'Toutes les communes',
		footer: 'Meedoen est un logiciel libre de participation citoyenne pour les communes flamandes.',
		api: 'API (OpenAPI)',
		openData: 'Données ouvertes',
		notifications: 'Notifications',
		notificationsUnread: { one: '{count} nouvelle', other: '{count} nouvelles' },
		notificationsMany: 'plus de 99 nouvelles'
	},
	news: {
		feedTitle: 'Actualités de Meedoen {municipality}',
		feedSubtitle:
			'Ce qui se passe autour des actions climatiques à {municipality} : nouvelles, comptes rendus et lettres d’information.',
		actionFeedTitle: '{action} : actualités sur Meedoen {municipality}',
		actionFeedSubtitle: 'Les nouvelles et comptes rendus de cette action climatique.',
		link: 'Actualités en flux (Atom)'
	},
	search: {
		label: 'Rechercher sur Meedoen',
		labelIn: 'Rechercher à {name}',
		button: 'Rechercher',
		title: 'Recherche',
		titleFor: 'Recherche de « {q} »',
		scopeRegion: 'Dans toutes les communes participantes.',
		scopeMunicipality: 'À {name}.',
		widen: 'Rechercher dans toutes les communes',
		empty:
			'Tapez un mot à rechercher, par exemple « fiets » (vélo), « bomen » (arbres) ou « zonnepanelen » (panneaux solaires) : le contenu est en néerlandais. Vous trouverez des actions, des façons de participer, des suggestions et des communes. Une partie d’un mot suffit : « fiets » trouve aussi fietsroute et fietsenstalling.',
		count: { one: '{count} résultat', other: '{count} résultats' },
		none: 'Rien trouvé pour « {q} ». Essayez un autre mot ou un mot plus court, ou consultez toutes les actions.',
		notParticipating: '{name} ne participe pas encore : il n’y a encore rien à trouver ici.',
		kinds: {
			actions: 'Actions',
			opportunities: 'Façons de participer',
			events: 'Activités',
			suggestions: 'Suggestions',
			municipalities: 'Communes'
		},
		shown: 'Les {shown} premiers sur {total}.',
		allActions: {
			one: 'L’action dans la liste des actions',
			other: 'Les {count} actions dans la liste des actions'
		},
		partOf: 'Fait partie de : {title}',
		errors: {
			tooLong: 'Votre recherche est trop longue : utilisez au maximum {max} caractères.',
			noWords: 'Tapez au moins un mot avec des lettres ou des chiffres.'
		}
	},
	region: {
		title: 'Actions pour le climat en {region}',
		intro:
			'Dans {count} communes de la {region}, vous pouvez participer à des actions locales pour le climat : de la lecture d’une mise à jour jusqu’à la conduite d’un groupe citoyen.',
		participatingHeading: 'Communes participantes',
		notYetHeading: 'Communes qui ne participent pas (encore)',
		statsHeading: 'La région en chiffres',
		statParticipating: 'communes participent',
		statInhabitants: 'habitants peuvent participer',
		statThemes: 'thèmes climatiques',
		inhabitants: { one: '{count} habitant', other: '{count} habitants' },
		themesHeading: 'De quoi s’agit-il ?',
		ladderHeading: 'Combien de temps voulez-vous y consacrer ?',
		playbookHeading: 'Guide de la participation citoyenne',
		playbookIntro:
			'Comment mener un trajet participatif, étape par étape ? Le guide de la région est là pour chaque commune, même celles qui ne participent pas encore, et pour chaque thème politique.',
		playbookLink: 'Lire le guide'
	},
	municipality: {
		home: '{name}',
		welcome: 'Bienvenue sur Meedoen {name}',
		defaultIntro:
			'Vous trouverez ici toutes les actions pour le climat à {name} auxquelles vous pouvez participer, de la lecture d’une mise à jour jusqu’à la conduite de votre propre initiative.',
		logoAlt: 'Logo de {name}',
		themesHeading: 'Thèmes à {name}',
		ladderHeading: 'Combien de temps voulez-vous y consacrer ?',
		groupsLink: 'Groupes de citoyens avec leur propre budget de fonctionnement à {name}',
		climatePactLink:
			'Où en est {name} avec le Pacte climatique ? Arbres, jardins de façade, eau de pluie et plus',
		notParticipatingTitle: '{name} ne participe pas encore',
		notParticipatingBody:
			'{name} n’utilise pas encore Meedoen. Vous voulez quand même participer à des actions pour le climat près de chez vous ? Regardez alors les communes qui participent déjà.',
		notParticipatingCta: 'Voir les communes participantes',
		facts: 'La commune en chiffres',
		nisCode: 'Code INS',
		postcode: 'Code postal',
		inhabitants: 'Habitants'
	},
	ladder: {
		rung: 'Échelon {level}',
		inform: {
			name: 'Informer',
			plain: 'Simplement lire',
			description: 'Vous suivez l’actualité et restez informé.'
		},
		consult: {
			name: 'Consulter',
			plain: 'Donner votre avis',
			description: 'Vous donnez votre avis ou des suggestions ; la commune décide.'
		},
		advise: {
			name: 'Conseiller',
			plain: 'Réfléchir ensemble et conseiller',
			description:
				'Vous participez à la réflexion et vous conseillez ; la commune explique ce qu’elle en fait.'
		},
		coproduce: {
			name: 'Coproduire',
			plain: 'Se mettre au travail ensemble',
			description: 'Vous contribuez à fixer l’ordre du jour et partagez la responsabilité du résultat.'
		},
		codecide: {
			name: 'Codécider',
			plain: 'Décider ensemble',
			description: 'Vous décidez avec la commune.'
		},
		selfManage: {
			name: 'Autogestion',
			plain: 'Lancer quelque chose vous-même',
			description: 'Vous lancez et menez vous-même une initiative ; la commune vous soutient.'
		}
	},
	theme: {
		greening: 'Verdurisation et désimperméabilisation',
		renewableEnergy: 'Énergie renouvelable',
		renovation: 'Rénovation et économies d’énergie',
		mobility: 'Mobilité',
		water: 'Eau et adaptation au climat',
		circular: 'Économie circulaire et alimentation',
		werf: {
			renovation: 'Pacte climatique : rénovation',
			renewableEnergy: 'Pacte climatique : énergie renouvelable',
			mobility: 'Pacte climatique : mobilité',
			climateAdaptation: 'Pacte climatique : adaptation au climat et verdurisation'
		}
	},
	errors: {
		notFound: 'Page introuvable',
		notFoundBody:
			'Cette page n’existe pas (ou plus). Le lien est peut-être périmé ou l’adresse contient une faute de frappe.',
		unexpected: 'Une erreur s’est produite',
		unexpectedBody:
			'Une erreur s’est produite de notre côté. Réessayez dans un instant. Si le problème persiste, mentionnez ce code : {requestId}.',
		backHome: 'Retour à la page d’accueil',
		refused: 'Ce n’est pas possible',
		crossOrigin:
			'Cette demande vient d’un autre site ou d’une autre page que Meedoen et a été refusée. Ouvrez Meedoen lui-même et réessayez.',
		refusedBody: 'Retournez à la page précédente ou à la page d’accueil.',
		code: {
			not_found: 'Introuvable',
			validation: 'Tous les champs ne sont pas correctement remplis',
			unauthenticated: 'Vous devez être connecté',
			forbidden: 'Vous n’avez pas accès à ceci',
			conflict: 'Ceci entre en conflit avec une modification précédente',
			rate_limited: 'Trop de tentatives, réessayez plus tard',
			unavailable: 'Le service est temporairement indisponible',
			bad_request: 'Demande non valide'
		}
	},
	config: {
		invalid: 'La configuration n’est pas correcte, Meedoen ne démarre pas :',
		variable: '{name} : {problem}',
		number: 'nombre entier attendu entre {min} et {max}, reçu "{value}"',
		url: 'URL complète attendue (p. ex. {example}), reçu "{value}"',
		postgresUrl: 'URL PostgreSQL attendue (postgres://utilisateur@hôte:5432/base)',
		smtpUrl: 'URL SMTP attendue (smtp://utilisateur:motdepasse@hôte:587 ou smtps://…)',
		mailBounceDomain: 'nom de domaine attendu (p. ex. bounces.meedoen.geel.be), reçu "{value}"',
		mailRates:
			'commune=nombre par seconde attendu, séparés par des virgules (p. ex. geel=20,mol=5), reçu "{value}"',
		geolocationUrl:
			'URL du service de géolocalisation attendue, p. ex. https://geo.api.vlaanderen.be/geolocation/v4',
		oneOf: 'une valeur parmi {options} attendue, reçu "{value}"',
		boolean: '1, 0, true ou false attendu, reçu "{value}"',
		frameAncestors: "'none', 'self' ou une liste d’origines https séparées par des espaces attendu",
		requiredWith: 'est obligatoire avec {other}',
		rrnScope:
			'demande le numéro de registre national (rrn) ; Meedoen ne le demande ni ne le conserve jamais. Retirez ce scope, p. ex. OIDC_SCOPES="openid profile"',
		tileUrl:
			'none ou une URL https avec {z}, {x} et {y} attendu (p. ex. {example} ; http uniquement hors production), reçu "{value}"',
		dataDirInUse:
			'Le dossier de données {dataDir} est déjà utilisé par un autre serveur Meedoen (processus {pid}{host}). Deux serveurs sur un même dossier de données écrasent mutuellement leurs données : arrêtez d’abord ce processus, ou donnez à ce serveur son propre DATA_DIR.',
		originRequired:
			'est obligatoire en production : l’URL publique de la plateforme, p. ex. https://meedoen.geel.be (npm start définit http://localhost:PORT)'
	},
	backup: {
		written: 'Sauvegarde écrite : {file}',
		askedServer: 'Le serveur (processus {pid}) fait la sauvegarde sans s’arrêter…',
		serverSilent:
			'Le serveur (processus {pid}) n’a écrit aucune sauvegarde dans {folder} en {minutes} minutes. Consultez son journal.',
		otherHost:
			'Le dossier de données {dataDir} est utilisé par un serveur sur {host} : faites la sauvegarde sur cette machine.',
		noDatabase: 'Il n’y a pas de base de données à copier dans {dataDir} (DATA_DIR est-il correct ?).',
		noPgDump: 'Cette base de données ne fait pas de copie elle-même : utilisez pg_dump.',
		missingProgram:
			'{program} est absent : installez les programmes clients de PostgreSQL (Debian : postgresql-client).',
		programFailed: '{program} s’est arrêté avec le code {code} : {errors}',
		usageRestore: 'Utilisation : npm run restore -- <fichier> [--vervang]',
		notFound: 'Le fichier {file} n’existe pas.',
		occupied:
			'Il y a déjà une base de données dans {location}. Choisissez un dossier vide avec DATA_DIR, ou ajoutez --vervang : la base actuelle sera alors mise de côté (pas effacée).',
		restored: 'Restauré depuis {file} dans {target}.',
		movedAside: 'La base de données précédente se trouve maintenant dans {folder}.',
		failed: 'La sauvegarde ou la restauration a échoué : {message}'
	},
	auth: {
		login: 'Se connecter',
		logout: 'Se déconnecter',
		loginTitle: 'Se connecter à Meedoen',
		loginIntro:
			'Connectez-vous pour faire des suggestions, voter, réagir et vous inscrire. Vous pouvez toujours lire sans vous connecter.',
		withOidc: 'Se connecter avec {label}',
		oidcHelp: 'Avec votre eID, itsme ou une autre clé numérique du gouvernement flamand.',
		oidcUnavailable:
			'La connexion avec {label} n’est pas configurée sur cette plateforme. Utilisez un lien de connexion par e-mail.',
		orMail: 'Pas d’eID ni d’itsme ? Demandez un lien de connexion par e-mail.',
		emailLabel: 'Votre adresse e-mail',
		emailHint: 'Nous vous envoyons un lien valable {minutes} minutes, utilisable une seule fois.',
		sendLink: 'Envoyez-moi un lien de connexion',
		linkSentTitle: 'Consultez votre boîte mail',
		linkSent:
			'Nous avons envoyé un lien de connexion à {email}. Il est valable {minutes} minutes et ne fonctionne qu’une fois. Pas reçu de mail ? Regardez aussi dans vos courriers indésirables ou demandez un nouveau lien dans quelques minutes.',
		linkSentNoAddress:
			'Nous avons envoyé un lien de connexion à l’adresse que vous avez indiquée. Il est valable {minutes} minutes et ne fonctionne qu’une fois. Pas reçu de mail ? Regardez aussi dans vos courriers indésirables ou demandez un nouveau lien dans quelques minutes.',
		requestAnother: 'Demander un nouveau lien de connexion',
		linkConfirmTitle: 'Confirmer la connexion',
		linkConfirm: 'Cliquez sur le bouton pour vous connecter à Meedoen.',
		linkConfirmButton: 'Se connecter',
		loggedOutTitle: 'Vous êtes déconnecté',
		loggedOut: 'Vous êtes déconnecté de Meedoen. À la prochaine !',
		failedTitle: 'La connexion n’a pas réussi',
		tryAgain: 'Essayez de vous reconnecter',
		backHome: 'Retour à la page d’accueil',
		cancelled: 'Vous avez annulé la connexion. Rien n’a changé.',
		stateMismatch:
			'Cette connexion n’appartient pas à cette fenêtre de navigateur, ou elle a déjà été utilisée. Recommencez depuis la page de connexion.',
		expired: 'Cette connexion a expiré ou a déjà été utilisée. Recommencez depuis la page de connexion.',
		failed:
			'La connexion n’a pas pu être vérifiée. Rien n’a changé. Réessayez ; si cela échoue encore, contactez la commune.',
		locked: 'Ce compte est bloqué. Contactez votre commune si vous pensez que ce n’est pas correct.',
		linkExpired:
			'Ce lien de connexion n’est pas valable ou a expiré. N’hésitez pas à en demander un nouveau.',
		linkUsed: 'Ce lien de connexion a déjà été utilisé. N’hésitez pas à en demander un nouveau.',
		invalidEmail: 'Indiquez une adresse e-mail valable, par exemple nom@exemple.be.',
		rateLimited:
			'Vous avez déjà demandé plusieurs liens de connexion. Attendez un quart d’heure, puis réessayez.',
		defaultDisplayName: 'Participant',
		mail: {
			subject: 'Votre lien de connexion à Meedoen',
			body: 'Bonjour,\n\nCliquez sur ce lien pour vous connecter à Meedoen :\n\n{link}\n\nLe lien est valable {minutes} minutes et ne fonctionne qu’une fois. Vous n’avez pas demandé à vous connecter ? Vous pouvez ignorer ce mail.\n\nÀ bientôt sur Meedoen !'
		},
		profile: 'Mon profil',
		backoffice: 'Gestion',
		devIdpLabel: 'Mijn Burgerprofiel (environnement de test)'
	},
	pagination: {
		label: 'Pagination',
		previous: 'Page précédente',
		next: 'Page suivante',
		status: 'Page {page} sur {pages}'
	},
	statements: {
		privacyTitle: 'Déclaration de confidentialité de Meedoen {name}',
		accessibilityTitle: 'Déclaration d’accessibilité de Meedoen {name}',
		defaultNote:
			'Ceci est la déclaration par défaut de Meedoen. La commune peut la compléter ou la remplacer.',
		privacyLink: 'Vie privée',
		accessibilityLink: 'Accessibilité'
	},
	mail: {
		footer:
			'Vous recevez ce mail de Meedoen. Vous pouvez toujours modifier vos préférences de mail dans votre profil.'
	},
	actions,
	api: {
		title: 'API Meedoen',
		description:
			'Données ouvertes sur l’action climatique locale et la participation dans les communes flamandes.',
		session:
			'Le cookie de session que votre navigateur reçoit après la connexion à Meedoen. L’écriture n’est possible que depuis Meedoen lui-même : une demande avec une autre Origin (ou sans) est refusée avec 403.',
		readLimited: 'Trop de requêtes à l’API depuis cette adresse ; réessayez dans {seconds} secondes.',
		sync: {
			invalid: 'La synchronisation ne peut pas se faire ainsi : voyez les champs.',
			updatedSince:
				'Donnez updated_since comme moment ISO 8601 avec fuseau horaire, p. ex. 2026-03-01T08:00:00Z.',
			noFilters:
				'Avec updated_since, pas de filtre : vous recevez toujours toute la liste ; filtrez de votre côté.',
			cursor:
				'Ce curseur n’appartient pas à une synchronisation : passez le nextCursor de la page précédente tel quel.',
			limit: 'Donnez une limite de 1 à 100.'
		}
	}
};

export default fr;
