// The demo's Klimaatdoeners of Geel: an open call with rules and a menu card, three of the demo's neighbours
// as members (one the coordinator), co-financing, one expense approved by the rule with a drawn receipt, and a
// thread, a task and a note in the workspace. Nothing is picked from the menu card yet, so the demo's actions
// stay the actions feature's own (each with its drawing); picking is what a visitor of the demo can try.
import sharp from 'sharp';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { citizenGroups, municipalities, users } from '$lib/server/db/schema';
import { processPhoto } from '$lib/server/platform/photos';
import { GROUP_LIMITS } from '$lib/domain/groups';
import {
	insertExpense,
	insertFile,
	insertFunding,
	insertGroup,
	insertMember,
	insertMenuItem,
	insertNote,
	insertPost,
	insertTask,
	insertThread
} from './groups.queries';

const RULES = `## Reglement Klimaatdoeners Geel

1. De groep krijgt een **werkingsbudget** van de stad om klimaatacties uit de menukaart op te zetten.
2. Elke uitgave staat in de werkruimte, met een **kasticket of factuur** (foto of PDF).
3. Uitgaven boven **€ 250** keurt de stad eerst goed; kleinere uitgaven tellen meteen.
4. De groep zoekt mee naar **cofinanciering**: sponsors, subsidies of crowdfunding.
5. Na zes maanden begeleiding stuurt de groep zichzelf: leden nodigen anderen uit en geven rollen door.

Vragen? Bel de klimaatambtenaar of stel je vraag op de pagina van de groep.`;

const MENU = [
	{
		title: 'Repaircafé',
		description: 'Een maandelijkse namiddag waar vrijwilligers toestellen, fietsen en kleren herstellen.',
		tags: ['circular']
	},
	{
		title: 'Gedeelde moestuin',
		description: 'Buren kweken samen groenten op een braakliggend stuk grond.',
		tags: ['climateAdaptation', 'circular']
	},
	{
		title: 'Fietsbibliotheek',
		description: 'Kinderfietsen en bakfietsen uitlenen in plaats van kopen.',
		tags: ['mobility']
	},
	{
		title: 'Korte keten: lokale producten',
		description: 'Een afhaalpunt voor groenten en zuivel van boeren uit de buurt.',
		tags: ['circular']
	},
	{
		title: 'Energiecoöperatie',
		description: 'Samen zonnepanelen op een groot dak leggen en de stroom delen.',
		tags: ['renewableEnergy']
	},
	{
		title: 'Renovatiebegeleiding door buren',
		description: 'Buren die al renoveerden helpen anderen op weg.',
		tags: ['renovation']
	}
];

const RECEIPT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900">
	<rect width="600" height="900" fill="#ffffff"/>
	<g fill="#222"><rect x="60" y="80" width="300" height="28"/><rect x="60" y="160" width="480" height="14"/>
	<rect x="60" y="200" width="420" height="14"/><rect x="60" y="240" width="460" height="14"/>
	<rect x="60" y="700" width="200" height="24"/><rect x="400" y="700" width="140" height="24"/></g>
</svg>`;

export async function seedDemoGroups(db: Db): Promise<{ groups: number }> {
	const [geel] = await db
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	if (!geel) return { groups: 0 };
	const [already] = await db
		.select({ id: citizenGroups.id })
		.from(citizenGroups)
		.where(eq(citizenGroups.municipalityId, geel.id))
		.limit(1);
	if (already) return { groups: 0 };
	const neighbours = await db
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(
			and(eq(users.homeMunicipalityId, geel.id), eq(users.firstChannel, 'demo'), isNull(users.givenName))
		)
		.orderBy(asc(users.createdAt), asc(users.id))
		.limit(3);
	const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	const group = await insertGroup(db, {
		municipalityId: geel.id,
		name: 'Klimaatdoeners Geel',
		purpose:
			'Een groep Gelenaars die met een eigen werkingsbudget van de stad klimaatacties opzet in de buurt: van een repaircafé tot een energiecoöperatie. Zes maanden begeleiding, daarna stuurt de groep zichzelf.',
		rules: RULES,
		budgetCents: 500_000,
		deadline,
		confirmSignups: false,
		approvalThresholdCents: GROUP_LIMITS.approvalThresholdCentsDefault,
		status: 'open',
		createdBy: null
	});
	const tenant = { municipalityId: geel.id, groupId: group.id };
	for (const [position, item] of MENU.entries()) await insertMenuItem(db, { ...tenant, ...item, position });
	for (const [i, person] of neighbours.entries())
		await insertMember(db, {
			...tenant,
			userId: person.id,
			motivation:
				[
					'Ik wil mijn buurt klimaatvriendelijker maken.',
					'Ik kweek al jaren groenten en deel graag.',
					'Ik herstel graag fietsen.'
				][i] ?? '',
			status: 'accepted',
			role: i === 0 ? 'coordinator' : 'member'
		});
	const coordinator = neighbours[0];
	if (!coordinator) return { groups: 1 };
	await insertFunding(db, {
		...tenant,
		kind: 'subsidy',
		source: 'Provincie Antwerpen, projectsubsidie klimaat',
		amountCents: 100_000,
		status: 'received',
		createdBy: coordinator.id
	});
	await insertFunding(db, {
		...tenant,
		kind: 'sponsor',
		source: 'Tuincentrum De Kempen',
		amountCents: 25_000,
		status: 'promised',
		createdBy: coordinator.id
	});
	const receipt = await processPhoto(await sharp(Buffer.from(RECEIPT_SVG)).jpeg().toBuffer(), {
		maxBytes: GROUP_LIMITS.fileBytesMax
	});
	if ('error' in receipt) throw new Error(`demo receipt: ${receipt.error}`);
	const file = await insertFile(db, {
		...tenant,
		kind: 'receipt',
		name: 'kasticket-plantgoed.jpg',
		contentType: receipt.contentType,
		bytes: receipt.bytes,
		uploadedBy: coordinator.id
	});
	await insertExpense(db, {
		...tenant,
		description: 'Zaaigoed en plantjes voor de moestuin',
		amountCents: 4_550,
		category: 'material',
		menuItemId: null,
		receiptId: file.id,
		spentOn: new Date().toISOString().slice(0, 10),
		status: 'approved',
		submittedBy: coordinator.id
	});
	const thread = await insertThread(db, {
		...tenant,
		title: 'Wie helpt zaterdag spitten?',
		authorId: coordinator.id
	});
	await insertPost(db, {
		...tenant,
		threadId: thread.id,
		authorId: coordinator.id,
		body: 'We beginnen zaterdag om 10 uur. Wie brengt een spade mee?'
	});
	if (neighbours[1])
		await insertPost(db, {
			...tenant,
			threadId: thread.id,
			authorId: neighbours[1].id,
			body: 'Ik kom, met twee spades.'
		});
	await insertTask(db, {
		...tenant,
		title: 'Afspraak met de school over het stuk grond',
		ownerId: coordinator.id,
		dueOn: deadline,
		createdBy: coordinator.id
	});
	await insertNote(db, {
		...tenant,
		title: 'Kick-off',
		body: 'We kozen de gedeelde moestuin als eerste actie. Volgende keer: het repaircafé.',
		authorId: coordinator.id
	});
	return { groups: 1 };
}
