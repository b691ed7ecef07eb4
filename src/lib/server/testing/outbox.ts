// A job's or event handler's mail queue for tests: the mails are kept in an array instead of being queued.
import type { Db } from '$lib/server/db/client';
import { isTemplatedMail, type MailMessage, type QueuedMail } from '$lib/server/platform/mail';

/**
 * queueMail, queueMailIn and queueMails that push each whole mail onto `outbox`. A templated mail (rendered
 * only when sent) is refused: a test of templated mail renders it with renderQueuedMail instead.
 */
export function outboxQueue(outbox: MailMessage[]) {
	const keep = (message: QueuedMail) => {
		if (isTemplatedMail(message))
			throw new Error(`outboxQueue keeps whole mails; ${message.template.name} is templated`);
		outbox.push(message);
	};
	return {
		queueMail: async (message: MailMessage) => keep(message),
		queueMailIn: async (_tx: Db, message: MailMessage) => keep(message),
		queueMails: async (_tx: Db | null, messages: readonly QueuedMail[]) => {
			messages.forEach(keep);
			return { queued: messages.length, skipped: 0 };
		}
	};
}
