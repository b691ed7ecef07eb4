// The audit actions the features declare. They are types only (AuditActionMap, declaration merging in each
// feature's *.audit.ts), so tests that need them at run time read those declarations from the source.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.cwd(), 'src', 'lib', 'server');

/** Every action some feature adds to AuditActionMap, sorted. */
export function declaredAuditActions(): string[] {
	const actions = new Set<string>();
	const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
		(f) => f.endsWith('.ts') && !f.endsWith('.test.ts')
	);
	for (const file of files) {
		const text = readFileSync(path.join(root, file), 'utf8');
		const map = /interface AuditActionMap \{([\s\S]*?)\n\t?\}/.exec(text);
		if (!map) continue;
		for (const found of (map[1] ?? '').matchAll(/'([a-z_]+\.[a-z_]+)': true/g)) actions.add(found[1]!);
	}
	return [...actions].sort();
}
