// The board by status against the real database: each column shows how many of the municipality's actions have
// that status (the table's filters applied) and only its PLAN_BOARD_COLUMN_SIZE most urgent ones — late first,
// then by planned end (none last), then by priority, then by code; another municipality's actions never count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import { buildParticipatingMunicipality, buildStaff } from '$lib/server/testing/factories';
import { inArray } from 'drizzle-orm';
import { climatePlanActions } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { PlanPriority, PlanStatus } from '$lib/domain/climate-plan';
import {
	addPlanDepartment,
	addPlanTheme,
	getPlanStatusBoard,
	PLAN_BOARD_COLUMN_SIZE
} from './climate-plan.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let molOfficer: Actor;
let buildings: number;
let green: number;

const as = (actor: Actor, tenant: Tenant = geel) => ctxAs(database.db, tenant, actor);

interface Seed {
	code: string;
	status: PlanStatus;
	priority: PlanPriority;
	plannedEnd: string | null;
	themeId?: number | null;
	leadDepartmentId?: number | null;
	title?: string;
}

const PRIORITY_RANK: Record<PlanPriority, number> = { high: 0, medium: 1, low: 2 };
// The domain's rule (every seed started planned on 2019-01-01): open and past its planned end, or not started
// though its planned start has passed.
const isLate = (s: Seed) =>
	s.status !== 'completed' &&
	s.status !== 'stopped' &&
	((s.plannedEnd !== null && s.plannedEnd < '2026-01-01') || s.status === 'not_started');

/** The board's order, written out independently of the SQL: late first, planned end, priority, code. */
function urgent(a: Seed, b: Seed) {
	return (
		Number(isLate(b)) - Number(isLate(a)) ||
		(a.plannedEnd ?? '9999').localeCompare(b.plannedEnd ?? '9999') ||
		PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
		a.code.localeCompare(b.code)
	);
}

const seeds: Seed[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	officer = (await buildStaff(database.db, geel, 'moderator')).actor;
	molOfficer = (await buildStaff(database.db, mol, 'moderator')).actor;
	buildings = (await addPlanTheme(as(officer), { name: 'Gebouwen' })).id;
	green = (await addPlanDepartment(as(officer), { name: 'Groendienst' })).id;
	const priorities: PlanPriority[] = ['low', 'medium', 'high'];
	// 40 ongoing: ten late (ended in 2020-2021), the rest ending from 2090 on, a few without an end; pairs share a
	// planned end so priority decides between them.
	for (let i = 0; i < 40; i++) {
		const late = i % 4 === 0;
		seeds.push({
			code: `ON-${String(i).padStart(2, '0')}`,
			status: 'ongoing',
			priority: priorities[i % 3]!,
			plannedEnd:
				i % 13 === 5
					? null
					: late
						? `202${i % 2}-0${(i % 9) + 1}-15`
						: `209${Math.floor(i / 10)}-0${(Math.floor(i / 2) % 9) + 1}-01`,
			themeId: i % 2 === 0 ? buildings : null,
			leadDepartmentId: i % 5 === 0 ? green : null,
			title: i % 10 === 3 ? `Fietsstraat ${i}` : `Actie ${i}`
		});
	}
	for (let i = 0; i < 3; i++)
		seeds.push({ code: `DONE-${i}`, status: 'completed', priority: 'high', plannedEnd: `2020-0${i + 1}-01` });
	for (let i = 0; i < 5; i++)
		seeds.push({
			code: `NS-${i}`,
			status: 'not_started',
			priority: priorities[i % 3]!,
			plannedEnd: '2095-01-01'
		});
	// The clock of the board is today's date; the late ones ended in 2020-2021, the others from 2090 on.
	await database.db.insert(climatePlanActions).values(
		seeds.map((s) => ({
			municipalityId: geel.id,
			code: s.code,
			title: s.title ?? s.code,
			status: s.status,
			priority: s.priority,
			plannedStart: '2019-01-01',
			plannedEnd: s.plannedEnd,
			themeId: s.themeId ?? null,
			leadDepartmentId: s.leadDepartmentId ?? null
		}))
	);
	// Untouched since 2020: an open one is stale on its card, a completed one is not.
	await database.db
		.update(climatePlanActions)
		.set({ createdAt: new Date('2020-01-01T00:00:00Z') })
		.where(inArray(climatePlanActions.code, ['ON-01', 'DONE-1']));
	// Mol's plan: 30 ongoing actions that are all late, which must never show or count on Geel's board.
	await database.db.insert(climatePlanActions).values(
		Array.from({ length: 30 }, (_, i) => ({
			municipalityId: mol.id,
			code: `MOL-${i}`,
			title: `Actie van Mol ${i}`,
			status: 'ongoing' as const,
			priority: 'high' as const,
			plannedStart: '2019-01-01',
			plannedEnd: '2019-06-01'
		}))
	);
});
afterAll(() => database?.destroy());

const column = (board: Awaited<ReturnType<typeof getPlanStatusBoard>>, status: PlanStatus) =>
	board.columns.find((c) => c.status === status)!;

