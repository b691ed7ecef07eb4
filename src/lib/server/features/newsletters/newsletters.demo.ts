// Demo newsletter for Geel: one sent two weeks ago, so the public archive has something to show. It went to
// nobody of the demo (no recipient rows): it is an example of the archive, not a record of mail.
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, newsletters } from '$lib/server/db/schema';

const DAY = 24 * 3_600_000;

export async function seedDemoNewsletters(db: Db, options: { now?: Date } = {}): Promise<void> {
	const now = options.now ?? new Date();
	const [geel] = await db
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	if (!geel) return;
	const [already] = await db
		.select({ id: newsletters.id })
		.from(newsletters)
		.where(eq(newsletters.municipalityId, geel.id))
		.limit(1);
	if (already) return;
	const sentAt = new Date(now.getTime() - 14 * DAY);
	await db.insert(newsletters).values({
		municipalityId: geel.id,
		subject: 'Klimaatnieuws uit Geel: samen ontharden',
		body: [
			'Beste Geelnaar,',
			'',
			'Dit voorjaar halen we samen **tegels uit de grond**. Waar moet het groener? Zet je suggestie op de kaart',
			'en steun die van je buren.',
			'',
			'## Wat staat er op de planning?',
			'',
			'- de werkgroep kiest de plekken;',
			'- daarna volgt een plantdag voor iedereen.',
			'',
			'Meer lezen kan op [de website van de gemeente](https://www.geel.be).'
		].join('\n'),
		audience: { kind: 'pool' },
		status: 'sent',
		scheduledAt: sentAt,
		sentAt,
		recipientCount: 0
	});
}
