// The search feature: one search across the site (`/zoeken`, `/{municipality}/zoeken`). It owns no content:
// it asks every feature that declares a `search` part for its public matches (see search.service.ts).
import { defineFeature } from '$lib/server/platform/feature';

export const searchFeature = defineFeature({ name: 'search' });
