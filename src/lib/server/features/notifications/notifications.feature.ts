// The notifications feature: what a person hears about and how often (mail preferences per kind, the
// one-click unsubscribe link of every such mail).
import { defineFeature } from '$lib/server/platform/feature';
import { eraseNotificationData, exportNotificationData } from './notifications.personal-data';
import { seedUnsubscribeSecret } from './notifications.service';

export const notificationsFeature = defineFeature({
	name: 'notifications',
	// The secret behind unsubscribe links, made once per installation.
	seed: (db) => seedUnsubscribeSecret(db),
	personalData: { export: exportNotificationData, erase: eraseNotificationData }
});
