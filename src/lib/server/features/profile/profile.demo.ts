// The demo's answers to the question after a contribution whether to join the pool: the demo's neighbours
// (accounts without a login, who vote and comment in the suggestions' demo) answer it as people might, by a
// fixed rule so every demo is the same: of every five, two say yes, one says no and two never answer. The
// answers go through recordPoolAnswer, as a person's click does. Demo personas (who log in) are left
// unasked, so whoever tries the demo sees the question after their first contribution.
import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { consents, userIdentities, users } from '$lib/server/db/schema';
import { recordPoolAnswer } from './profile.pool';

/** The answer of the i-th neighbour of a municipality: yes, no, or none. */
export function demoPoolAnswer(i: number): boolean | null {
	const r = i % 5;
	return r < 2 ? true : r === 2 ? false : null;
}

export async function seedDemoPoolAnswers(tx: Db): Promise<{ joined: number; declined: number }> {
	const neighbours = await tx
		.select({ id: users.id, homeId: users.homeMunicipalityId, mailFrequency: users.mailFrequency })
		.from(users)
		.where(
			and(
				eq(users.firstChannel, 'demo'),
				isNull(users.deletedAt),
				isNull(users.poolAnsweredAt),
				notExists(
					tx
						.select({ one: sql`1` })
						.from(userIdentities)
						.where(eq(userIdentities.userId, users.id))
				),
				notExists(
					tx
						.select({ one: sql`1` })
						.from(consents)
						.where(eq(consents.userId, users.id))
				)
			)
		)
		.orderBy(asc(users.homeMunicipalityId), asc(users.createdAt), asc(users.id));
	const counts = { joined: 0, declined: 0 };
	let i = 0;
	let town: string | null = null;
	for (const person of neighbours) {
		if (!person.homeId) continue;
		if (person.homeId !== town) [town, i] = [person.homeId, 0];
		const join = demoPoolAnswer(i++);
		if (join === null) continue;
		await recordPoolAnswer(tx, { userId: person.id, join, homeId: person.homeId, user: person });
		counts[join ? 'joined' : 'declined']++;
	}
	return counts;
}
