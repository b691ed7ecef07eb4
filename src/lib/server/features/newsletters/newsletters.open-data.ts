// The newsletters feature's open data: the sent newsletters, each with the address of its web version in the
// archive. Not who received them, not how many.
import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { newsletterArchivePath } from '$lib/domain/newsletters';
import { municipalities, newsletters } from '$lib/server/db/schema';
import { defineDataset, isoOrNull } from '$lib/server/platform/open-data';

export const newslettersDataset = defineDataset({
	key: 'nieuwsbrieven',
	title: 'openData.datasets.newsletters.title',
	description: 'openData.datasets.newsletters.description',
	keywords: ['nieuwsbrief', 'communicatie'],
	columns: ['municipality', 'id', 'url', 'subject', 'sent_at'],
	async load(db, scope) {
		const ids = scope.municipalities.map((m) => m.id);
		if (ids.length === 0) return [];
		const rows = await db
			.select({
				municipalitySlug: municipalities.slug,
				id: newsletters.id,
				subject: newsletters.subject,
				sentAt: newsletters.sentAt
			})
			.from(newsletters)
			.innerJoin(municipalities, eq(municipalities.id, newsletters.municipalityId))
			.where(
				and(
					inArray(newsletters.municipalityId, ids),
					eq(newsletters.status, 'sent'),
					isNotNull(newsletters.sentAt),
					lte(newsletters.sentAt, scope.now)
				)
			)
			.orderBy(asc(municipalities.slug), asc(newsletters.id));
		return rows.map((r) => ({
			values: {
				municipality: r.municipalitySlug,
				id: r.id,
				url: `${scope.origin}${newsletterArchivePath(r.municipalitySlug, r.id)}`,
				subject: r.subject,
				sent_at: isoOrNull(r.sentAt)
			},
			place: null,
			modified: r.sentAt
		}));
	}
});
