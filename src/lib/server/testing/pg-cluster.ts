// A PostgreSQL primary with a streaming replica of its own, for the tests of read replicas and of several app
// nodes: initdb in a temporary folder, started on a free port with replication on, and a replica made from it
// with pg_basebackup (-R: a standby that streams from it), started on another port. The shared test server is
// left alone. Debian's server programs (/usr/lib/postgresql/<version>/bin, or PG_BIN) are needed; as root
// the clusters run as the `postgres` user, as initdb refuses root. Imports nothing of the app: the journeys
// use it too.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const PROGRAMS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];

/** The folder with PostgreSQL's server programs, or why there is none. */
export function postgresPrograms(): { bin: string } | { missing: string } {
	const candidates = process.env.PG_BIN
		? [process.env.PG_BIN]
		: existsSync('/usr/lib/postgresql')
			? readdirSync('/usr/lib/postgresql')
					.filter((v) => /^\d+$/.test(v))
					.sort((a, b) => Number(b) - Number(a))
					.map((v) => `/usr/lib/postgresql/${v}/bin`)
			: [];
	const bin = candidates.find((dir) => PROGRAMS.every((p) => existsSync(path.join(dir, p))));
	if (bin) return { bin };
	if (process.getuid?.() === 0 && !osUser('postgres'))
		return { missing: 'running as root without a postgres user to run initdb as' };
	return {
		missing: `PostgreSQL's server programs (${PROGRAMS.join(', ')}) not found in /usr/lib/postgresql/*/bin or PG_BIN (Debian: apt-get install postgresql)`
	};
}

function osUser(name: string): { uid: number; gid: number } | null {
	const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0) return null;
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

export interface PgCluster {
	/** postgres://postgres@127.0.0.1:<port>/meedoen on the primary */
	primaryUrl: string;
	/** The same database on the replica (read-only). */
	replicaUrl: string;
	/** Stops replay on the replica (it keeps receiving WAL): what it serves stays as it was. */
	pauseReplay(): Promise<void>;
	resumeReplay(): Promise<void>;
	/** Stops both servers at once and removes the folder. */
	stop(): Promise<void>;
}

/** Runs a PostgreSQL program as the clusters' owner; throws with its output when it fails. */
function runAs(owner: { uid: number; gid: number } | null, program: string, args: string[]) {
	return new Promise<void>((resolve, reject) => {
		const child = spawn(program, args, {
			stdio: ['ignore', 'pipe', 'pipe'],
			...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
			env: { ...process.env, LC_ALL: 'C.UTF-8' }
		});
		let output = '';
		child.stdout.on('data', (c) => (output += c));
		child.stderr.on('data', (c) => (output += c));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`${path.basename(program)} ${args.join(' ')} exited with ${code}:\n${output}`))
		);
	});
}

/** Starts a primary and a streaming replica of it, each on a free port, with an empty database `meedoen`. */
export async function startPgCluster(options: { maxConnections?: number } = {}): Promise<PgCluster> {
	const found = postgresPrograms();
	if ('missing' in found) throw new Error(found.missing);
	const bin = (p: string) => path.join(found.bin, p);
	const owner = process.getuid?.() === 0 ? osUser('postgres') : null;
	const folder = mkdtempSync(path.join(os.tmpdir(), 'meedoen-pg-'));
	if (owner) chownSync(folder, owner.uid, owner.gid);
	const primaryDir = path.join(folder, 'primary');
	const replicaDir = path.join(folder, 'replica');
	const [primaryPort, replicaPort] = [await freePort(), await freePort()];
	const started: string[] = [];

	async function stop() {
		for (const dir of started.reverse())
			await runAs(owner, bin('pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
		started.length = 0;
		rmSync(folder, { recursive: true, force: true });
	}

	try {
		await runAs(owner, bin('initdb'), [
			'-D',
			primaryDir,
			'-U',
			'postgres',
			'--auth=trust',
			'--encoding=UTF8',
			'--locale=C.UTF-8',
			'--no-sync'
		]);
		// A test cluster: replication on, durability off (a crash loses the cluster, not the test's point).
		appendFileSync(
			path.join(primaryDir, 'postgresql.conf'),
			[
				`listen_addresses = '127.0.0.1'`,
				`unix_socket_directories = '${folder}'`,
				'wal_level = replica',
				'max_wal_senders = 4',
				'hot_standby = on',
				'fsync = off',
				'full_page_writes = off',
				`max_connections = ${options.maxConnections ?? 100}`,
				'shared_buffers = 32MB',
				''
			].join('\n')
		);
		const start = async (dir: string, port: number) => {
			await runAs(owner, bin('pg_ctl'), [
				'-D',
				dir,
				'-l',
				path.join(folder, `${path.basename(dir)}.log`),
				'-o',
				`-p ${port}`,
				'-w',
				'-t',
				'60',
				'start'
			]);
			started.push(dir);
		};
		await start(primaryDir, primaryPort);
		const admin = new pg.Client({
			connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`
		});
		await admin.connect();
		await admin.query('CREATE DATABASE meedoen');
		await admin.end();
		await runAs(owner, bin('pg_basebackup'), [
			'-h',
			'127.0.0.1',
			'-p',
			String(primaryPort),
			'-U',
			'postgres',
			'-D',
			replicaDir,
			'-R',
			'-X',
			'stream',
			// At once, not at the end of a spread checkpoint (minutes on an idle server).
			'--checkpoint=fast',
			'--no-sync'
		]);
		await start(replicaDir, replicaPort);
	} catch (err) {
		await stop();
		throw err;
	}

	const replicaAdmin = async (sql: string) => {
		const client = new pg.Client({
			connectionString: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`
		});
		await client.connect();
		try {
			await client.query(sql);
		} finally {
			await client.end();
		}
	};
	return {
		primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/meedoen`,
		replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/meedoen`,
		pauseReplay: () => replicaAdmin('SELECT pg_wal_replay_pause()'),
		resumeReplay: () => replicaAdmin('SELECT pg_wal_replay_resume()'),
		stop
	};
}
