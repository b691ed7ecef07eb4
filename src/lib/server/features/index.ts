// The registry: every feature of this installation, one line each. The composition root (hooks.server.ts,
// scripts, the tests' helpers) hands it to startApp; the platform never imports it.
import type { PersonalDataOf } from '$lib/server/platform/feature';
import { accountsFeature } from './accounts/accounts.feature';
import { actionsFeature } from './actions/actions.feature';
import { collegeFeature } from './college/college.feature';
import { communicationFeature } from './communication/communication.feature';
import { colleaguesFeature } from './colleagues/colleagues.feature';
import { climatePlanFeature } from './climate-plan/climate-plan.feature';
import { climatePactFeature } from './climate-pact/climate-pact.feature';
import { demoFeature } from './demo/demo.feature';
import { eventsFeature } from './events/events.feature';
import { groupsFeature } from './groups/groups.feature';
import { notificationsFeature } from './notifications/notifications.feature';
import { newslettersFeature } from './newsletters/newsletters.feature';
import { municipalitiesFeature } from './municipalities/municipalities.feature';
import { opportunitiesFeature } from './opportunities/opportunities.feature';
import { playbookFeature } from './playbook/playbook.feature';
import { profileFeature } from './profile/profile.feature';
import { regionFeature } from './region/region.feature';
import { searchFeature } from './search/search.feature';
import { settingsFeature } from './settings/settings.feature';
import { staffFeature } from './staff/staff.feature';
import { storiesFeature } from './stories/stories.feature';
import { suggestionsFeature } from './suggestions/suggestions.feature';
import { themesFeature } from './themes/themes.feature';
import { widgetsFeature } from './widgets/widgets.feature';
import { openDataFeature } from './open-data/open-data.feature';
import { impactFeature } from './impact/impact.feature';
import { funderReportsFeature } from './funder-reports/funder-reports.feature';

export const features = [
	municipalitiesFeature,
	themesFeature,
	accountsFeature,
	profileFeature,
	staffFeature,
	regionFeature,
	settingsFeature,
	demoFeature,
	actionsFeature,
	opportunitiesFeature,
	suggestionsFeature,
	eventsFeature,
	notificationsFeature,
	colleaguesFeature,
	collegeFeature,
	newslettersFeature,
	communicationFeature,
	storiesFeature,
	playbookFeature,
	groupsFeature,
	climatePlanFeature,
	climatePactFeature,
	searchFeature,
	widgetsFeature,
	openDataFeature,
	impactFeature,
	funderReportsFeature
] as const;

/** Every section of a person's data export, from the features' personal-data parts. */
export type PersonalData = PersonalDataOf<typeof features>;
