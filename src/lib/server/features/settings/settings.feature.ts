// The settings feature: a municipality's look, statements and themes, managed from its back office.
import { defineFeature } from '$lib/server/platform/feature';
import { brandingSchema, statementSchema } from './settings.schemas';

export const settingsFeature = defineFeature({
	name: 'settings',
	abilities: ['settings.manage'],
	settings: {
		branding: { scope: 'municipality', schema: brandingSchema },
		statements: { scope: 'municipality', schema: statementSchema }
	}
});
