// Daily and weekly digests: an hourly job (pg-boss, one run per clock hour) bundles, for each person whose
// digest is due, every notification still waiting for one into one mail, grouped by municipality and action,
// and sends nothing when nothing waits. Exactly once: per person and frequency one transaction takes an
// advisory lock, reads the waiting notifications, marks them mailed, moves the person's digest clock and
// inserts the mail's job (queueMailIn), so all of it commits together or not at all; a second run, in this
// process or another, waits for the lock and then finds nothing waiting.
import { DEFAULT_LOCALE } from '$lib/i18n';
import type { NotificationKind } from '$lib/domain/notifications';
import type { JobContext } from '$lib/server/platform/feature';
import {
	listDueDigests,
	lockDigest,
	markDigestSent,
	takeWaiting,
	type DigestFrequency
} from './notifications.queries';
import { notificationTitle } from './notifications.present';
import { notificationMail } from './notifications.mail';
import { unsubscribeLinkWith, unsubscribeSecret } from './notifications.service';
import { originOf } from './notifications.handlers';
import { colleaguePagePath } from '$lib/domain/colleagues';

/** The job's queue name; the manifest runs it hourly. */
export const DIGEST_JOB = 'notifications.digest';

const HOUR = 3_600_000;
export const DIGEST_PERIOD_MS: Record<DigestFrequency, number> = { daily: 24 * HOUR, weekly: 7 * 24 * HOUR };
/** An hourly job would otherwise drift later by up to an hour every period. */
const SLACK_MS = HOUR / 2;

/**
 * Queues the digests that are due and returns how many. A person's digest of a frequency is due a period
 * after their last one, or, before their first, a period after the oldest notification waiting for it.
 */
export async function sendDigests(ctx: JobContext, input: { now?: Date } = {}): Promise<number> {
	const now = input.now ?? new Date();
	const origin = originOf(ctx);
	const due = await listDueDigests(ctx.db, {
		dailyBefore: new Date(now.getTime() - DIGEST_PERIOD_MS.daily + SLACK_MS),
		weeklyBefore: new Date(now.getTime() - DIGEST_PERIOD_MS.weekly + SLACK_MS)
	});
	if (due.length === 0) return 0;
	// One secret signs the run's every unsubscribe link.
	const secret = await unsubscribeSecret(ctx.db);
	let sent = 0;
	for (const { userId, frequency } of due) {
		sent += await ctx.db.transaction(async (tx) => {
			await lockDigest(tx, { userId, frequency });
			const waiting = await takeWaiting(tx, { userId, frequency, now });
			if (!waiting) return 0;
			const { person, items } = waiting;
			const kinds = [...new Set(items.map((i) => i.kind))].sort((a, b) =>
				// The headers' one-click link is for what one follows, the kind digests are mostly made of.
				a === 'following' ? -1 : b === 'following' ? 1 : 0
			) as NotificationKind[];
			const municipalities = new Set(items.map((i) => i.municipalityId));
			const first = items[0]!;
			await ctx.queueMailIn(
				tx,
				notificationMail(DEFAULT_LOCALE, {
					to: person.email,
					name: person.displayName,
					frequency,
					items: items.map((i) => ({
						title: notificationTitle(DEFAULT_LOCALE, i),
						url: `${origin}${i.path}`,
						municipalityName: i.params.municipalityName,
						actionTitle: i.params.actionTitle ?? null
					})),
					look:
						municipalities.size === 1 && first.primaryColor
							? { name: first.params.municipalityName, color: first.primaryColor }
							: null,
					origin,
					unsubscribe: kinds.map((kind) => ({
						kind,
						...unsubscribeLinkWith(secret, { origin, userId, kind })
					})),
					// Where to stop following, for each municipality of what came as a colleague.
					stopFollowing: [
						...new Map(
							items
								.filter((i): i is typeof i & { municipalitySlug: string } =>
									Boolean(i.kind === 'colleague' && i.municipalitySlug)
								)
								.map((i) => [
									i.municipalitySlug,
									{
										municipalityName: i.params.municipalityName,
										url: `${origin}${colleaguePagePath(i.municipalitySlug)}`
									}
								])
						).values()
					],
					reference: `digest:${frequency}:${userId}:${items[items.length - 1]!.id}`,
					municipalityId: municipalities.size === 1 ? (first.municipalityId ?? undefined) : undefined
				})
			);
			await markDigestSent(tx, { userId, frequency, ids: items.map((i) => i.id), now });
			return 1;
		});
	}
	if (sent > 0) ctx.log.info({ digests: sent }, 'notification digests queued');
	return sent;
}
