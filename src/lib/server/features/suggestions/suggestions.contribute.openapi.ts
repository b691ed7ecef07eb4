// OpenAPI paths of one suggestion and of contributing: reading a suggestion, adding one, voting.
import type { ApiContribution } from '$lib/server/api/openapi';

export const suggestionsContributeApi: ApiContribution = { paths: {}, schemas: {} };
