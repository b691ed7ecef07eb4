import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { flashMessage } from './flash';

const { t } = createTranslator('nl');

describe('flashMessage', () => {
	const messages = { bulk: 'actionsAdmin.done.bulk', gearchiveerd: 'actionsAdmin.done.archived' } as const;

	it('names the outcome in the address, with its count', () => {
		expect(flashMessage(t, { done: 'bulk', count: 3 }, messages)).toBe('3 acties zijn gewijzigd.');
		expect(flashMessage(t, { done: 'bulk', count: 1 }, messages)).toBe('1 actie is gewijzigd.');
		expect(flashMessage(t, { done: 'gearchiveerd' }, messages)).toBe(t('actionsAdmin.done.archived'));
	});

	it('says nothing without an outcome or for one the page does not know', () => {
		for (const done of [null, undefined, '', 'onbekend', 'toString', '__proto__'])
			expect(flashMessage(t, { done, count: 2 }, messages)).toBeNull();
	});
});
