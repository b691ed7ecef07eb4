// The reminder the day before: an hourly job (pg-boss) mails everyone with a confirmed place in an event that
// starts within REMIND_WITHIN_HOURS, once. Once means: per event, one transaction locks the event's row (as
// every change to its registrations does), lists the confirmed registrations without a `registration.reminded`
// domain event, and writes that event and inserts the mail's job for each of them. Both commit together or
// not at all, so a crash or restart anywhere leaves either both or neither (the next run finds it again), and
// a second process running the job at the same moment waits for the lock and then finds nothing left.
import { DEFAULT_LOCALE } from '$lib/i18n';
import type { JobContext } from '$lib/server/platform/feature';
import { writeDomainEvent } from '$lib/server/platform/events';
import { getEvent, listEventsToRemind, listRegistrationsToRemind, lockEvent } from './events.queries';
import { registrationMessage } from './events.mail';
import { fillFreedPlaces } from './events.registrations.service';
import './events.events';

/** The job's queue name; the manifest runs it hourly. */
export const REMINDER_JOB = 'events.remind';

/**
 * How far ahead an event's people are reminded: a day and the hour until the next run. An event closer than
 * that is still reminded (a run missed in a restart is caught up), as long as the event has not started.
 */
export const REMIND_WITHIN_HOURS = 25;

const HOUR = 3_600_000;

/**
 * Queues the reminders that are due and returns how many. A place confirmed less than REMIND_WITHIN_HOURS
 * before the start is not reminded: its mail with the invitation has just gone out.
 */
export async function sendEventReminders(ctx: JobContext, input: { now?: Date } = {}): Promise<number> {
	const now = input.now ?? new Date();
	const origin = originOf(ctx);
	const window = {
		from: now,
		to: new Date(now.getTime() + REMIND_WITHIN_HOURS * HOUR),
		confirmedBeforeHours: REMIND_WITHIN_HOURS
	};
	let queued = 0;
	for (const due of await listEventsToRemind(ctx.db, window)) {
		queued += await ctx.db.transaction(async (tx) => {
			const event = await lockEvent(tx, { municipalityId: due.municipalityId, id: due.eventId });
			// Cancelled, moved or started since it was listed.
			if (!event || event.status !== 'published' || event.startsAt <= now || event.startsAt > window.to)
				return 0;
			const row = await getEvent(tx, { municipalityId: event.municipalityId, id: event.id });
			const municipality = { slug: row!.municipalitySlug, name: row!.municipalityName };
			const registrations = await listRegistrationsToRemind(tx, {
				municipalityId: event.municipalityId,
				eventId: event.id,
				confirmedBeforeHours: window.confirmedBeforeHours
			});
			for (const r of registrations) {
				await writeDomainEvent(tx, {
					type: 'registration.reminded',
					municipalityId: event.municipalityId,
					subjectId: r.id,
					payload: { eventId: event.id, sequence: event.sequence }
				});
				await ctx.queueMailIn(
					tx,
					await registrationMessage(tx, DEFAULT_LOCALE, origin, {
						kind: 'reminder',
						registrationId: r.id,
						event,
						municipality,
						recipient: { name: r.name, email: r.email! },
						companions: r.companions
					})
				);
			}
			return registrations.length;
		});
	}
	if (queued > 0) ctx.log.info({ reminders: queued }, 'event reminders queued');
	return queued;
}

function originOf(ctx: JobContext): string {
	return ctx.config.origin ?? `http://localhost:${ctx.config.port}`;
}

/**
 * The hourly job's second part: places freed without a cancellation (an erased account, which mails nobody in
 * its own transaction) go to the waitlist within the hour, each moved up mailed once (fillFreedPlaces).
 */
export async function moveUpWaitlists(ctx: JobContext, input: { now?: Date } = {}): Promise<number> {
	const moved = await fillFreedPlaces(
		{ db: ctx.db, origin: originOf(ctx), queueMails: (tx, messages) => ctx.queueMails(tx, messages) },
		input
	);
	if (moved > 0) ctx.log.info({ movedUp: moved }, 'freed places given to the waitlist');
	return moved;
}
