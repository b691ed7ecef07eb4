// The participation ladder (participatieladder): every way to take part sits on one rung.
export const LADDER_RUNGS = ['inform', 'consult', 'advise', 'coproduce', 'codecide', 'selfManage'] as const;

export type LadderRung = (typeof LADDER_RUNGS)[number];

/** 1 for informing up to 6 for self-management: the intensity a citizen chooses. */
export function rungLevel(rung: LadderRung): number {
	return LADDER_RUNGS.indexOf(rung) + 1;
}

export function isLadderRung(value: unknown): value is LadderRung {
	return typeof value === 'string' && (LADDER_RUNGS as readonly string[]).includes(value);
}

export function compareRungs(a: LadderRung, b: LadderRung): number {
	return rungLevel(a) - rungLevel(b);
}
