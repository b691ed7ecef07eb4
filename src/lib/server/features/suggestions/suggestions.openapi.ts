// OpenAPI paths of the public reading side of suggestions: lists, GeoJSON and clusters of an opportunity.
import type { ApiContribution } from '$lib/server/api/openapi';

export const suggestionsApi: ApiContribution = { paths: {}, schemas: {} };
