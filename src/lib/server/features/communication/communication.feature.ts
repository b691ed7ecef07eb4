// The communication feature: per action, event and call for suggestions a communication plan (announce, invite,
// remind, report back) with a ready text per channel (Facebook, WhatsApp, the municipal magazine with a QR code
// and short link, the website, mail), each link tagged with its channel; the week's calendar of the
// communication service with copy buttons and "published" marks; short links /k/{code}.
import { defineFeature } from '$lib/server/platform/feature';
import { seedDemoCommunication } from './communication.demo';

export const communicationFeature = defineFeature({
	name: 'communication',
	abilities: ['backoffice.view', 'content.communicate'],
	// A plan for a demo action and its event in Geel, so the week's calendar shows something.
	demo: { after: ['events'], load: (tx) => seedDemoCommunication(tx) }
});
