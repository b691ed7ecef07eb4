// Every action written to the audit log has a Dutch label in the log's list and filter. The actions are
// declared as types only (AuditActionMap, one file per feature), so the test reads those declarations.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel } from './staff.present';

const root = path.resolve(process.cwd(), 'src', 'lib', 'server');

function declaredActions(): string[] {
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

describe('the audit log', () => {
	it('has a Dutch label for every action a feature declares', () => {
		const actions = declaredActions();
		expect(actions.length).toBeGreaterThan(40);
		expect(actions).toContain('event.invitations_sent');
		const unlabelled = actions.filter((action) => auditActionLabel('nl', action) === action);
		expect(unlabelled).toEqual([]);
	});
});
