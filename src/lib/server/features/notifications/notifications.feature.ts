// The notifications feature: what a person hears about and how often (the notifications themselves, mail
// preferences per kind, digests, the one-click unsubscribe link of every such mail).
import { defineFeature } from '$lib/server/platform/feature';
import { eraseNotificationData, exportNotificationData } from './notifications.personal-data';
import { seedUnsubscribeSecret } from './notifications.service';
import { notificationHandlers } from './notifications.handlers';
import { DIGEST_JOB, sendDigests } from './notifications.digest';

export const notificationsFeature = defineFeature({
	name: 'notifications',
	// The secret behind unsubscribe links, made once per installation.
	seed: (db) => seedUnsubscribeSecret(db),
	personalData: { export: exportNotificationData, erase: eraseNotificationData },
	// What happened to what a person wrote, supports, follows or registered for (notifications.handlers.ts).
	handlers: notificationHandlers,
	// The daily and weekly digests, each exactly once (notifications.digest.ts).
	jobs: { [DIGEST_JOB]: (_data, ctx) => sendDigests(ctx).then(() => undefined) },
	hourly: [DIGEST_JOB]
});
