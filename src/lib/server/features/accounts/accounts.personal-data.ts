// The accounts feature's part of a person's data: how they log in (identities, sessions, mailed links) and the
// form values a login kept for them. Queries by the person's id only, and what the export shows of them.
import { asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { loginRequests, mailTokens, sessions, userIdentities } from '$lib/server/db/schema';
import type { PersonRef } from '$lib/server/platform/feature';
import { forgetMailTo } from '$lib/server/platform/mail';

async function listIdentities(db: Db, params: { userId: string }) {
	return db
		.select({
			issuer: userIdentities.issuer,
			subject: userIdentities.subject,
			createdAt: userIdentities.createdAt
		})
		.from(userIdentities)
		.where(eq(userIdentities.userId, params.userId))
		.orderBy(asc(userIdentities.createdAt));
}

async function listSessions(db: Db, params: { userId: string }) {
	return db
		.select({
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt,
			userAgent: sessions.userAgent
		})
		.from(sessions)
		.where(eq(sessions.userId, params.userId))
		.orderBy(desc(sessions.lastSeenAt));
}

/** Mailed links sent for this person (never the token or its hash). */
async function listMailTokens(db: Db, params: { userId: string }) {
	return db
		.select({
			purpose: mailTokens.purpose,
			email: mailTokens.email,
			createdAt: mailTokens.createdAt,
			expiresAt: mailTokens.expiresAt,
			usedAt: mailTokens.usedAt
		})
		.from(mailTokens)
		.where(eq(mailTokens.userId, params.userId))
		.orderBy(desc(mailTokens.createdAt));
}

/** Form values kept across a login, once the login tied them to this person. */
async function listDrafts(db: Db, params: { userId: string }) {
	return db
		.select({
			createdAt: loginRequests.createdAt,
			returnTo: loginRequests.returnTo,
			draft: loginRequests.draft
		})
		.from(loginRequests)
		.where(eq(loginRequests.draftUserId, params.userId))
		.orderBy(desc(loginRequests.createdAt));
}

/** A draft that names who typed it: one typed by someone else on a shared screen is not this person's. */
function typedBy(draft: unknown, userId: string): boolean {
	const person = draft && typeof draft === 'object' ? (draft as Record<string, unknown>).person : undefined;
	return person === undefined || person === userId;
}

export async function exportAccountData(db: Db, person: PersonRef) {
	const { userId } = person;
	const [identities, sessionRows, tokens, drafts] = await Promise.all([
		listIdentities(db, { userId }),
		listSessions(db, { userId }),
		listMailTokens(db, { userId }),
		listDrafts(db, { userId })
	]);
	return {
		identities: identities.map((i) => ({
			issuer: i.issuer,
			subject: i.subject,
			createdAt: i.createdAt.toISOString()
		})),
		sessions: sessionRows.map((s) => ({
			createdAt: s.createdAt.toISOString(),
			lastSeenAt: s.lastSeenAt.toISOString(),
			expiresAt: s.expiresAt.toISOString(),
			userAgent: s.userAgent
		})),
		mailedLinks: tokens.map((t) => ({
			purpose: t.purpose,
			email: t.email,
			createdAt: t.createdAt.toISOString(),
			expiresAt: t.expiresAt.toISOString(),
			usedAt: t.usedAt?.toISOString() ?? null
		})),
		savedDrafts: drafts
			.filter((d) => typedBy(d.draft, userId))
			.map((d) => ({
				createdAt: d.createdAt.toISOString(),
				returnTo: d.returnTo,
				values: d.draft as unknown
			}))
	};
}

/**
 * Ends every way in: identities, sessions, kept drafts, links mailed to any of the person's addresses (a login
 * link names only the address), and every mail to those addresses still in the job queue or its archive.
 */
export async function eraseAccountData(tx: Db, person: PersonRef): Promise<void> {
	const { userId, addresses } = person;
	await tx.delete(userIdentities).where(eq(userIdentities.userId, userId));
	await tx.delete(sessions).where(eq(sessions.userId, userId));
	await tx.delete(loginRequests).where(eq(loginRequests.draftUserId, userId));
	await tx
		.delete(mailTokens)
		.where(
			or(
				eq(mailTokens.userId, userId),
				addresses.length ? inArray(sql`lower(${mailTokens.email})`, [...addresses]) : undefined
			)
		);
	await forgetMailTo(tx, addresses);
}
