// The child process of the dispatcher's crash test (platform/events.crash.test.ts), run with vite-node: the
// real dispatcher on the test's database. Inside each handler's transaction, after its write, it says
// "handling <handler> <event>" and waits for a line on stdin before the transaction may commit: the parent
// answers each, except the one it kills the child in, so the kill always lands inside a handler. It exits once
// nothing is left to dispatch.
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { openDatabase } from '$lib/server/db/client';
import { createLogger } from '$lib/server/platform/log';
import { createEventDispatcher, defineEventHandler } from '$lib/server/platform/events.dispatcher';

const answers = createInterface({ input: process.stdin });
const nextAnswer = answers[Symbol.asyncIterator]();
const url = process.env.CRASH_DATABASE_URL;
const dataDir = process.env.CRASH_DATA_DIR;
const database = url
	? await openDatabase({ kind: 'postgres', url, poolSize: 2 })
	: await openDatabase({ kind: 'pglite', dataDir: dataDir ?? null });

function recorder(name: string, events: ('vote.cast' | 'suggestion.published')[]) {
	return defineEventHandler({
		name,
		events,
		async handle(event, tx) {
			await tx.execute(
				sql`INSERT INTO crash_seen (handler, event_id, subject) VALUES (${name}, ${event.id}, ${event.subjectId})`
			);
			process.stdout.write(`handling ${name} ${event.id}\n`);
			await nextAnswer.next();
		}
	});
}

const dispatcher = createEventDispatcher(database, createLogger('silent'), {
	handlers: [
		recorder('crash.all', ['vote.cast', 'suggestion.published']),
		recorder('crash.votes', ['vote.cast'])
	],
	retryDelayMs: () => 0
});
while ((await dispatcher.runOnce()) > 0);
await database.close();
answers.close();
process.stdin.destroy();
process.stdout.write('idle\n');
