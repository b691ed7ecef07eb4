// The browser journeys run in Debian's Chromium. When /usr/bin/chromium is missing, install it with apt.
// Usable as a module (`ensureChromium()`) and as a script (`node scripts/ensure-chromium.mjs`).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export class ChromiumError extends Error {
	constructor(message) {
		super(message);
		this.name = 'ChromiumError';
	}
}

function commandExists(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * How to run apt-get: directly as root, through sudo otherwise (without a password prompt when there is
 * no terminal to type it in). Throws a ChromiumError with what to do when neither is possible.
 */
function aptPrefix(chromium) {
	if (process.getuid?.() === 0) return [];
	if (!commandExists('sudo')) {
		throw new ChromiumError(
			`Chromium ontbreekt (${chromium}) en dit proces is geen root; sudo is niet beschikbaar. ` +
				'Installeer het als root met: apt-get update && apt-get install -y chromium'
		);
	}
	return process.stdin.isTTY ? ['sudo'] : ['sudo', '-n'];
}

/**
 * Makes sure Debian's Chromium is installed at /usr/bin/chromium and returns its path.
 * @param {{ log?: (line: string) => void, path?: string }} [options] `path` only for testing this script
 * @returns {string}
 */
export function ensureChromium({ log = (line) => console.log(line), path: chromium = CHROMIUM_PATH } = {}) {
	if (existsSync(chromium)) return chromium;
	if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
		throw new ChromiumError(
			`Chromium ontbreekt (${chromium}) en apt-get is er niet: installeer Chromium zelf op die plaats.`
		);
	}
	const prefix = aptPrefix(chromium);
	log(
		`Chromium ontbreekt (${chromium}): Debian's Chromium wordt geïnstalleerd met apt-get ` +
			`(apt-get update && apt-get install -y chromium)${prefix.length ? ' via sudo' : ''}…`
	);
	for (const args of [['update'], ['install', '-y', 'chromium']]) {
		const command = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
		const result = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
		if (result.status !== 0) {
			const how = prefix.length
				? ' (sudo vroeg misschien een wachtwoord; voer het commando zelf uit als root)'
				: '';
			throw new ChromiumError(
				`Chromium installeren mislukte: \`${command.join(' ')}\` eindigde met ${result.status ?? result.signal}${how}.`
			);
		}
	}
	if (!existsSync(chromium)) {
		throw new ChromiumError(`apt-get installeerde chromium, maar ${chromium} bestaat nog altijd niet.`);
	}
	log(`Chromium geïnstalleerd: ${chromium}`);
	return chromium;
}

const invokedDirectly =
	process.argv[1] && path.resolve(process.argv[1]) === path.resolve(fileURLToPath(import.meta.url));
if (invokedDirectly) {
	try {
		ensureChromium();
	} catch (err) {
		console.error(err instanceof ChromiumError ? err.message : err);
		process.exit(1);
	}
}
