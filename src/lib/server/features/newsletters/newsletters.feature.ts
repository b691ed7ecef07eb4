// The newsletters feature: staff write a newsletter in the municipality's look, choose its audience (with
// the newsletters consent), see the exact count, test it, send it now or at a time; sent ones are archived
// as public pages.
import { newslettersDataset } from './newsletters.open-data';
import { defineFeature } from '$lib/server/platform/feature';
import { seedDemoNewsletters } from './newsletters.demo';
import { newsletterNews } from './newsletters.news';
import { eraseNewsletterData, exportNewsletterData } from './newsletters.personal-data';
import {
	DUE_JOB,
	NEWSLETTER_MAIL,
	newsletterMail,
	SEND_JOB,
	sendDueNewsletters,
	sendNewsletterJob,
	type SendJobData
} from './newsletters.send';

export const newslettersFeature = defineFeature({
	name: 'newsletters',
	abilities: ['backoffice.view', 'content.communicate'],
	jobs: {
		// Queued with the status change (now, or not before the scheduled time).
		[SEND_JOB]: (data: SendJobData, ctx) => sendNewsletterJob(ctx, data).then(() => undefined),
		// Catches up what is due without a job of its own (sent while jobs were off, a job lost).
		[DUE_JOB]: (_data, ctx) => sendDueNewsletters(ctx).then(() => undefined)
	},
	hourly: [DUE_JOB],
	// Each person's mail is rendered when it is sent (newsletters.send.ts).
	mailTemplates: { [NEWSLETTER_MAIL]: newsletterMail },
	// One sent newsletter of Geel, so the public archive shows something.
	demo: { after: ['demo'], load: (tx) => seedDemoNewsletters(tx) },
	personalData: { export: exportNewsletterData, erase: eraseNewsletterData },
	// The municipality's news feed: its sent newsletters.
	news: newsletterNews,
	openData: [newslettersDataset]
});
