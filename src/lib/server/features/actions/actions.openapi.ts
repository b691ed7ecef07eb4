import {
	cursorParameter,
	lastModifiedHeader,
	syncPageSchema,
	themeSlugSchema,
	updatedSinceParameter,
	type ApiContribution
} from '$lib/server/api/openapi';
import { ACTION_OWNER_KINDS, ACTION_STATUSES, OPPORTUNITY_KINDS } from '$lib/domain/actions';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import { API_LIMIT_DEFAULT, API_LIMIT_MAX, Q_MAX } from './actions.schemas';

const problem = { $ref: '#/components/responses/Problem' };
const nullableString = { type: ['string', 'null'] };
const nullableDate = { type: ['string', 'null'], format: 'date' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };

export const actionsApi: ApiContribution = {
	paths: {
		'/municipalities/{slug}/actions': {
			get: {
				operationId: 'listActions',
				summary: 'Gepubliceerde klimaatacties van een gemeente, nieuwste eerst',
				description:
					'Bladeren gaat met een cursor: geef de nextCursor van het vorige antwoord mee. Een gemeente die nog niet meedoet heeft geen acties.',
				tags: ['acties'],
				parameters: [
					{
						name: 'slug',
						in: 'path',
						required: true,
						description: 'Slug van de gemeente',
						schema: { ...themeSlugSchema, examples: ['geel'] }
					},
					{
						name: 'theme',
						in: 'query',
						description:
							'Slug van een thema. Een goedgevormde slug die geen thema noemt geeft een lege lijst; een slecht gevormde geeft 400.',
						schema: themeSlugSchema
					},
					{ name: 'status', in: 'query', schema: { type: 'string', enum: [...ACTION_STATUSES] } },
					{
						name: 'rung',
						in: 'query',
						description:
							'Trede van de participatieladder (1–6 of haar naam): acties met een kans op die trede',
						schema: {
							oneOf: [
								{ type: 'string', enum: [...LADDER_RUNGS] },
								{ type: 'string', pattern: '^[1-6]$' }
							]
						}
					},
					{
						name: 'q',
						in: 'query',
						description:
							'Zoekwoorden: elk woord moet voorkomen, ook als deel van een samengesteld woord of in het meervoud (fiets vindt fietsroute, boom vindt bomen); accenten maken niet uit',
						schema: { type: 'string', maxLength: Q_MAX }
					},
					updatedSinceParameter,
					cursorParameter,
					{
						name: 'limit',
						in: 'query',
						schema: { type: 'integer', minimum: 1, maximum: API_LIMIT_MAX, default: API_LIMIT_DEFAULT }
					}
				],
				responses: {
					'200': {
						description: 'Een pagina acties',
						content: {
							'application/json': {
								schema: {
									anyOf: [
										{
											type: 'object',
											required: ['data', 'nextCursor'],
											properties: {
												data: { type: 'array', items: { $ref: '#/components/schemas/Action' } },
												nextCursor: { type: ['string', 'null'] }
											}
										},
										syncPageSchema('#/components/schemas/Action')
									]
								}
							}
						}
					},
					'400': problem,
					'404': problem,
					default: problem
				}
			}
		},
		'/actions/{id}': {
			get: {
				operationId: 'getAction',
				summary: 'Eén gepubliceerde klimaatactie, met haar kansen om mee te doen',
				tags: ['acties'],
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
				responses: {
					'200': {
						description: 'De actie',
						headers: lastModifiedHeader,
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data'],
									properties: { data: { $ref: '#/components/schemas/ActionDetail' } }
								}
							}
						}
					},
					'404': problem,
					default: problem
				}
			}
		}
	},
	schemas: {
		Action: {
			type: 'object',
			required: [
				'id',
				'url',
				'api',
				'municipality',
				'title',
				'summary',
				'status',
				'themes',
				'rungs',
				'publishedAt',
				'updatedAt'
			],
			properties: {
				id: { type: 'integer' },
				url: { type: 'string', format: 'uri', description: 'De pagina van de actie' },
				municipality: { type: 'string', description: 'Slug van de gemeente' },
				title: { type: 'string' },
				summary: { type: 'string' },
				status: { type: 'string', enum: [...ACTION_STATUSES] },
				themes: {
					type: 'array',
					items: {
						type: 'object',
						required: ['slug', 'name'],
						properties: { slug: { type: 'string' }, name: { type: 'string' } }
					}
				},
				rungs: { type: 'array', items: { type: 'string', enum: [...LADDER_RUNGS] } },
				startsOn: nullableDate,
				endsOn: nullableDate,
				place: {
					type: ['object', 'null'],
					properties: {
						name: nullableString,
						lat: { type: ['number', 'null'] },
						lng: { type: ['number', 'null'] }
					}
				},
				image: {
					type: ['object', 'null'],
					properties: { url: { type: 'string', format: 'uri' }, alt: { type: 'string' } }
				},
				publishedAt: { type: 'string', format: 'date-time' },
				updatedAt: {
					type: 'string',
					format: 'date-time',
					description:
						'Laatste wijziging, ook van haar kansen en thema’s, of het moment van een geplande publicatie'
				},
				api: { type: 'string', format: 'uri', description: 'De actie in de API' }
			}
		},
		ActionDetail: {
			allOf: [
				{ $ref: '#/components/schemas/Action' },
				{
					type: 'object',
					required: ['body', 'decided', 'owner', 'links', 'opportunities'],
					properties: {
						body: { type: 'string', description: 'Markdown' },
						decided: { type: 'string', description: 'Markdown: wat is er al beslist' },
						owner: {
							type: 'object',
							properties: {
								kind: { type: 'string', enum: [...ACTION_OWNER_KINDS] },
								name: { type: 'string' }
							}
						},
						links: {
							type: 'array',
							items: {
								type: 'object',
								properties: { label: { type: 'string' }, url: { type: 'string', format: 'uri' } }
							}
						},
						opportunities: {
							type: 'array',
							items: {
								type: 'object',
								properties: {
									id: { type: 'integer' },
									title: { type: 'string' },
									rung: { type: 'string', enum: [...LADDER_RUNGS] },
									level: { type: 'integer', minimum: 1, maximum: 6 },
									kind: { type: 'string', enum: [...OPPORTUNITY_KINDS] },
									howTo: { type: 'string', description: 'Markdown' },
									opensAt: nullableDateTime,
									closesAt: nullableDateTime
								}
							}
						}
					}
				}
			]
		}
	}
};
