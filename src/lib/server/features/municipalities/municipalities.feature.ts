// The municipalities feature: the region and its municipalities (reference data), their public pages and API.
import { defineFeature } from '$lib/server/platform/feature';
import { municipalitiesApi } from './municipalities.openapi';
import { seedReferenceData } from './municipalities.seed';
import { searchMunicipalities } from './municipalities.service';

export const municipalitiesFeature = defineFeature({
	name: 'municipalities',
	api: [municipalitiesApi],
	seed: seedReferenceData,
	search: { kind: 'municipalities', find: searchMunicipalities }
});
