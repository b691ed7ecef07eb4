// The demo's climate plan: Geel's plan of twenty actions across the Covenant's sectors and five themes, carried
// by its departments, some late, some without an update for months, one blocked, one linked to the public
// unpaving action (status, CO2 and milestones shown). Hilde of the green service (the colleague persona) is
// responsible for the green actions, so her monthly mail and her updates can be tried.
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, climatePlanActions, municipalities, userIdentities } from '$lib/server/db/schema';
import { DEMO_PERSONA_ISSUER } from '$lib/server/features/accounts/accounts.demo';
import type { CovenantSector, PlanPriority, PlanStatus } from '$lib/domain/climate-plan';
import {
	ensurePlanDepartment,
	ensurePlanTheme,
	insertIndicator,
	insertMilestone,
	insertPlanAction,
	insertPlanUpdate,
	setInvolvedDepartments,
	updatePlanAction
} from './climate-plan.queries';
import { loadPlanTeamsDemo } from './climate-plan.teams.demo';

const THEMES = ['Gebouwen', 'Mobiliteit', 'Energieproductie', 'Klimaatadaptatie', 'Consumptie en afval'];
const UNPAVING = 'Ontharden en vergroenen: van tegels naar planten';

type DemoAction = [
	code: string,
	title: string,
	theme: number,
	sector: CovenantSector,
	lead: string,
	involved: string[],
	priority: PlanPriority,
	status: PlanStatus,
	/** Planned start and end in months from now. */
	months: [number, number],
	budgetEuro: number,
	spentEuro: number,
	co2: number,
	co2Achieved: number | null,
	mwh: number,
	renewable: number,
	/** Days since the latest update; null: none yet. */
	updated: number | null
];

