import { describe, expect, it } from 'vitest';
import { compareRungs, isLadderRung, LADDER_RUNGS, rungLevel } from './ladder';
import { contrastRatio, readableTextOn } from './colors';
import { DEFAULT_THEMES, isLekpWerf } from './themes';
import { translate } from '$lib/i18n';

describe('participation ladder', () => {
	it('has six rungs from informing to self-management', () => {
		expect(LADDER_RUNGS).toHaveLength(6);
		expect(rungLevel('inform')).toBe(1);
		expect(rungLevel('selfManage')).toBe(6);
		expect(compareRungs('consult', 'codecide')).toBeLessThan(0);
	});

	it('recognises only real rungs', () => {
		expect(isLadderRung('advise')).toBe(true);
		expect(isLadderRung('vote')).toBe(false);
		expect(isLadderRung(3)).toBe(false);
	});

	it('has a Dutch name and description for every rung', () => {
		for (const rung of LADDER_RUNGS) {
			expect(translate('nl', `ladder.${rung}.name`)).not.toContain('ladder.');
			expect(translate('nl', `ladder.${rung}.description`)).not.toContain('ladder.');
		}
	});
});

describe('themes', () => {
	it('has the six default climate themes, each with a Dutch name', () => {
		expect(DEFAULT_THEMES.map((t) => t.key)).toEqual([
			'greening',
			'renewableEnergy',
			'renovation',
			'mobility',
			'water',
			'circular'
		]);
		for (const theme of DEFAULT_THEMES) expect(translate('nl', `theme.${theme.key}`)).not.toContain('theme.');
	});

	it('links themes to werven of the climate pact, or to none', () => {
		for (const theme of DEFAULT_THEMES) expect(theme.werf === null || isLekpWerf(theme.werf)).toBe(true);
	});
});

describe('brand colours', () => {
	it('computes WCAG contrast', () => {
		expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 0);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
	});

	it('puts white text on dark colours and dark text on light ones', () => {
		expect(readableTextOn('#8a1538')).toBe('#ffffff');
		expect(readableTextOn('#f2c94c')).toBe('#111111');
	});
});
