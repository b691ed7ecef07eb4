// Demo stories for Geel: two published on the home (one with a drawing as its photo, made by sharp from SVG
// here and processed as any upload is, like the events' demo report) and one waiting in the queue. Their
// authors are the demo's neighbours of Geel (accounts without a login, from the suggestions' demo).
import sharp from 'sharp';
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, municipalities, stories, users } from '$lib/server/db/schema';
import { processPhoto } from '$lib/server/platform/photos';
import { STORY_LIMITS } from '$lib/domain/stories';
import { insertStory, insertStoryPhoto } from './stories.queries';

const DAY = 86_400_000;

const GARDEN_DRAWING = {
	alt: 'Tekening: buren planten samen vaste planten in een geveltuin langs een rij huizen; een kruiwagen met tegels staat ernaast.',
	svg: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
		<rect width="1200" height="800" fill="#dceef5"/>
		<rect x="0" y="560" width="1200" height="240" fill="#b9b2a3"/>
		<g fill="#c96f4a" stroke="#7a4a34" stroke-width="6">
			<rect x="80" y="220" width="300" height="340"/><rect x="420" y="180" width="320" height="380"/><rect x="780" y="240" width="320" height="320"/>
		</g>
		<g fill="#f4efe2"><rect x="140" y="300" width="80" height="90"/><rect x="500" y="260" width="80" height="90"/><rect x="860" y="320" width="80" height="90"/></g>
		<rect x="60" y="540" width="1080" height="40" fill="#6d8f3a"/>
		<g fill="#3f7d3a">
			<circle cx="140" cy="520" r="38"/><circle cx="260" cy="510" r="46"/><circle cx="520" cy="515" r="40"/>
			<circle cx="660" cy="505" r="50"/><circle cx="880" cy="520" r="36"/><circle cx="1020" cy="512" r="44"/>
		</g>
		<g fill="#f2c84b"><circle cx="250" cy="480" r="12"/><circle cx="650" cy="470" r="12"/><circle cx="1010" cy="478" r="12"/></g>
		<g fill="#5a6b7a"><rect x="360" y="610" width="150" height="70" rx="10"/><circle cx="380" cy="700" r="22"/></g>
		<g fill="#9a9a9a" stroke="#6b6b6b" stroke-width="3"><rect x="385" y="585" width="45" height="28"/><rect x="440" y="588" width="45" height="28"/></g>
	</svg>`
};

export async function seedDemoStories(db: Db, options: { now?: Date } = {}): Promise<{ stories: number }> {
	const now = options.now ?? new Date();
	const [geel] = await db
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	if (!geel) return { stories: 0 };
	const [already] = await db
		.select({ id: stories.id })
		.from(stories)
		.where(eq(stories.municipalityId, geel.id))
		.limit(1);
	if (already) return { stories: 0 };
	const neighbours = await db
		.select({ id: users.id })
		.from(users)
		.where(
			and(eq(users.homeMunicipalityId, geel.id), eq(users.firstChannel, 'demo'), isNull(users.givenName))
		)
		.orderBy(asc(users.createdAt), asc(users.id))
		.limit(3);
	const [action] = await db
		.select({ id: actions.id })
		.from(actions)
		.where(and(eq(actions.municipalityId, geel.id), like(actions.title, 'Ontharden en vergroenen%')))
		.limit(1);
	const author = (i: number) => neighbours[i]?.id ?? null;

	const drawing = await processPhoto(await sharp(Buffer.from(GARDEN_DRAWING.svg)).jpeg().toBuffer(), {
		maxBytes: STORY_LIMITS.photoBytesMax
	});
	if ('error' in drawing) throw new Error(`demo story photo: ${drawing.error}`);
	const photo = await insertStoryPhoto(db, {
		municipalityId: geel.id,
		...drawing,
		alt: GARDEN_DRAWING.alt,
		createdBy: author(0)
	});

	const published = (days: number) => ({
		status: 'published' as const,
		placement: 'home' as const,
		publishedAt: new Date(now.getTime() - days * DAY),
		decidedAt: new Date(now.getTime() - days * DAY),
		createdAt: new Date(now.getTime() - (days + 3) * DAY)
	});
	await insertStory(db, {
		municipalityId: geel.id,
		authorId: author(0),
		initiative: 'Buren van de Diestseweg',
		title: 'Twaalf geveltuinen in één zaterdag',
		body: 'Met twaalf gezinnen uit onze straat haalden we op één zaterdag de tegels voor onze gevels weg. De stad bracht een container en plantgoed, wij zorgden voor soep en spierkracht.\n\nNu bloeit er lavendel en kattenkruid waar vroeger alleen beton lag, en de kinderen gieten om beurten. Volgend voorjaar doet de straat ernaast mee.',
		showName: false,
		actionId: action?.id ?? null,
		photoId: photo.id,
		...published(6)
	});
	await insertStory(db, {
		municipalityId: geel.id,
		authorId: author(1),
		initiative: 'Repaircafé Ten Aard',
		title: 'Veertig toestellen kregen een tweede leven',
		body: 'Elke derde zaterdag van de maand herstellen vrijwilligers in het buurthuis van Ten Aard wat kapot is: broodroosters, fietsen, lampen en kleren. Vorige maand gingen er veertig toestellen weer mee naar huis in plaats van naar het containerpark.\n\nWe zoeken nog iemand die naaimachines kent.',
		showName: true,
		actionId: null,
		photoId: null,
		...published(2)
	});
	await insertStory(db, {
		municipalityId: geel.id,
		authorId: author(2),
		initiative: 'Moestuin De Vlasakker',
		title: 'Onze eerste oogst uit de gedeelde moestuin',
		body: 'Op het braakliggend stuk achter de school beginnen we met tien buren een gedeelde moestuin. Deze week oogstten we de eerste courgettes en bonen, en we delen ze met wie langskomt.',
		showName: true,
		actionId: null,
		photoId: null,
		createdAt: new Date(now.getTime() - 1 * DAY)
	});
	return { stories: 3 };
}
