// The open-data feature: each municipality's and the region's open-data page, the datasets' files (CSV, JSON,
// GeoJSON) and their DCAT-AP catalogue, and the licence a municipality publishes under. The datasets themselves
// are the other features' (their manifests' `openData` parts, platform/open-data.ts).
import { defineFeature } from '$lib/server/platform/feature';
import { licenceSchema } from './open-data.schemas';
import './open-data.audit';

export const openDataFeature = defineFeature({
	name: 'open-data',
	abilities: ['settings.manage'],
	settings: { licence: { scope: 'municipality', schema: licenceSchema } }
});
