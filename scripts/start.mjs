// `npm start`: builds when there is no build yet, then serves Meedoen with the adapter-node server.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const entry = path.join(root, 'build', 'index.js');

if (!existsSync(entry)) {
	console.log('Meedoen: nog geen build gevonden, eerst bouwen (eenmalig, ± een halve minuut)…');
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
		{
			stdio: 'inherit'
		}
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
}

// Without ORIGIN, adapter-node assumes https; form posts from http://localhost would then be refused.
const port = process.env.PORT?.trim() || '3000';
const host = process.env.HOST?.trim() || '0.0.0.0';
if (!process.env.ORIGIN?.trim() && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
}

// Suggestion photos go up to 10 MB (action photos 2 MB, logos 1 MB) plus the form; adapter-node's default
// body limit is 512 KB. Larger bodies get a calm Dutch 413 page.
process.env.BODY_SIZE_LIMIT ??= '12M';

await import(pathToFileURL(entry).href);
