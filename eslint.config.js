import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import svelteConfig from './svelte.config.js';

// Architecture boundaries (docs/architecture.md): routes reach the database only through a feature's
// service; the platform imports no feature; a feature never reads another feature's queries (it calls
// that feature's service). Tests are exempt: they set up data through src/lib/server/testing.
const featuresDir = 'src/lib/server/features';
const features = readdirSync(featuresDir, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);
const testFiles = ['**/*.test.ts', '**/*.test-helpers.ts', 'src/lib/server/testing/**'];
const databaseImports = {
	group: [
		'$lib/server/db',
		'$lib/server/db/*',
		'**/server/db/client',
		'**/server/db/schema',
		'**/server/db/schema/*'
	],
	message: 'Routes reach the database through a feature service, never the database client or schema.'
};
const featureImports = {
	group: ['$lib/server/features/**', '**/features/*/**'],
	message: 'The platform imports no feature: a feature plugs into the platform (manifest, events, policy).'
};
const queriesOf = (feature) => ({
	group: [
		'$lib/server/features/*/*.queries',
		'**/features/*/*.queries',
		'../*/*.queries',
		`!**/features/${feature}/*`
	],
	message: `Another feature's queries are its own: call that feature's service instead.`
});
const boundaries = [
	{
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte', 'src/hooks.server.ts'],
		ignores: testFiles,
		rules: { 'no-restricted-imports': ['error', { patterns: [databaseImports] }] }
	},
	{
		files: ['src/lib/server/platform/**/*.ts'],
		ignores: testFiles,
		rules: { 'no-restricted-imports': ['error', { patterns: [featureImports] }] }
	},
	...features.map((feature) => ({
		files: [`${featuresDir}/${feature}/**/*.ts`],
		ignores: testFiles,
		rules: { 'no-restricted-imports': ['error', { patterns: [queriesOf(feature)] }] }
	}))
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Internal links are plain hrefs; the app has no base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	...boundaries,
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'drizzle/', 'test-results/', '.bench/'] }
);
