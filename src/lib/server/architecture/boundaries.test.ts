// The architecture's import boundaries are enforced by the lint configuration: each deliberate violation
// below must be reported by ESLint with the repository's own eslint.config.js, and the allowed imports not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	if (!result) throw new Error(`ESLint gave no result for ${filePath}`);
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
	it('refuses the database client or schema in a route', async () => {
		const file = 'src/routes/[municipality=slug]/voorbeeld/+page.server.ts';
		expect(
			await restrictedImports(file, `import { db } from '$lib/server/db/client';\nexport { db };\n`)
		).toHaveLength(1);
		expect(
			await restrictedImports(file, `import { actions } from '$lib/server/db/schema';\nexport { actions };\n`)
		).toHaveLength(1);
		expect(
			await restrictedImports(file, `import * as s from '$lib/server/db';\nexport { s };\n`)
		).toHaveLength(1);
	});

	it('lets a route call a feature service', async () => {
		const file = 'src/routes/[municipality=slug]/voorbeeld/+page.server.ts';
		const code = `import { listActions } from '$lib/server/features/actions/actions.service';\nexport { listActions };\n`;
		expect(await restrictedImports(file, code)).toEqual([]);
	});

	it("refuses another feature's queries in a feature", async () => {
		const file = 'src/lib/server/features/actions/actions.example.ts';
		const viaAlias = `import { listThemes } from '$lib/server/features/themes/themes.queries';\nexport { listThemes };\n`;
		const relative = `import { listThemes } from '../themes/themes.queries';\nexport { listThemes };\n`;
		expect(await restrictedImports(file, viaAlias)).toHaveLength(1);
		expect(await restrictedImports(file, relative)).toHaveLength(1);
	});

	it("lets a feature use its own queries and another feature's service", async () => {
		const file = 'src/lib/server/features/actions/actions.example.ts';
		const own = `import { a } from './actions.queries';\nimport { b } from '$lib/server/features/actions/actions.queries';\nexport { a, b };\n`;
		const service = `import { c } from '$lib/server/features/themes/themes.service';\nexport { c };\n`;
		expect(await restrictedImports(file, own)).toEqual([]);
		expect(await restrictedImports(file, service)).toEqual([]);
	});

	it('refuses any feature in the platform', async () => {
		const file = 'src/lib/server/platform/example.ts';
		const code = `import { x } from '$lib/server/features/accounts/accounts.service';\nexport { x };\n`;
		const relative = `import { y } from '../features/demo/demo.seed';\nexport { y };\n`;
		expect(await restrictedImports(file, code)).toHaveLength(1);
		expect(await restrictedImports(file, relative)).toHaveLength(1);
	});
});
