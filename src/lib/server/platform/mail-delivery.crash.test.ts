// Mail delivery survives a crash: a child process running the platform's mail worker queues a newsletter to
// 3,000 people and sends it to a real SMTP server (npm smtp-server, in this process); it is killed with SIGKILL
// once some hundreds have arrived, and started again. Then everyone has received it (nobody is skipped), and
// the mails received twice are few: at most the mails in flight when it was killed (the window between the
// server's 250 and the ledger's row), each with the same Message-ID both times, so a receiver can drop one.
// On PGlite the database is a data folder (as on a server), on PostgreSQL the test's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrateDatabase } from '$lib/server/db/migrate';
import { executeRows } from '$lib/server/db/rows';
import { createTestDatabase, testDbKind, type TestDatabase } from '$lib/server/testing/db';
import { spawnTestChild } from '$lib/server/testing/child';
import { startSmtpCatcher, type SmtpCatcher } from '$lib/server/testing/smtp';

const PEOPLE = 3_000;
const KILL_AFTER = 600;
/** Mails the child's worker hands to the SMTP server at once (its pool's connections): the most in flight. */
const IN_FLIGHT = 5;

const pglite = testDbKind() === 'pglite';
let dataDir: string | undefined;
let postgres: TestDatabase | undefined;
let smtp: SmtpCatcher;

async function open(): Promise<Database> {
	if (postgres) return postgres;
	return openDatabase({ kind: 'pglite', dataDir: dataDir! });
}
async function close(database: Database) {
	if (database !== postgres) await database.close();
}

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	if (pglite) {
		dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-mail-crash-'));
		const database = await open();
		await migrateDatabase(database);
		await close(database);
	} else postgres = await createTestDatabase({ reference: false });
}, 300_000);
afterAll(async () => {
	await postgres?.destroy();
	await smtp?.close();
	if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs the worker; kills it with SIGKILL once `killAt` mails have arrived at the SMTP server, or lets it finish. */
function runChild(
	env: NodeJS.ProcessEnv,
	killAt: number | null
): Promise<{ killed: boolean; arrived: number }> {
	const { child, stderr } = spawnTestChild('src/lib/server/testing/mail-crash-child.ts', {
		...env,
		SMTP_URL: smtp.url,
		...(postgres
			? { CRASH_DATABASE_URL: postgres.pool!.options.connectionString }
			: { CRASH_DATA_DIR: dataDir })
	});
	let killed = false;
	const watch =
		killAt === null
			? undefined
			: setInterval(() => {
					if (!killed && smtp.messages.length >= killAt) killed = child.kill('SIGKILL');
				}, 2);
	createInterface({ input: child.stdout }).on('line', () => {});
	return new Promise((resolve, reject) => {
		child.on('exit', (code, signal) => {
			clearInterval(watch);
			const arrived = smtp.messages.length;
			if (killed && signal === 'SIGKILL') resolve({ killed, arrived });
			else if (!killed && code === 0) resolve({ killed, arrived });
			else reject(new Error(`child ended with ${code ?? signal}: ${stderr()}`));
		});
	});
}

describe('mail delivery after SIGKILL', () => {
	it(
		`delivers a newsletter to all ${PEOPLE} people, the few in flight at the kill at most twice`,
		{ timeout: 600_000 },
		async () => {
			const first = await runChild({ CRASH_QUEUE: String(PEOPLE) }, KILL_AFTER);
			expect(first.killed).toBe(true);
			expect(first.arrived).toBeLessThan(PEOPLE);
			const last = await runChild({}, null);

			const perRecipient = new Map<string, string[]>();
			for (const m of smtp.messages) {
				const id = /^Message-ID: (.+)$/im.exec(m.raw)?.[1]?.trim() ?? '';
				for (const to of m.to) perRecipient.set(to, [...(perRecipient.get(to) ?? []), id]);
			}
			const duplicates = [...perRecipient.values()].filter((ids) => ids.length > 1);
			console.log(
				`mail crash test (${testDbKind()}): ${PEOPLE} queued, killed after ${first.arrived} arrived, ` +
					`${last.arrived} mails in all to ${perRecipient.size} people, ${duplicates.length} received twice ` +
					`(bound: ${IN_FLIGHT}, the SMTP connections)`
			);
			// Nobody skipped, nobody else.
			expect(perRecipient.size).toBe(PEOPLE);
			expect([...perRecipient.keys()].every((to) => /^person\d+@crash\.example\.be$/.test(to))).toBe(true);
			// Twice at most, only those in flight, and the same Message-ID both times.
			expect(duplicates.every((ids) => ids.length === 2 && ids[0] === ids[1] && ids[0] !== '')).toBe(true);
			expect(duplicates.length).toBeLessThanOrEqual(IN_FLIGHT);
			expect(smtp.messages.length).toBe(PEOPLE + duplicates.length);

			const database = await open();
			try {
				const rows = await executeRows<{ status: string; n: number }>(
					database.db,
					sql`SELECT status, count(*)::int AS n FROM mail_deliveries GROUP BY status`
				);
				expect(rows.map((r) => ({ status: r.status, n: Number(r.n) }))).toEqual([
					{ status: 'sent', n: PEOPLE }
				]);
			} finally {
				await close(database);
			}
		}
	);
});
