// Fetches each scenario's payload once from the app and starts the ceiling server with them.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { captureOutput, processMemory, stopProcess } from './processes.mjs';

const SERVER = fileURLToPath(new URL('./ceiling-server.mjs', import.meta.url));

/** GET `path` from the app once: it must be 200 with the scenario's content-type. */
export async function fetchPayload(baseUrl, scenario) {
	const response = await fetch(new URL(scenario.path, baseUrl), { signal: AbortSignal.timeout(10_000) });
	const body = Buffer.from(await response.arrayBuffer());
	const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
	if (response.status !== 200)
		throw new Error(`${scenario.path} answered ${response.status} instead of 200 before the load`);
	if (scenario.contentType && !scenario.contentType.test(contentType))
		throw new Error(
			`${scenario.path} answered content-type ${contentType}, expected ${scenario.contentType}`
		);
	return { path: scenario.path, contentType, body };
}

/** `onSpawn({ child, stop })` is called as soon as the process exists (for clean-up on Ctrl-C). */
export async function startCeilingServer(payloads, { onSpawn } = {}) {
	const child = fork(SERVER, [], {
		serialization: 'advanced',
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	onSpawn?.({ child, stop: () => stopProcess(child, { graceMs: 5_000 }) });
	const output = captureOutput(child);
	try {
		const port = await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('the ceiling server did not start in 10 s')), 10_000);
			child.once('message', (message) => {
				clearTimeout(timer);
				resolve(message.port);
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`the ceiling server stopped (exit code ${code}): ${output.tail()}`));
			});
			child.send({ payloads });
		});
		return {
			child,
			pid: child.pid,
			baseUrl: `http://127.0.0.1:${port}`,
			memory: () => processMemory(child.pid),
			stop: () => stopProcess(child, { graceMs: 5_000 })
		};
	} catch (error) {
		await stopProcess(child, { graceMs: 2_000 });
		throw error;
	}
}
