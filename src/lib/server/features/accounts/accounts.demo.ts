// Accounts for the personas of the development identity provider, with the roles the demo promises them.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	coachedMunicipalities,
	memberships,
	municipalities,
	regionRoles,
	regions,
	userIdentities,
	users
} from '$lib/server/db/schema';
import type { Persona } from '$lib/server/devidp/personas';

/**
 * The issuer under which the demo content prepares persona accounts before anyone logs in (so a persona finds
 * their own suggestions); the development provider's issuer changes with its port, so logins adopt these.
 */
export const DEMO_PERSONA_ISSUER = 'urn:meedoen:demo-persona';

/** Idempotent: creates what is missing, keyed on issuer + subject like every login. */
export async function ensurePersonaAccounts(db: Db, input: { issuer: string; personas: readonly Persona[] }) {
	await db.transaction(async (tx) => {
		const slugs = [
			...new Set(
				input.personas.flatMap((p) =>
					p.roles.flatMap((r) => (r.scope === 'municipality' ? [r.municipalitySlug] : (r.coaches ?? [])))
				)
			)
		];
		const towns = slugs.length
			? await tx
					.select({ id: municipalities.id, slug: municipalities.slug })
					.from(municipalities)
					.where(inArray(municipalities.slug, slugs))
			: [];
		const allRegions = await tx.select({ id: regions.id, slug: regions.slug }).from(regions);
		for (const persona of input.personas) {
			const [known] = await tx
				.select({ userId: userIdentities.userId })
				.from(userIdentities)
				.where(and(eq(userIdentities.issuer, input.issuer), eq(userIdentities.subject, persona.sub)));
			let userId = known?.userId;
			if (!userId) {
				// The demo content made this persona's account ahead of any login (with suggestions of their own):
				// adopt it for this identity provider, whose issuer changes with its port.
				const [prepared] = await tx
					.select({ userId: userIdentities.userId })
					.from(userIdentities)
					.where(
						and(eq(userIdentities.issuer, DEMO_PERSONA_ISSUER), eq(userIdentities.subject, persona.sub))
					);
				if (prepared) {
					userId = prepared.userId;
					await tx.insert(userIdentities).values({ userId, issuer: input.issuer, subject: persona.sub });
					if (persona.email)
						await tx
							.update(users)
							.set({ email: persona.email, emailVerifiedAt: new Date() })
							.where(and(eq(users.id, userId), isNull(users.email)));
				}
			}
			if (!userId && persona.email) {
				// A persona made at an earlier start, when the provider ran on another port (another issuer): the
				// same person, known by their verified address (as a login adopts one), keeps their account and roles.
				const [earlier] = await tx
					.select({ id: users.id })
					.from(users)
					.where(
						and(
							sql`lower(${users.email}) = ${persona.email.toLowerCase()}`,
							isNotNull(users.emailVerifiedAt),
							isNull(users.deletedAt)
						)
					);
				if (earlier) {
					userId = earlier.id;
					await tx.insert(userIdentities).values({ userId, issuer: input.issuer, subject: persona.sub });
				}
			}
			if (!userId) {
				const [row] = await tx
					.insert(users)
					.values({
						displayName: `${persona.givenName} ${persona.familyName[0]}.`,
						givenName: persona.givenName,
						familyName: persona.familyName,
						email: persona.email ?? null,
						emailVerifiedAt: persona.email ? new Date() : null,
						firstChannel: 'demo'
					})
					.onConflictDoNothing()
					.returning({ id: users.id });
				if (!row) continue;
				userId = row.id;
				await tx.insert(userIdentities).values({ userId, issuer: input.issuer, subject: persona.sub });
			}
			for (const role of persona.roles) {
				if (role.scope === 'municipality') {
					const town = towns.find((t) => t.slug === role.municipalitySlug);
					if (town)
						await tx
							.insert(memberships)
							.values({
								municipalityId: town.id,
								userId,
								role: role.role,
								department: role.department ?? null
							})
							.onConflictDoNothing();
				} else {
					const region = allRegions.find((r) => r.slug === role.regionSlug);
					if (!region) continue;
					await tx
						.insert(regionRoles)
						.values({ regionId: region.id, userId, role: role.role })
						.onConflictDoNothing();
					const coached = towns.filter((t) => role.coaches?.includes(t.slug));
					if (coached.length === 0) continue;
					const [held] = await tx
						.select({ id: regionRoles.id })
						.from(regionRoles)
						.where(
							and(
								eq(regionRoles.regionId, region.id),
								eq(regionRoles.userId, userId),
								eq(regionRoles.role, role.role)
							)
						);
					if (held)
						await tx
							.insert(coachedMunicipalities)
							.values(coached.map((t) => ({ municipalityId: t.id, regionRoleId: held.id })))
							.onConflictDoNothing();
				}
			}
		}
	});
}
