// OpenAPI paths of the public reading side of suggestions: lists, GeoJSON and clusters of an opportunity.
import {
	cursorParameter,
	syncPageSchema,
	themeSlugSchema,
	updatedSinceParameter,
	type ApiContribution
} from '$lib/server/api/openapi';
import { DECISION_STATUSES, MAP_MAX_ZOOM, SUGGESTION_STATUSES } from '$lib/domain/suggestions';
import {
	API_LIMIT_DEFAULT,
	API_LIMIT_MAX,
	CLUSTER_CELL_PX,
	CLUSTER_CELLS_MAX,
	CLUSTER_GRID_MAX,
	CLUSTER_MEMBERS_MAX,
	CLUSTER_MEMBERS_TOTAL,
	GEOJSON_MAX,
	TEXT_MAX,
	ZOOM_MAX
} from './suggestions.browse.schemas';

const problem = { $ref: '#/components/responses/Problem' };
const nullableString = { type: ['string', 'null'] };
const opportunityId = {
	name: 'id',
	in: 'path',
	required: true,
	description: 'Id van een kans van het soort mapSuggestions',
	schema: { type: 'integer', minimum: 1 }
};
const theme = {
	name: 'theme',
	in: 'query',
	description:
		'Slug van een thema van de gemeente. Een goedgevormde slug die geen thema noemt geeft een lege lijst; een slecht gevormde geeft 400.',
	schema: themeSlugSchema
};
/** Four decimal numbers separated by commas, as the server reads them. */
const BBOX_PATTERN = '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$';
const bboxSchema = {
	type: 'string',
	maxLength: 200,
	pattern: BBOX_PATTERN,
	examples: ['4.8,51.05,5.15,51.3']
};
const status = { name: 'status', in: 'query', schema: { type: 'string', enum: [...DECISION_STATUSES] } };
const bboxDescription =
	'Zichtbaar gebied als minLng,minLat,maxLng,maxLat (WGS84, graden): vier eindige getallen binnen −180..180 en −90..90, minimum kleiner dan maximum';
const location = {
	type: ['object', 'null'],
	required: ['lat', 'lng'],
	properties: { lat: { type: 'number' }, lng: { type: 'number' } }
};

