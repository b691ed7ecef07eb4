// The playbook feature (draaiboek burgerparticipatie, seed 000): the region's library of trajectory templates
// (phases, steps with checklists and roles, sessions, documents, communication per channel), kept by its
// regional admins and participation experts and published for everyone; municipalities run trajectories from
// them for climate or another policy theme, and propose improved steps back. The region sees who runs what.
import { defineFeature } from '$lib/server/platform/feature';
import { playbookIndicators } from './playbook.indicators';
import { seedPlaybookTemplates } from './playbook.seed';
import { seedDemoPlaybook } from './playbook.demo';

export const playbookFeature = defineFeature({
	name: 'playbook',
	// Its impact indicators (platform/indicators.ts), computed and shown by the impact feature.
	indicators: playbookIndicators,
	// playbook.policy.ts: reading trajectories needs the back office, running them preparing working groups.
	abilities: ['backoffice.view', 'workingGroups.prepare'],
	seed: seedPlaybookTemplates,
	// After the demo's municipalities (Geel takes part) and its persona-free content.
	demo: { after: ['demo'], load: (tx) => seedDemoPlaybook(tx) }
});