const PLAN: DemoAction[] = [
	[
		'GEB-01',
		'Energiescan van alle gemeentelijke gebouwen',
		0,
		'municipal_buildings',
		'Gebouwenbeheer',
		['Duurzaamheidsdienst'],
		'high',
		'completed',
		[-20, -8],
		45_000,
		41_250,
		0,
		null,
		0,
		0,
		40
	],
	[
		'GEB-02',
		'Dakisolatie en nieuwe ramen in het administratief centrum',
		0,
		'municipal_buildings',
		'Gebouwenbeheer',
		['Financiële dienst'],
		'high',
		'ongoing',
		[-6, 8],
		620_000,
		210_000,
		85,
		null,
		310,
		0,
		12
	],
	[
		'GEB-03',
		'Warmtepompen in de sporthal en het zwembad',
		0,
		'municipal_buildings',
		'Gebouwenbeheer',
		['Sportdienst'],
		'high',
		'not_started',
		[-2, 14],
		900_000,
		0,
		160,
		null,
		520,
		0,
		null
	],
	[
		'GEB-04',
		'Renovatiebegeleiding voor inwoners (energieloket)',
		0,
		'residential_buildings',
		'Duurzaamheidsdienst',
		['Dienst Wonen', 'Communicatiedienst'],
		'high',
		'ongoing',
		[-14, 20],
		120_000,
		64_000,
		420,
		150,
		1_400,
		0,
		20
	],
	[
		'GEB-05',
		'Collectieve renovatie in de wijk Sint-Dimpna',
		0,
		'residential_buildings',
		'Dienst Wonen',
		['Duurzaamheidsdienst'],
		'medium',
		'postponed',
		[-3, 18],
		250_000,
		8_000,
		180,
		null,
		600,
		0,
		95
	],
	[
		'GEB-06',
		'Duurzaamheidscharter voor handelaars en kantoren',
		0,
		'tertiary_buildings',
		'Dienst Lokale Economie',
		['Duurzaamheidsdienst'],
		'low',
		'ongoing',
		[-10, 6],
		15_000,
		6_200,
		60,
		12,
		200,
		0,
		75
	],
	[
		'MOB-01',
		'Fietsstraat Stationsstraat–Markt',
		1,
		'transport',
		'Mobiliteitsdienst',
		['Technische dienst'],
		'high',
		'ongoing',
		[-8, 2],
		380_000,
		300_000,
		95,
		null,
		0,
		0,
		30
	],
	[
		'MOB-02',
		'Elektrische deelwagens aan vier mobipunten',
		1,
		'transport',
		'Mobiliteitsdienst',
		['Financiële dienst'],
		'medium',
		'ongoing',
		[-5, -1],
		60_000,
		58_000,
		40,
		18,
		0,
		0,
		70
	],
	[
		'MOB-03',
		'Laadpalen op openbaar domein (1,5 per 100 inwoners)',
		1,
		'transport',
		'Mobiliteitsdienst',
		['Technische dienst'],
		'high',
		'ongoing',
		[-12, 24],
		90_000,
		35_000,
		210,
		60,
		0,
		0,
		10
	],
	[
		'MOB-04',
		'Elektrische dienstvoertuigen en fietsen voor het personeel',
		1,
		'transport',
		'Technische dienst',
		['Personeelsdienst'],
		'medium',
		'completed',
		[-18, -6],
		140_000,
		132_500,
		35,
		35,
		0,
		0,
		200
	],
	[
		'MOB-05',
		'Schoolstraten aan zes basisscholen',
		1,
		'transport',
		'Mobiliteitsdienst',
		['Dienst Onderwijs', 'Politie'],
		'medium',
		'not_started',
		[1, 9],
		20_000,
		0,
		8,
		null,
		0,
		0,
		null
	],
	[
		'ENE-01',
		'Zonnepanelen op alle geschikte gemeentelijke daken',
		2,
		'local_electricity',
		'Gebouwenbeheer',
		['Duurzaamheidsdienst'],
		'high',
		'ongoing',
		[-9, 3],
		480_000,
		390_000,
		240,
		120,
		0,
		950,
		15
	],
	[
		'ENE-02',
		'Participatief windproject met de energiecoöperatie',
		2,
		'local_electricity',
		'Duurzaamheidsdienst',
		['Ruimtelijke ordening', 'Communicatiedienst'],
		'high',
		'ongoing',
		[-24, 30],
		75_000,
		22_000,
		2_100,
		null,
		0,
		6_000,
		45
	],
	[
		'ENE-03',
		'Warmtenet rond het ziekenhuis en de scholen',
		2,
		'local_heat_cold',
		'Ruimtelijke ordening',
		['Duurzaamheidsdienst', 'Financiële dienst'],
		'medium',
		'not_started',
		[6, 36],
		2_500_000,
		0,
		900,
		null,
		3_200,
		0,
		null
	],
	[
		'ENE-04',
		'Openbare verlichting naar LED en dimbaar',
		2,
		'public_lighting',
		'Technische dienst',
		[],
		'medium',
		'completed',
		[-30, -4],
		1_200_000,
		1_150_000,
		310,
		290,
		1_100,
		0,
		120
	],
	[
		'ADA-01',
		'Ontharden van schoolspeelplaatsen en pleintjes',
		3,
		'adaptation',
		'Groendienst',
		['Technische dienst', 'Dienst Onderwijs'],
		'high',
		'ongoing',
		[-7, 5],
		160_000,
		70_000,
		0,
		null,
		0,
		0,
		8
	],
	[
		'ADA-02',
		'Duizend extra bomen tegen 2030',
		3,
		'adaptation',
		'Groendienst',
		['Technische dienst'],
		'medium',
		'ongoing',
		[-15, 48],
		200_000,
		48_000,
		25,
		6,
		0,
		0,
		65
	],
	[
		'ADA-03',
		'Premie voor regenwaterputten en infiltratie',
		3,
		'adaptation',
		'Dienst Omgeving',
		['Financiële dienst'],
		'low',
		'stopped',
		[-12, 0],
		30_000,
		4_000,
		0,
		null,
		0,
		0,
		150
	],
	[
		'CON-01',
		'Repair café en deelbib ondersteunen',
		4,
		'other',
		'Duurzaamheidsdienst',
		['Dienst Vrije Tijd'],
		'low',
		'ongoing',
		[-11, 12],
		12_000,
		5_000,
		15,
		4,
		0,
		0,
		25
	],
	[
		'CON-02',
		'Duurzame aankopen: criteria in elk bestek',
		4,
		'other',
		'Aankoopdienst',
		['Financiële dienst', 'Duurzaamheidsdienst'],
		'medium',
		'not_started',
		[-4, 6],
		0,
		0,
		50,
		null,
		0,
		0,
		null
	]
];

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const monthsFrom = (now: Date, months: number) =>
	ymd(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)));

