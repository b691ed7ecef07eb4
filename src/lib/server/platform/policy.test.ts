import { describe, expect, it } from 'vitest';
import {
	can,
	canManageRegion,
	grantableRoles,
	isStaff,
	MUNICIPALITY_ABILITIES,
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
function regional(role: RegionRole): Actor {
	return { userId: 'u', displayName: 'x', memberships: [], regionRoles: [{ regionId: KEMPEN, role }] };
}
const citizen: Actor = { userId: 'c', displayName: 'c', memberships: [], regionRoles: [] };

const expected: Record<MunicipalityRole, string[]> = {
	moderator: ['backoffice.view', 'dashboard.view', 'content.moderate', 'workingGroups.prepare'],
	communication: ['backoffice.view', 'dashboard.view', 'content.communicate'],
	alderman: ['backoffice.view', 'dashboard.view'],
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

	it('gives regional roles their abilities in every municipality of their region only', () => {
		for (const target of [A, B]) {
			expect(can(regional('regional_admin'), 'staff.manage', target)).toBe(true);
			expect(can(regional('participation_expert'), 'workingGroups.prepare', target)).toBe(true);
			expect(can(regional('participation_expert'), 'staff.manage', target)).toBe(false);
		}
		for (const ability of MUNICIPALITY_ABILITIES) {
			expect(can(regional('regional_admin'), ability, ELSEWHERE)).toBe(false);
		}
		expect(canManageRegion(regional('regional_admin'), KEMPEN)).toBe(true);
		expect(canManageRegion(regional('regional_admin'), OTHER_REGION)).toBe(false);
		expect(canManageRegion(staffOfA('admin'), KEMPEN)).toBe(false);
	});

	it('lets only admins hand out roles, and only in their own municipality', () => {
		expect(grantableRoles(staffOfA('admin'), A)).toEqual(['moderator', 'communication', 'alderman', 'admin']);
		expect(grantableRoles(staffOfA('admin'), B)).toEqual([]);
		expect(grantableRoles(staffOfA('moderator'), A)).toEqual([]);
	});
});