export const suggestionsApi: ApiContribution = {
	paths: {
		'/opportunities/{id}/suggestions': {
			get: {
				operationId: 'listSuggestions',
				summary: 'Openbare suggesties van een kans, meeste steun of nieuwste eerst',
				description:
					'Alleen goedgekeurde, niet samengevoegde suggesties van een openbare kans van een deelnemende gemeente. Bladeren gaat met een cursor: geef de nextCursor van het vorige antwoord mee, met dezelfde sortering (ook bij gelijke aantallen steunen geen dubbels of gaten).',
				tags: ['suggesties'],
				parameters: [
					opportunityId,
					theme,
					status,
					{
						name: 'sort',
						in: 'query',
						schema: { type: 'string', enum: ['votes', 'newest'], default: 'votes' }
					},
					{
						name: 'q',
						in: 'query',
						description: 'Zoekterm (Nederlandse volledige-tekstzoekopdracht in titel en beschrijving)',
						schema: { type: 'string', maxLength: TEXT_MAX }
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
						description: 'Een pagina suggesties',
						content: {
							'application/json': {
								schema: {
									anyOf: [
										{
											type: 'object',
											required: ['data', 'nextCursor'],
											properties: {
												data: { type: 'array', items: { $ref: '#/components/schemas/SuggestionListItem' } },
												nextCursor: { type: ['string', 'null'] }
											}
										},
										syncPageSchema('#/components/schemas/SuggestionListItem')
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
		'/opportunities/{id}/suggestions.geojson': {
			get: {
				operationId: 'suggestionsGeoJson',
				summary: 'Openbare suggesties met een plaats, als GeoJSON',
				description: `Een FeatureCollection van Point-features (lengte, breedte), meeste steun eerst. Hoogstens ${GEOJSON_MAX} features per antwoord; truncated zegt of er meer waren: vraag dan per gebied met bbox=. Suggesties zonder plaats staan alleen in de lijst.`,
				tags: ['suggesties'],
				parameters: [
					opportunityId,
					{
						name: 'bbox',
						in: 'query',
						description: bboxDescription,
						schema: bboxSchema
					},
					theme,
					status
				],
				responses: {
					'200': {
						description: 'De suggesties als GeoJSON',
						content: {
							'application/geo+json': {
								schema: { $ref: '#/components/schemas/SuggestionFeatureCollection' }
							}
						}
					},
					'400': problem,
					'404': problem,
					default: problem
				}
			}
		},
		'/opportunities/{id}/clusters': {
			get: {
				operationId: 'suggestionClusters',
				summary: 'Suggesties in het zichtbare gebied, gegroepeerd voor een kaart',
				description: `Groepeert de openbare suggesties in bbox op een raster van ongeveer ${CLUSTER_CELL_PX} pixels bij het gevraagde zoomniveau (tegels van 256 pixels, Web Mercator); het raster ligt vast, zodat groepen niet verspringen bij het verschuiven. Een vak breder dan ${CLUSTER_GRID_MAX} cellen krijgt grovere cellen. Een cel met één suggestie komt als punt met haar gegevens; een cel met meer als groep met het aantal en het zwaartepunt, en vanaf zoomniveau ${MAP_MAX_ZOOM} ook met haar suggesties (members). Hoogstens ${CLUSTER_CELLS_MAX} cellen per antwoord (de volste eerst); truncated zegt of er meer waren, total telt alle suggesties in het gebied. Zo blijft een antwoord klein, ook bij tienduizenden suggesties.`,
				tags: ['suggesties'],
				parameters: [
					opportunityId,
					{
						name: 'bbox',
						in: 'query',
						required: true,
						description: bboxDescription,
						schema: bboxSchema
					},
					{
						name: 'zoom',
						in: 'query',
						required: true,
						schema: { type: 'integer', minimum: 0, maximum: ZOOM_MAX, examples: [13] }
					},
					theme,
					status
				],
				responses: {
					'200': {
						description: 'Groepen en punten',
						content: {
							'application/json': { schema: { $ref: '#/components/schemas/SuggestionClusters' } }
						}
					},
					'400': problem,
					'404': problem,
					default: problem
				}
			}
		}
	},
	schemas: {
		SuggestionListItem: {
			type: 'object',
			required: [
				'id',
				'title',
				'status',
				'votes',
				'comments',
				'placeName',
				'location',
				'theme',
				'publishedAt',
				'updatedAt',
				'url',
				'api'
			],
			properties: {
				id: { type: 'integer' },
				title: { type: 'string' },
				status: { type: 'string', enum: [...SUGGESTION_STATUSES] },
				votes: { type: 'integer', description: 'Aantal steunen (exact)' },
				comments: { type: 'integer', description: 'Aantal openbare reacties' },
				placeName: nullableString,
				location: { ...location, description: 'null: nog niet op de kaart' },
				theme: { ...nullableString, description: 'Slug van het thema' },
				publishedAt: { type: 'string', format: 'date-time' },
				updatedAt: {
					type: 'string',
					format: 'date-time',
					description: 'Laatste wijziging: ook een steun, een reactie, moderatie of een stap in haar verhaal'
				},
				url: { type: 'string', format: 'uri', description: 'De pagina van de suggestie' },
				api: { type: 'string', format: 'uri', description: 'De suggestie in de API' }
			}
		},
		SuggestionFeatureCollection: {
			type: 'object',
			required: ['type', 'features', 'truncated'],
			properties: {
				type: { const: 'FeatureCollection' },
				truncated: { type: 'boolean' },
				features: {
					type: 'array',
					maxItems: GEOJSON_MAX,
					items: {
						type: 'object',
						required: ['type', 'id', 'geometry', 'properties'],
						properties: {
							type: { const: 'Feature' },
							id: { type: 'integer' },
							geometry: {
								type: 'object',
								required: ['type', 'coordinates'],
								properties: {
									type: { const: 'Point' },
									coordinates: {
										type: 'array',
										minItems: 2,
										maxItems: 2,
										items: { type: 'number' },
										description: '[lengte, breedte] (RFC 7946)'
									}
								}
							},
							properties: {
								type: 'object',
								required: ['id', 'title', 'status', 'votes', 'comments', 'placeName', 'url'],
								properties: {
									id: { type: 'integer' },
									title: { type: 'string' },
									status: { type: 'string', enum: [...SUGGESTION_STATUSES] },
									votes: { type: 'integer' },
									comments: { type: 'integer' },
									placeName: nullableString,
									url: { type: 'string', format: 'uri' }
								}
							}
						}
					}
				}
			}
		},
		SuggestionClusters: {
			type: 'object',
			required: ['zoom', 'cellSize', 'total', 'truncated', 'data'],
			properties: {
				zoom: { type: 'integer' },
				cellSize: { type: 'number', description: 'Celgrootte in Web Mercator-eenheden (de wereld is 1)' },
				total: { type: 'integer', description: 'Openbare suggesties met een plaats in het gebied' },
				truncated: { type: 'boolean' },
				data: {
					type: 'array',
					maxItems: CLUSTER_CELLS_MAX,
					items: {
						oneOf: [
							{
								type: 'object',
								required: ['type', 'count', 'lat', 'lng'],
								properties: {
									type: { const: 'cluster' },
									count: { type: 'integer', minimum: 2 },
									lat: { type: 'number' },
									lng: { type: 'number' },
									members: {
										type: 'array',
										maxItems: CLUSTER_MEMBERS_MAX,
										description: `Vanaf zoomniveau ${MAP_MAX_ZOOM} (het dichtste van de kaart, waar inzoomen niets meer uit elkaar haalt): de suggesties van de groep, meeste steun eerst, hoogstens ${CLUSTER_MEMBERS_MAX} per groep en ${CLUSTER_MEMBERS_TOTAL} per antwoord`,
										items: {
											type: 'object',
											required: ['id', 'title', 'status', 'votes', 'path'],
											properties: {
												id: { type: 'integer' },
												title: { type: 'string' },
												status: { type: 'string', enum: [...SUGGESTION_STATUSES] },
												votes: { type: 'integer' },
												path: { type: 'string', description: 'Pad van de pagina van de suggestie' }
											}
										}
									}
								}
							},
							{
								type: 'object',
								required: ['type', 'count', 'lat', 'lng', 'id', 'title', 'status', 'votes', 'path'],
								properties: {
									type: { const: 'point' },
									count: { const: 1 },
									lat: { type: 'number' },
									lng: { type: 'number' },
									id: { type: 'integer' },
									title: { type: 'string' },
									status: { type: 'string', enum: [...SUGGESTION_STATUSES] },
									votes: { type: 'integer' },
									path: { type: 'string', description: 'Pad van de pagina van de suggestie' }
								}
							}
						]
					}
				}
			}
		}
	}
};