export async function loadClimatePlanDemo(tx: Db, now = new Date()): Promise<void> {
	const [geel] = await tx
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	if (!geel) return;
	const municipalityId = geel.id;
	// Once: a plan that already has actions (an earlier demo, or the officer's own) is left as it is.
	const [existing] = await tx
		.select({ id: climatePlanActions.id })
		.from(climatePlanActions)
		.where(eq(climatePlanActions.municipalityId, municipalityId))
		.limit(1);
	if (existing) return;
	const [hilde] = await tx
		.select({ userId: userIdentities.userId })
		.from(userIdentities)
		.where(
			and(eq(userIdentities.issuer, DEMO_PERSONA_ISSUER), eq(userIdentities.subject, 'dev-colleague-geel'))
		);
	const [unpaving] = await tx
		.select({ id: actions.id })
		.from(actions)
		.where(and(eq(actions.municipalityId, municipalityId), eq(actions.title, UNPAVING)));
	const themeIds: number[] = [];
	for (const [position, name] of THEMES.entries())
		themeIds.push((await ensurePlanTheme(tx, { municipalityId, name, position })).id);
	const departments = new Map<string, number>();
	const department = async (name: string) => {
		if (!departments.has(name))
			departments.set(name, (await ensurePlanDepartment(tx, { municipalityId, name })).id);
		return departments.get(name)!;
	};
	for (const [
		code,
		title,
		theme,
		sector,
		lead,
		involved,
		priority,
		status,
		months,
		budget,
		spent,
		co2,
		co2Achieved,
		mwh,
		renewable,
		updated
	] of PLAN) {
		const started = status !== 'not_started';
		const done = status === 'completed' || status === 'stopped';
		const { id } = await insertPlanAction(tx, {
			municipalityId,
			values: {
				code,
				title,
				description: '',
				themeId: themeIds[theme] ?? null,
				sector,
				leadDepartmentId: await department(lead),
				responsibleId: lead === 'Groendienst' ? (hilde?.userId ?? null) : null,
				priority,
				status,
				plannedStart: monthsFrom(now, months[0]),
				plannedEnd: monthsFrom(now, months[1]),
				actualStart: started ? monthsFrom(now, months[0]) : null,
				actualEnd: done ? monthsFrom(now, months[1]) : null,
				budgetCents: budget * 100,
				spentCents: spent * 100,
				co2Planned: co2,
				co2Achieved,
				energySavingsMwh: mwh,
				renewableMwh: renewable,
				areaOfIntervention: '',
				policyInstrument: budget > 100_000 ? 'Investering' : 'Sensibilisering en ondersteuning',
				origin: 'Lokale overheid'
			}
		});
		const involvedIds: number[] = [];
		for (const name of involved) involvedIds.push(await department(name));
		await setInvolvedDepartments(tx, { municipalityId, planActionId: id, departmentIds: involvedIds });
		if (updated !== null) {
			const at = new Date(now.getTime() - updated * 86_400_000);
			await insertPlanUpdate(tx, {
				municipalityId,
				planActionId: id,
				authorId: null,
				done: 'Stand van zaken besproken op het klimaatteam.',
				blockers: code === 'MOB-01' ? 'De aannemer wacht op de nutsmaatschappij voor de leidingen.' : '',
				adjustment: code === 'GEB-05' ? 'Start een jaar later.' : '',
				adjustmentReason: code === 'GEB-05' ? 'De subsidie van Vlaanderen is pas in het najaar bekend.' : '',
				statusAfter: status,
				createdAt: at
			});
			await updatePlanAction(tx, { municipalityId, ids: [id], values: { lastUpdateAt: at } });
		}
		if (code === 'ADA-01') {
			await insertIndicator(tx, {
				municipalityId,
				planActionId: id,
				name: 'Onthard oppervlak',
				unit: 'm²',
				target: 4_000,
				current: 1_650
			});
			await insertMilestone(tx, {
				municipalityId,
				planActionId: id,
				title: 'Eerste drie speelplaatsen onthard',
				dueOn: monthsFrom(now, -2),
				doneOn: monthsFrom(now, -2)
			});
			await insertMilestone(tx, {
				municipalityId,
				planActionId: id,
				title: 'Plantdag op het pleintje',
				dueOn: monthsFrom(now, 2),
				doneOn: null
			});
			if (unpaving)
				await updatePlanAction(tx, {
					municipalityId,
					ids: [id],
					values: { publicActionId: unpaving.id, publicParts: ['status', 'co2', 'indicators', 'milestones'] }
				});
		}
	}
	await loadPlanTeamsDemo(tx, municipalityId, now);
}
