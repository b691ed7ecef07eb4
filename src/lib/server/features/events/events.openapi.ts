// The events' part of the OpenAPI document: a municipality's public events and one event.
import { cursorParameter, themeSlugSchema, type ApiContribution } from '$lib/server/api/openapi';
import { EVENT_KINDS, EVENT_STATUSES } from '$lib/domain/events';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import { EVENT_API_LIMIT_DEFAULT, EVENT_API_LIMIT_MAX } from './events.browse.schemas';

const problem = { $ref: '#/components/responses/Problem' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const day = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const publicStatuses = EVENT_STATUSES.filter((s) => s !== 'draft');

export const eventsApi: ApiContribution = {
	paths: {
		'/municipalities/{slug}/events': {
			get: {
				operationId: 'listEvents',
				summary: 'Activiteiten van een gemeente: komende (eerstvolgende eerst) of voorbije (recentste eerst)',
				description:
					'Werkgroepen, actiedagen, infoavonden en online sessies; een geannuleerde activiteit blijft in de lijst, met status cancelled. Bladeren gaat met een cursor: geef de nextCursor van het vorige antwoord mee, met dezelfde filters. Datums zijn dagen in Brusselse tijd; to telt mee. Een gemeente die nog niet meedoet heeft geen activiteiten.',
				tags: ['activiteiten'],
				parameters: [
					{
						name: 'slug',
						in: 'path',
						required: true,
						description: 'Slug van de gemeente',
						schema: { ...themeSlugSchema, examples: ['geel'] }
					},
					{
						name: 'when',
						in: 'query',
						description: 'Komende (en lopende) of voorbije activiteiten',
						schema: { type: 'string', enum: ['upcoming', 'past'], default: 'upcoming' }
					},
					{
						name: 'from',
						in: 'query',
						description: 'Activiteiten die op of na deze dag beginnen',
						schema: day
					},
					{
						name: 'to',
						in: 'query',
						description: 'Activiteiten die ten laatste op deze dag beginnen',
						schema: day
					},
					{
						name: 'theme',
						in: 'query',
						description: 'Slug van een thema van de actie waarbij de activiteit hoort',
						schema: themeSlugSchema
					},
					{ name: 'kind', in: 'query', schema: { type: 'string', enum: [...EVENT_KINDS] } },
					{
						name: 'action',
						in: 'query',
						description: 'Het nummer van een actie: alleen haar activiteiten',
						schema: { type: 'integer', minimum: 1, maximum: 2147483647 }
					},
					cursorParameter,
					{
						name: 'limit',
						in: 'query',
						schema: {
							type: 'integer',
							minimum: 1,
							maximum: EVENT_API_LIMIT_MAX,
							default: EVENT_API_LIMIT_DEFAULT
						}
					}
				],
				responses: {
					'200': {
						description: 'Een pagina activiteiten',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data', 'nextCursor'],
									properties: {
										data: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
										nextCursor: { type: ['string', 'null'] }
									}
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
		'/events/{id}': {
			get: {
				operationId: 'getEvent',
				summary: 'Eén activiteit van een gemeente die meedoet',
				tags: ['activiteiten'],
				parameters: [
					{
						name: 'id',
						in: 'path',
						required: true,
						schema: { type: 'integer', minimum: 1, maximum: 2147483647 }
					}
				],
				responses: {
					'200': {
						description: 'De activiteit',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data'],
									properties: { data: { $ref: '#/components/schemas/EventDetail' } }
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
		Event: {
			type: 'object',
			required: [
				'id',
				'url',
				'municipality',
				'kind',
				'rung',
				'level',
				'title',
				'status',
				'startsAt',
				'endsAt',
				'venue',
				'online',
				'capacity',
				'placesLeft',
				'registrationOpen',
				'action',
				'report',
				'calendarUrl'
			],
			properties: {
				id: { type: 'integer' },
				url: {
					type: 'string',
					format: 'uri',
					description: 'De pagina van de activiteit, met het inschrijfformulier'
				},
				municipality: { type: 'string', description: 'Slug van de gemeente' },
				kind: { type: 'string', enum: [...EVENT_KINDS] },
				rung: { type: 'string', enum: [...LADDER_RUNGS] },
				level: { type: 'integer', minimum: 1, maximum: 6 },
				title: { type: 'string' },
				status: { type: 'string', enum: publicStatuses },
				startsAt: { type: 'string', format: 'date-time' },
				endsAt: { type: 'string', format: 'date-time' },
				venue: {
					type: 'object',
					required: ['name', 'address', 'lat', 'lng', 'accessibility'],
					properties: {
						name: { type: 'string' },
						address: { type: 'string' },
						lat: { type: ['number', 'null'] },
						lng: { type: ['number', 'null'] },
						accessibility: { type: 'string', description: 'Hoe toegankelijk de plaats is' }
					}
				},
				online: {
					type: 'boolean',
					description: 'Of er online deelgenomen kan worden; de link krijgen alleen ingeschreven deelnemers'
				},
				whatToBring: { type: 'string' },
				organiser: { type: 'string' },
				capacity: { type: ['integer', 'null'], description: 'Aantal plaatsen; null zonder maximum' },
				placesLeft: { type: ['integer', 'null'] },
				registrationOpen: { type: 'boolean' },
				registrationDeadline: nullableDateTime,
				action: {
					type: ['object', 'null'],
					required: ['id', 'url', 'title'],
					properties: {
						id: { type: 'integer' },
						url: { type: 'string', format: 'uri' },
						title: { type: 'string' }
					}
				},
				report: {
					type: ['object', 'null'],
					description: 'Het verslag, zodra het gepubliceerd is',
					required: ['html', 'publishedAt'],
					properties: { html: { type: 'string' }, publishedAt: nullableDateTime }
				},
				calendarUrl: { type: 'string', format: 'uri', description: 'De activiteit als .ics-bestand' }
			}
		},
		EventDetail: {
			allOf: [
				{ $ref: '#/components/schemas/Event' },
				{
					type: 'object',
					required: ['descriptionHtml', 'waitlisted'],
					properties: {
						descriptionHtml: { type: 'string', description: 'HTML, opgeschoond' },
						waitlisted: { type: 'integer', minimum: 0 }
					}
				}
			]
		}
	}
};
