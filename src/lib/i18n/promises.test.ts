// Nothing on Meedoen may promise mail or news that the platform does not send. Until a notifications feature
// is in the registry (no event handler mails followers, and mail frequency defaults to "never"), no Dutch
// text, in the catalogue or in the demo content, says a follower "hears" what happens or gets it "in the mail".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { features } from '$lib/server/features';
import { translate } from './index';

const files = import.meta.glob<Record<string, unknown>>('./messages/nl/*.ts', { eager: true });
import nl from './messages/nl';

function texts(node: unknown, path: string[] = []): { key: string; text: string }[] {
	if (typeof node === 'string') return [{ key: path.join('.'), text: node }];
	if (node && typeof node === 'object')
		return Object.entries(node).flatMap(([k, v]) => texts(v, [...path, k]));
	return [];
}

/** Phrases that tell a person news or changes will reach them. */
const PROMISES = [
	/je hoort wat ermee gebeurt/i,
	/hoor wanneer/i,
	/in je mails/i,
	/nieuws in je/i,
	/we (?:mailen|laten) je/i,
	/je krijgt (?:het |haar )?nieuws/i
];

const notifies = features.some((f) => f.name === 'notifications');

describe.skipIf(notifies)('no promise of mail before the notifications feature', () => {
	const catalogue = [...texts(nl), ...Object.values(files).flatMap((module) => texts(module))];

	it.each(PROMISES.map((p) => [p.source, p] as const))('no Dutch text says "%s"', (_, pattern) => {
		expect(catalogue.filter((m) => pattern.test(m.text)).map((m) => m.key)).toEqual([]);
	});

	it('the demo content makes no such promise either', () => {
		const demo = readFileSync(new URL('../server/features/actions/actions.demo.ts', import.meta.url), 'utf8');
		expect(PROMISES.filter((p) => p.test(demo)).map((p) => p.source)).toEqual([]);
	});

	it('after a suggestion and a follow, the page says what following does today', () => {
		for (const key of [
			'suggestionsContribute.confirm.pending',
			'suggestionsContribute.confirm.published',
			'suggestionsContribute.confirm.followed'
		] as const)
			expect(translate('nl', key)).toMatch(/Mijn activiteit.*mails daarover sturen we nog niet/i);
		expect(translate('nl', 'actions.follow.followed')).toMatch(/Mijn activiteit.*mails sturen we nog niet/i);
		expect(translate('nl', 'profile.mailFrequency.notYet')).toMatch(/nog geen/);
	});
});
