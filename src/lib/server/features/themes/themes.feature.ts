// The themes feature: each municipality's policy themes (its copy of the climate themes and its own).
import { defineFeature } from '$lib/server/platform/feature';

export const themesFeature = defineFeature({ name: 'themes' });
