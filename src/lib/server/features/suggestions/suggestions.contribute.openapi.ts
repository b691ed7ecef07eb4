// OpenAPI paths of one suggestion and of contributing: reading a suggestion, adding one, voting.
import { lastModifiedHeader, type ApiContribution } from '$lib/server/api/openapi';
import { STORY_KINDS, SUGGESTION_LIMITS, SUGGESTION_STATUSES } from '$lib/domain/suggestions';

const problem = { $ref: '#/components/responses/Problem' };
const nullableString = { type: ['string', 'null'] };
const idParam = (description: string) => ({
	name: 'id',
	in: 'path',
	required: true,
	description,
	schema: { type: 'integer', minimum: 1 }
});
const SESSION =
	'Vraagt een sessie: de cookie `meedoen_session` die je krijgt na het aanmelden. Verzoeken van een andere website worden geweigerd (geen CORS).';

/** Voting says everything in its address: no body, or an empty JSON object. */
const emptyBody = {
	required: false,
	content: {
		'application/json': { schema: { type: 'object', additionalProperties: false, maxProperties: 0 } }
	}
};

const voteResponse = {
	description: 'De steun na de wijziging; dubbel steunen of intrekken verandert niets (idempotent)',
	content: { 'application/json': { schema: { $ref: '#/components/schemas/VoteResult' } } }
};

// The list of an opportunity's suggestions (GET) is described by the reading side; this adds POST to the path.
const OPPORTUNITY_SUGGESTIONS = '/opportunities/{id}/suggestions';

export const suggestionsContributeApi: ApiContribution = {
	paths: {
		[OPPORTUNITY_SUGGESTIONS]: {
			post: {
				operationId: 'createSuggestion',
				summary: 'Een suggestie toevoegen aan een kans van het soort "suggesties op de kaart"',
				description: `${SESSION} Alleen \`application/json\`; een foto kan alleen via de website. Bij voormoderatie wacht de suggestie op goedkeuring (status submitted) en is ze nog niet openbaar.`,
				tags: ['suggesties'],
				parameters: [idParam('Id van de kans')],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['title', 'body'],
								properties: {
									title: { type: 'string', minLength: 1, maxLength: SUGGESTION_LIMITS.titleMax },
									body: {
										type: 'string',
										minLength: 1,
										maxLength: SUGGESTION_LIMITS.bodyMax,
										description: `Tekst of Markdown, hoogstens ${SUGGESTION_LIMITS.linksMax} links`
									},
									placeName: { type: 'string', maxLength: SUGGESTION_LIMITS.placeNameMax },
									lat: { type: 'number', description: 'WGS84, binnen Vlaanderen en de gemeente' },
									lng: { type: 'number', description: 'WGS84, samen met lat' },
									theme: { type: 'string', description: 'Id of slug van een thema van de gemeente' }
								}
							}
						}
					}
				},
				responses: {
					'201': {
						description: 'Toegevoegd',
						headers: { Location: { schema: { type: 'string' } } },
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data'],
									properties: {
										data: {
											type: 'object',
											required: ['id', 'status', 'url'],
											properties: {
												id: { type: 'integer' },
												status: { type: 'string', enum: ['submitted', 'published'] },
												url: { type: 'string', format: 'uri' }
											}
										}
									}
								}
							}
						}
					},
					'400': problem,
					'401': problem,
					'403': problem,
					'404': problem,
					'409': problem,
					'415': problem,
					'422': problem,
					'429': problem,
					default: problem
				}
			}
		},
		'/suggestions/{id}': {
			get: {
				operationId: 'getSuggestion',
				summary: 'Eén openbare suggestie, met haar verhaal en het antwoord van de gemeente',
				tags: ['suggesties'],
				parameters: [idParam('Id van de suggestie')],
				responses: {
					'200': {
						description: 'De suggestie',
						headers: lastModifiedHeader,
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data'],
									properties: { data: { $ref: '#/components/schemas/SuggestionDetail' } }
								}
							}
						}
					},
					'404': problem,
					default: problem
				}
			}
		},
		'/suggestions/{id}/vote': {
			put: {
				operationId: 'voteSuggestion',
				summary: 'Een suggestie steunen',
				description: `${SESSION} Zonder body of met een leeg JSON-object; een andere body wordt geweigerd (400). Eén steun per persoon; een kans kan het aantal gesteunde suggesties per persoon beperken (409 als dat bereikt is), en steunen kan gesloten zijn (409).`,
				tags: ['suggesties'],
				parameters: [idParam('Id van de suggestie')],
				requestBody: emptyBody,
				responses: {
					'200': voteResponse,
					'400': problem,
					'401': problem,
					'403': problem,
					'404': problem,
					'409': problem,
					'415': problem,
					'429': problem,
					default: problem
				}
			},
			delete: {
				operationId: 'unvoteSuggestion',
				summary: 'Je steun voor een suggestie intrekken',
				description: `${SESSION} Zonder body of met een leeg JSON-object; een andere body wordt geweigerd (400).`,
				tags: ['suggesties'],
				parameters: [idParam('Id van de suggestie')],
				requestBody: emptyBody,
				responses: {
					'200': voteResponse,
					'400': problem,
					'401': problem,
					'403': problem,
					'404': problem,
					'409': problem,
					'415': problem,
					'429': problem,
					default: problem
				}
			}
		}
	},
	schemas: {
		VoteResult: {
			type: 'object',
			required: ['voted', 'voteCount', 'remaining'],
			properties: {
				voted: { type: 'boolean' },
				voteCount: { type: 'integer', minimum: 0 },
				remaining: {
					type: ['integer', 'null'],
					description: 'Hoeveel suggesties van deze kans je nog kan steunen; null zonder limiet'
				}
			}
		},
		SuggestionDetail: {
			type: 'object',
			required: [
				'id',
				'opportunityId',
				'title',
				'body',
				'status',
				'place',
				'votes',
				'comments',
				'story',
				'updatedAt',
				'url',
				'api'
			],
			properties: {
				id: { type: 'integer' },
				opportunityId: { type: 'integer' },
				title: { type: 'string' },
				body: { type: 'string', description: 'Markdown zoals ingediend' },
				status: { type: 'string', enum: [...SUGGESTION_STATUSES] },
				place: {
					type: 'object',
					properties: {
						name: nullableString,
						lat: { type: ['number', 'null'] },
						lng: { type: ['number', 'null'] }
					}
				},
				votes: { type: 'integer' },
				comments: { type: 'integer', description: 'Goedgekeurde reacties' },
				answer: {
					type: ['object', 'null'],
					properties: {
						text: { type: 'string', description: 'Markdown' },
						answeredAt: { type: ['string', 'null'], format: 'date-time' }
					}
				},
				story: {
					type: 'array',
					items: {
						type: 'object',
						required: ['kind', 'at'],
						properties: {
							kind: { type: 'string', enum: [...STORY_KINDS] },
							status: { type: ['string', 'null'], enum: [...SUGGESTION_STATUSES, null] },
							reason: { type: 'string' },
							at: { type: 'string', format: 'date-time' }
						}
					}
				},
				publishedAt: { type: ['string', 'null'], format: 'date-time' },
				updatedAt: {
					type: 'string',
					format: 'date-time',
					description: 'Laatste wijziging (ook Last-Modified)'
				},
				url: { type: 'string', format: 'uri', description: 'De pagina van de suggestie' },
				api: { type: 'string', format: 'uri', description: 'De suggestie in de API' }
			}
		}
	}
};
