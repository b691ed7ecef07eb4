// The child process of the dispatcher's crash test (platform/events.crash.test.ts), run with vite-node: the
// real dispatcher on the test's database, with handlers slow enough to be killed in the middle of one.
// It says "handling <handler> <event>" inside each handler's transaction, before the slow part, and exits
// once nothing is left to dispatch.
import { sql } from 'drizzle-orm';
import { openDatabase } from '$lib/server/db/client';
import { createLogger } from '$lib/server/platform/log';
import { createEventDispatcher, defineEventHandler } from '$lib/server/platform/events.dispatcher';

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
			await new Promise((resolve) => setTimeout(resolve, 25));
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
process.stdout.write('idle\n');
