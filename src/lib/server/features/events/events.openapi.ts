// The events' part of the OpenAPI document: a municipality's public events, one event, and the calendar feeds
// (outside /api/v1, with a path-level server).
import {
	cursorParameter,
	lastModifiedHeader,
	syncPageSchema,
	themeSlugSchema,
	updatedSinceParameter,
	type ApiContribution
} from '$lib/server/api/openapi';
import { EVENT_KINDS, EVENT_STATUSES } from '$lib/domain/events';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import { EVENT_API_LIMIT_DEFAULT, EVENT_API_LIMIT_MAX } from './events.browse.schemas';
import { FEED_LIMIT, FEED_RECENT_DAYS, PERSONAL_FEED_LIMIT } from './events.calendar';

const problem = { $ref: '#/components/responses/Problem' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const day = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const publicStatuses = EVENT_STATUSES.filter((s) => s !== 'draft');

const ifNoneMatch = {
	name: 'If-None-Match',
	in: 'header',
	description: 'De ETag van een eerder antwoord: 304 zolang de agenda dezelfde is',
	schema: { type: 'string', maxLength: 200 }
};

/** A feed's answers: the calendar, not modified, or not found (as SvelteKit answers it: JSON or a page). */
function calendarResponses(description: string) {
	return {
		'200': {
			description,
			headers: { ETag: { schema: { type: 'string' } } },
			content: { 'text/calendar': { schema: { type: 'string' } } }
		},
		'304': { description: 'Niet veranderd sinds de ETag in If-None-Match' },
		'404': {
			description: 'Geen gemeente die meedoet met deze slug, of een link die niet (meer) werkt',
			content: {
				'application/json': {
					schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } }
				},
				'text/html': { schema: { type: 'string' } }
			}
		}
	};
}

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
					updatedSinceParameter,
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
									anyOf: [
										{
											type: 'object',
											required: ['data', 'nextCursor'],
											properties: {
												data: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
												nextCursor: { type: ['string', 'null'] }
											}
										},
										syncPageSchema('#/components/schemas/Event')
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
		// The calendar feeds live at the site's root, not under /api/v1: a path-level server says so (relative,
		// made absolute with the site's origin by buildOpenApiDocument).
		'/{slug}/activiteiten.ics': {
			servers: [{ url: '/', description: 'De site zelf, buiten /api/v1' }],
			get: {
				operationId: 'getMunicipalityCalendar',
				summary: 'De activiteiten van een gemeente als agenda om op te abonneren (iCalendar)',
				description: `De gepubliceerde activiteiten van de gemeente, komende en van de laatste ${FEED_RECENT_DAYS} dagen (geannuleerde gemarkeerd; hoogstens de ${FEED_LIMIT} eerstvolgende), met tijden in Europe/Brussels. Een agenda-app die de ETag meestuurt in If-None-Match krijgt 304 zolang er niets veranderde.`,
				tags: ['activiteiten'],
				parameters: [
					{
						name: 'slug',
						in: 'path',
						required: true,
						description: 'Slug van de gemeente',
						schema: { ...themeSlugSchema, examples: ['geel'] }
					},
					ifNoneMatch
				],
				responses: calendarResponses('De agenda van de gemeente')
			}
		},
		'/agenda/{token}.ics': {
			servers: [{ url: '/', description: 'De site zelf, buiten /api/v1' }],
			get: {
				operationId: 'getPersonalCalendar',
				summary: 'De eigen activiteiten van een persoon als agenda (iCalendar), achter een geheime link',
				description: `Waarvoor de persoon ingeschreven is of op de wachtlijst staat (gemarkeerd), hoogstens ${PERSONAL_FEED_LIMIT}. De link staat op /profiel/agenda; een nieuwe link vervangt de oude, die dan 404 geeft. Geen aanmelding nodig: de link is de sleutel.`,
				tags: ['activiteiten'],
				parameters: [
					{
						name: 'token',
						in: 'path',
						required: true,
						description: 'Het geheim uit de link op /profiel/agenda',
						schema: { type: 'string', maxLength: 200 }
					},
					ifNoneMatch
				],
				responses: calendarResponses('De eigen agenda')
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
						headers: lastModifiedHeader,
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
				'calendarUrl',
				'updatedAt',
				'api'
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
				calendarUrl: { type: 'string', format: 'uri', description: 'De activiteit als .ics-bestand' },
				updatedAt: {
					type: 'string',
					format: 'date-time',
					description:
						'Laatste wijziging, ook door een inschrijving (placesLeft), of het moment waarop de inschrijving sloot (registrationOpen)'
				},
				api: { type: 'string', format: 'uri', description: 'De activiteit in de API' }
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
