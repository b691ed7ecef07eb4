// The groups feature: citizen groups with their own working budget (Klimaatdoeners, seed 002). A call per
// municipality with rules and a menu card, sign-ups with a motivation, a public group page, a private
// workspace (threads, tasks, files, notes), picked actions that become real actions (rung 6), and the budget
// with co-financing and expenses that staff approve, exported for the financial service.
import { defineFeature } from '$lib/server/platform/feature';
import { groupsActivity } from './groups.activity';
import { groupsAttention } from './groups.attention';
import { seedDemoGroups } from './groups.demo';
import { eraseGroupData, exportGroupData } from './groups.personal-data';

export const groupsFeature = defineFeature({
	name: 'groups',
	// canManageGroups (groups.policy.ts) asks the back office and this one.
	abilities: ['backoffice.view', 'workingGroups.prepare'],
	// After the suggestions' demo: its neighbours of Geel are the group's members.
	demo: { after: ['actions', 'suggestions'], load: (tx) => seedDemoGroups(tx) },
	// What they wrote stays for the group (unsigned); the counts are kept as the public record is.
	personalData: { export: exportGroupData, erase: eraseGroupData, kept: ['groupContributions'] },
	activity: groupsActivity,
	attention: groupsAttention
});
