// The colleagues feature: civil servants of other departments (and any staff member) follow actions and
// themes from the back office ("Volg als collega", /{municipality}/beheer/collega), so the updates, decisions,
// reports and event logistics reach them without anyone forwarding mail. The role is the staff feature's
// (`colleague`, with a department); the notifications come from the notifications feature's handlers, with
// the audience from colleaguesOfAction.
import { defineFeature } from '$lib/server/platform/feature';
import { eraseColleagueData, exportColleagueData } from './colleagues.personal-data';
import { loadColleaguesDemo } from './colleagues.demo';

export const colleaguesFeature = defineFeature({
	name: 'colleagues',
	abilities: ['backoffice.view'],
	personalData: { export: exportColleagueData, erase: eraseColleagueData },
	demo: { after: ['actions', 'events'], load: loadColleaguesDemo }
});
