// The demo's colleague: Hilde of Geel's green service (a persona of the development identity provider) holds
// the colleague's role with her department and follows the unpaving action and the water theme, so `npm start`
// shows what a colleague sees and hears. Her account is made ahead of her first login, as the demo citizens'
// are (the accounts feature adopts it at start, with her address).
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, memberships, municipalities, themes, userIdentities, users } from '$lib/server/db/schema';
import { DEMO_PERSONA_ISSUER } from '$lib/server/features/accounts/accounts.demo';
import { findPersona } from '$lib/server/devidp/personas';
import { setColleagueFollows } from '$lib/server/platform/subscriptions';

const SUB = 'dev-colleague-geel';
const ACTION_TITLE = 'Ontharden en vergroenen: van tegels naar planten';
const THEME_KEY = 'water';

export async function loadColleaguesDemo(tx: Db): Promise<void> {
	const persona = findPersona(SUB);
	const role = persona?.roles[0];
	if (!persona || role?.scope !== 'municipality') return;
	const [town] = await tx
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.slug, role.municipalitySlug));
	if (!town) return;
	const [known] = await tx
		.select({ userId: userIdentities.userId })
		.from(userIdentities)
		.where(and(eq(userIdentities.issuer, DEMO_PERSONA_ISSUER), eq(userIdentities.subject, SUB)));
	let userId = known?.userId;
	if (!userId) {
		const [user] = await tx
			.insert(users)
			.values({
				displayName: `${persona.givenName} ${persona.familyName[0]}.`,
				givenName: persona.givenName,
				familyName: persona.familyName,
				firstChannel: 'demo'
			})
			.returning({ id: users.id });
		if (!user) return;
		userId = user.id;
		await tx.insert(userIdentities).values({ userId, issuer: DEMO_PERSONA_ISSUER, subject: SUB });
	}
	await tx
		.insert(memberships)
		.values({ municipalityId: town.id, userId, role: 'colleague', department: role.department ?? null })
		.onConflictDoNothing();
	const [action] = await tx
		.select({ id: actions.id })
		.from(actions)
		.where(and(eq(actions.municipalityId, town.id), eq(actions.title, ACTION_TITLE)));
	const [theme] = await tx
		.select({ id: themes.id })
		.from(themes)
		.where(and(eq(themes.municipalityId, town.id), eq(themes.defaultKey, THEME_KEY)));
	const who = { municipalityId: town.id, userId, following: true };
	if (action) await setColleagueFollows(tx, { ...who, kind: 'action', ids: [action.id] });
	if (theme) await setColleagueFollows(tx, { ...who, kind: 'theme', ids: [theme.id] });
}
