import { syncPageSchema, updatedSinceParameter, type ApiContribution } from '$lib/server/api/openapi';

export const municipalitiesApi: ApiContribution = {
	paths: {
		'/municipalities': {
			get: {
				operationId: 'listMunicipalities',
				summary: 'Alle gemeenten, met of ze al meedoen',
				tags: ['gemeenten'],
				description:
					'Met updated_since: de gemeenten die sindsdien veranderden, oudste wijziging eerst, op één pagina (nextCursor is altijd null); deleted is altijd leeg, want een gemeente verdwijnt nooit.',
				parameters: [updatedSinceParameter],
				responses: {
					'200': {
						description: 'De gemeenten, alfabetisch',
						content: {
							'application/json': {
								schema: {
									anyOf: [
										{
											type: 'object',
											required: ['data'],
											properties: {
												data: { type: 'array', items: { $ref: '#/components/schemas/Municipality' } }
											}
										},
										syncPageSchema('#/components/schemas/Municipality')
									]
								}
							}
						}
					},
					'400': { $ref: '#/components/responses/Problem' },
					default: { $ref: '#/components/responses/Problem' }
				}
			}
		}
	},
	schemas: {
		Municipality: {
			type: 'object',
			required: ['slug', 'name', 'nisCode', 'inhabitants', 'participating', 'center', 'updatedAt'],
			properties: {
				slug: { type: 'string', examples: ['oud-turnhout'] },
				name: { type: 'string', examples: ['Oud-Turnhout'] },
				nisCode: { type: 'string', pattern: '^[0-9]{5}$' },
				inhabitants: { type: 'integer', minimum: 0 },
				participating: { type: 'boolean' },
				mainPostcode: { type: 'string' },
				province: { type: 'string' },
				arrondissement: { type: 'string' },
				center: {
					type: 'object',
					required: ['lat', 'lng'],
					properties: { lat: { type: 'number' }, lng: { type: 'number' } }
				},
				url: { type: 'string', format: 'uri' },
				updatedAt: { type: 'string', format: 'date-time', description: 'Laatste wijziging' }
			}
		}
	}
};
