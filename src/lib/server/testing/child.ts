// Tests that need a second process (a crash, two servers on one folder) run a file of testing/ in a child
// with vite-node, so it imports the app's modules as the server does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Starts `file` (relative to the project) with vite-node; `stderr()` is what it wrote there so far. */
export function spawnTestChild(
	file: string,
	env: NodeJS.ProcessEnv
): { child: ChildProcessWithoutNullStreams; stderr: () => string } {
	const child = spawn(
		process.execPath,
		['node_modules/vite-node/vite-node.mjs', '--config', 'vite.scripts.config.ts', file],
		{ cwd: process.cwd(), env: { ...process.env, ...env }, stdio: 'pipe' }
	);
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	return { child, stderr: () => stderr };
}