describe('the board by status', () => {
	it('shows per status its count and only the most urgent actions, late first', async () => {
		const board = await getPlanStatusBoard(as(officer), {});
		expect(PLAN_BOARD_COLUMN_SIZE).toBe(25);
		expect(board.perColumn).toBe(PLAN_BOARD_COLUMN_SIZE);
		expect(board.columns.map((c) => c.status)).toEqual([
			'not_started',
			'ongoing',
			'completed',
			'postponed',
			'stopped'
		]);
		expect(board.columns.map((c) => c.total)).toEqual([5, 40, 3, 0, 0]);
		const ongoing = column(board, 'ongoing');
		expect(ongoing.items).toHaveLength(PLAN_BOARD_COLUMN_SIZE);
		const expected = seeds
			.filter((s) => s.status === 'ongoing')
			.sort(urgent)
			.slice(0, PLAN_BOARD_COLUMN_SIZE)
			.map((s) => s.code);
		expect(ongoing.items.map((i) => i.code)).toEqual(expected);
		expect(ongoing.items.slice(0, 10).every((i) => i.late)).toBe(true);
		expect(ongoing.items.slice(10).some((i) => i.late)).toBe(false);
		// A column shorter than the cap shows all; an empty one shows nothing; completed ones are never late.
		expect(column(board, 'completed').items.map((i) => [i.code, i.late])).toEqual([
			['DONE-0', false],
			['DONE-1', false],
			['DONE-2', false]
		]);
		expect(column(board, 'not_started').items.map((i) => i.code)).toEqual(
			['NS-2', 'NS-1', 'NS-0', 'NS-3', 'NS-4'].sort((a, b) =>
				urgent(
					seeds.find((s) => s.code === a)!,
					seeds.find((s) => s.code === b)!
				)
			)
		);
		expect(column(board, 'stopped').items).toEqual([]);
		// Names are looked up for the cards shown.
		const withLead = ongoing.items.find((i) => i.code === 'ON-00')!;
		expect(withLead.leadDepartmentName).toBe('Groendienst');
		expect(withLead.themeName).toBe('Gebouwen');
		// Stale: open and no update for 60 days (the card's flag).
		const stale = (code: string) => board.columns.flatMap((c) => c.items).find((i) => i.code === code)!.stale;
		expect([stale('ON-01'), stale('DONE-1'), stale('ON-00')]).toEqual([true, false, false]);
		// A card carries what it shows, not the whole action (the page sends its data to the browser).
		expect(Object.keys(withLead)).not.toContain('description');
		expect(Object.keys(withLead)).not.toContain('budgetCents');
	});

	it('keeps the table’s filters: counts and cards follow them', async () => {
		const byTheme = await getPlanStatusBoard(as(officer), { theme: String(buildings) });
		expect(column(byTheme, 'ongoing').total).toBe(20);
		expect(column(byTheme, 'ongoing').items.map((i) => i.code)).toEqual(
			seeds
				.filter((s) => s.status === 'ongoing' && s.themeId === buildings)
				.sort(urgent)
				.map((s) => s.code)
		);
		expect(column(byTheme, 'not_started').total).toBe(0);

		const byStatus = await getPlanStatusBoard(as(officer), { status: 'completed' });
		expect(byStatus.columns.map((c) => c.total)).toEqual([0, 0, 3, 0, 0]);

		const lateOnly = await getPlanStatusBoard(as(officer), { late: 'ja' });
		expect(lateOnly.columns.map((c) => c.total)).toEqual([5, 10, 0, 0, 0]);

		const byDepartment = await getPlanStatusBoard(as(officer), { department: String(green) });
		expect(column(byDepartment, 'ongoing').total).toBe(8);

		const word = await getPlanStatusBoard(as(officer), { q: 'fietsstraat', priority: 'high' });
		expect(column(word, 'ongoing').items.map((i) => i.title)).toEqual(
			seeds
				.filter((s) => s.title?.startsWith('Fietsstraat') && s.priority === 'high')
				.sort(urgent)
				.map((s) => s.title)
		);
		expect(filtersKept(word.filters)).toEqual({ q: 'fietsstraat', priority: 'high' });

		// Nonsense in the address is ignored, not an error.
		const nonsense = await getPlanStatusBoard(as(officer), { status: 'nonsense', theme: 'abc' });
		expect(nonsense.columns.map((c) => c.total)).toEqual([5, 40, 3, 0, 0]);
	});

	it('never shows or counts another municipality’s actions, and refuses its staff', async () => {
		const molBoard = await getPlanStatusBoard(as(molOfficer, mol), {});
		expect(molBoard.columns.map((c) => c.total)).toEqual([0, 30, 0, 0, 0]);
		expect(column(molBoard, 'ongoing').items.every((i) => i.code?.startsWith('MOL-'))).toBe(true);
		const geelBoard = await getPlanStatusBoard(as(officer), {});
		expect(geelBoard.columns.flatMap((c) => c.items).some((i) => i.code?.startsWith('MOL-'))).toBe(false);
		await refusal(getPlanStatusBoard(as(molOfficer), {}), 'forbidden');
	});
});

function filtersKept(filters: Record<string, unknown>) {
	return Object.fromEntries(
		Object.entries(filters).filter(([k, v]) => ['q', 'priority', 'status', 'theme'].includes(k) && v)
	);
}
