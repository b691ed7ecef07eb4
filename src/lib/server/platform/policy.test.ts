import { describe, expect, it } from 'vitest';
import {
	can,
	canManageRegion,
	grantableRoles,
	isStaff,
	MUNICIPALITY_ABILITIES,
	regionRoleReaches,
	type Actor,
	type MunicipalityRole,
	type RegionRole
} from './policy';

const KEMPEN = 'region-kempen';
const OTHER_REGION = 'region-elders';
const A = { municipalityId: 'geel', regionId: KEMPEN };
const B = { municipalityId: 'mol', regionId: KEMPEN };
const ELSEWHERE = { municipalityId: 'gent', regionId: OTHER_REGION };

function staffOfA(role: MunicipalityRole): Actor {
	return { userId: 'u', displayName: 'x', memberships: [{ municipalityId: 'geel', role }], regionRoles: [] };
}
function regional(role: RegionRole, coachedMunicipalityIds: string[] = []): Actor {
	return {
		userId: 'u',
		displayName: 'x',
		memberships: [],
		regionRoles: [{ regionId: KEMPEN, role, coachedMunicipalityIds }]
	};
}
const citizen: Actor = { userId: 'c', displayName: 'c', memberships: [], regionRoles: [] };

const expected: Record<MunicipalityRole, string[]> = {
	moderator: [
		'backoffice.view',
		'dashboard.view',
		'content.moderate',
		'workingGroups.prepare',
		'climatePlan.view',
		'climatePlan.manage'
	],
	communication: ['backoffice.view', 'dashboard.view', 'content.communicate', 'climatePlan.view'],
	alderman: ['backoffice.view', 'dashboard.view', 'climatePlan.view'],
	// A colleague of another department reads the back office and the climate plan, and follows.
	colleague: ['backoffice.view', 'climatePlan.view'],
	admin: [...MUNICIPALITY_ABILITIES]
};

describe('back-office policy', () => {
	it.each(Object.keys(expected) as MunicipalityRole[])(
		'gives a %s of A exactly their abilities in A',
		(role) => {
			const actor = staffOfA(role);
			const granted = MUNICIPALITY_ABILITIES.filter((a) => can(actor, a, A));
			expect(granted).toEqual(expected[role]);
		}
	);

	it.each(Object.keys(expected) as MunicipalityRole[])('refuses a %s of A everything in B', (role) => {
		for (const ability of MUNICIPALITY_ABILITIES) expect(can(staffOfA(role), ability, B)).toBe(false);
	});

	it('refuses citizens and visitors everything', () => {
		for (const ability of MUNICIPALITY_ABILITIES) {
			expect(can(citizen, ability, A)).toBe(false);
			expect(can(null, ability, A)).toBe(false);
		}
		expect(isStaff(citizen)).toBe(false);
	});

	it('lets the alderman read but change nothing', () => {
		const alderman = staffOfA('alderman');
		expect(can(alderman, 'dashboard.view', A)).toBe(true);
		for (const change of [
			'content.moderate',
			'staff.manage',
			'settings.manage',
			'content.communicate'
		] as const) {
			expect(can(alderman, change, A)).toBe(false);
		}
	});

	it('gives the regional admin every ability in every municipality of their region only', () => {
		for (const target of [A, B]) {
			expect(MUNICIPALITY_ABILITIES.filter((a) => can(regional('regional_admin'), a, target))).toEqual([
				...MUNICIPALITY_ABILITIES
			]);
		}
		for (const ability of MUNICIPALITY_ABILITIES) {
			expect(can(regional('regional_admin'), ability, ELSEWHERE)).toBe(false);
		}
		expect(canManageRegion(regional('regional_admin'), KEMPEN)).toBe(true);
		expect(canManageRegion(regional('regional_admin'), OTHER_REGION)).toBe(false);
		expect(canManageRegion(staffOfA('admin'), KEMPEN)).toBe(false);
	});

	it('gives a participation expert their abilities in the municipalities they coach, and nothing elsewhere', () => {
		const expert = regional('participation_expert', ['geel']);
		expect(MUNICIPALITY_ABILITIES.filter((a) => can(expert, a, A))).toEqual([
			'backoffice.view',
			'dashboard.view',
			'workingGroups.prepare'
		]);
		// Mol, in the same region but not coached, and Gent in another region: like a citizen.
		for (const target of [B, ELSEWHERE])
			for (const ability of MUNICIPALITY_ABILITIES) expect(can(expert, ability, target)).toBe(false);
		// A coached id under another region's role, or a municipality of another region named as coached,
		// reaches nothing: the region must match too.
		const astray: Actor = {
			...expert,
			regionRoles: [
				{ regionId: OTHER_REGION, role: 'participation_expert', coachedMunicipalityIds: ['geel'] }
			]
		};
		expect(can(astray, 'backoffice.view', A)).toBe(false);
		expect(can(regional('participation_expert', ['gent']), 'backoffice.view', ELSEWHERE)).toBe(false);
		expect(regionRoleReaches(expert.regionRoles[0]!, A)).toBe(true);
		expect(regionRoleReaches(expert.regionRoles[0]!, B)).toBe(false);
	});

	it('gives a participation expert who coaches no municipality nothing at all, though the back-office link shows', () => {
		const idle = regional('participation_expert');
		for (const target of [A, B, ELSEWHERE])
			for (const ability of MUNICIPALITY_ABILITIES) expect(can(idle, ability, target)).toBe(false);
		expect(canManageRegion(idle, KEMPEN)).toBe(false);
		// The link leads to the region's back office page, which tells them no municipality is theirs yet.
		expect(isStaff(idle)).toBe(true);
	});

	it('lets only admins hand out roles, and only in their own municipality', () => {
		expect(grantableRoles(staffOfA('admin'), A)).toEqual([
			'moderator',
			'communication',
			'alderman',
			'admin',
			'colleague'
		]);
		expect(grantableRoles(staffOfA('admin'), B)).toEqual([]);
		expect(grantableRoles(staffOfA('moderator'), A)).toEqual([]);
		expect(grantableRoles(staffOfA('colleague'), A)).toEqual([]);
	});
});
