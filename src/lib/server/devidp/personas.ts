// The test people of the development identity provider: one per kind of user, so demos and tests can log
// in as a citizen, as staff of Geel or Mol, or at the level of the Kempen region.

export type PersonaRole =
	| {
			scope: 'municipality';
			municipalitySlug: string;
			role: 'moderator' | 'communication' | 'alderman' | 'admin' | 'colleague';
			/** A colleague's department. */
			department?: string;
	  }
	| {
			scope: 'region';
			regionSlug: 'kempen';
			role: 'regional_admin' | 'participation_expert';
			/** The municipalities (slugs) a participation expert coaches. */
			coaches?: readonly string[];
	  };

export interface Persona {
	/** Stable subject identifier, as ACM/IDM gives one per person. */
	sub: string;
	givenName: string;
	familyName: string;
	/**
	 * Absent when the identity provider passes no address, which ACM/IDM often does: the `email` claim is
	 * then left out of the tokens altogether (never sent as an empty string).
	 */
	email?: string;
	/**
	 * A national register number, which ACM/IDM sends when a client is allowed the rrn scope. No bundled persona
	 * has one; tests give one to a persona of their own to prove the platform never keeps it.
	 */
	rrn?: string;
	/** Dutch, shown on the picker. */
	description: string;
	/** The staff roles the platform is expected to grant this person; the tokens do not carry them. */
	roles: readonly PersonaRole[];
}

/** Frozen all the way down: module-level data that nothing can change. */
export const PERSONAS: readonly Persona[] = freeze([
	{
		sub: 'dev-citizen-geel',
		givenName: 'Lotte',
		familyName: 'Peeters',
		email: 'lotte.peeters@example.be',
		description: 'Inwoner van Geel, zonder rol in de gemeente.',
		roles: []
	},
	{
		sub: 'dev-citizen-mol',
		givenName: 'Jonas',
		familyName: 'Janssens',
		email: 'jonas.janssens@example.be',
		description: 'Inwoner van Mol, zonder rol in de gemeente.',
		roles: []
	},
	{
		sub: 'dev-citizen-olen',
		givenName: 'Marie',
		familyName: 'Maes',
		description: 'Inwoner van Olen. Mijn Burgerprofiel geeft voor haar geen e-mailadres door.',
		roles: []
	},
	{
		sub: 'dev-moderator-geel',
		givenName: 'Bart',
		familyName: 'Claes',
		email: 'bart.claes@example.be',
		description: 'Duurzaamheidsambtenaar van Geel: volgt en modereert de inbreng van inwoners.',
		roles: [{ scope: 'municipality', municipalitySlug: 'geel', role: 'moderator' }]
	},
	{
		sub: 'dev-communication-geel',
		givenName: 'Sofie',
		familyName: 'Wouters',
		email: 'sofie.wouters@example.be',
		description: 'Communicatiedienst van Geel: plant en verstuurt de communicatie over de acties.',
		roles: [{ scope: 'municipality', municipalitySlug: 'geel', role: 'communication' }]
	},
	{
		sub: 'dev-alderman-geel',
		givenName: 'Luc',
		familyName: 'Goossens',
		email: 'luc.goossens@example.be',
		description: 'Schepen van klimaat in Geel: wil altijd weten hoe het ervoor staat.',
		roles: [{ scope: 'municipality', municipalitySlug: 'geel', role: 'alderman' }]
	},
	{
		sub: 'dev-admin-geel',
		givenName: 'An',
		familyName: 'Willems',
		email: 'an.willems@example.be',
		description: 'Beheerder van het platform voor de gemeente Geel.',
		roles: [{ scope: 'municipality', municipalitySlug: 'geel', role: 'admin' }]
	},
	{
		sub: 'dev-colleague-geel',
		givenName: 'Hilde',
		familyName: 'Verachtert',
		email: 'hilde.verachtert@example.be',
		description:
			'Groendienst van Geel: volgt als collega de actie over ontharden en het thema water, en krijgt er de updates, beslissingen en logistiek van.',
		roles: [{ scope: 'municipality', municipalitySlug: 'geel', role: 'colleague', department: 'Groendienst' }]
	},
	{
		sub: 'dev-moderator-mol',
		givenName: 'Tom',
		familyName: 'Mertens',
		email: 'tom.mertens@example.be',
		description: 'Duurzaamheidsambtenaar van Mol: modereert de inbreng in Mol, niet die in Geel.',
		roles: [{ scope: 'municipality', municipalitySlug: 'mol', role: 'moderator' }]
	},
	{
		sub: 'dev-regional-admin-kempen',
		givenName: 'Els',
		familyName: 'Van den Broeck',
		email: 'els.vandenbroeck@example.be',
		description: 'Regiobeheerder bij IOK: vergelijkt en rapporteert over alle Kempense gemeenten.',
		roles: [{ scope: 'region', regionSlug: 'kempen', role: 'regional_admin' }]
	},
	{
		sub: 'dev-participation-expert-kempen',
		givenName: 'Pieter',
		familyName: 'De Smedt',
		email: 'pieter.desmedt@example.be',
		description:
			'Externe participatie-expert die Geel en Olen begeleidt: bereidt er de activiteiten en eerste werkgroepen voor.',
		roles: [
			{ scope: 'region', regionSlug: 'kempen', role: 'participation_expert', coaches: ['geel', 'olen'] }
		]
	}
]);

function freeze(personas: Persona[]): readonly Persona[] {
	return Object.freeze(
		personas.map((persona) =>
			Object.freeze({
				...persona,
				roles: Object.freeze(
					persona.roles.map((role) =>
						Object.freeze(
							role.scope === 'region' && role.coaches
								? { ...role, coaches: Object.freeze([...role.coaches]) }
								: role
						)
					)
				)
			})
		)
	);
}

export function findPersona(sub: string): Persona | undefined {
	return PERSONAS.find((persona) => persona.sub === sub);
}

const NUMBERED_SUB = /^dev-person-([1-9]\d{0,6})$/;

/**
 * The n-th numbered test citizen (DEV_IDP_PEOPLE): no role, a name and address of their own, so a load test
 * can log in a thousand distinct people through the real login, not one persona many times.
 */
export function numberedPersona(n: number): Persona {
	return Object.freeze({
		sub: `dev-person-${n}`,
		givenName: `Testpersoon ${n}`,
		familyName: 'Kempen',
		email: `testpersoon-${n}@example.be`,
		description: `Genummerde testpersoon ${n}: inwoner zonder rol, voor belastingtests.`,
		roles: Object.freeze([])
	});
}

/** The numbered test citizen with this subject, when it is one of the first `people`. */
export function findNumberedPersona(sub: string, people: number): Persona | undefined {
	const n = Number(NUMBERED_SUB.exec(sub)?.[1]);
	return n >= 1 && n <= people ? numberedPersona(n) : undefined;
}
