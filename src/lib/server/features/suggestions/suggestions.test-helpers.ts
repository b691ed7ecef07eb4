// Test data for suggestions: an opportunity that takes suggestions, suggestions in any state, votes.
import type { Db } from '$lib/server/db/client';
import { suggestionVotes, suggestions } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import { eq, sql } from 'drizzle-orm';
import { insertAction, publishAction } from '$lib/server/features/actions/actions.queries';
import { insertOpportunity } from '$lib/server/features/opportunities/opportunities.queries';
import {
	insertStoryEntry,
	insertSuggestion,
	upsertSuggestionSettings,
	type SuggestionFields,
	type SuggestionSettingsValues
} from './suggestions.queries';
import { slugify } from '$lib/server/platform/text';

const HOUR = 3_600_000;

/** A published action with one open opportunity of kind mapSuggestions (settings as given). */
export async function buildSuggestionOpportunity(
	db: Db,
	tenant: Tenant,
	options: Partial<SuggestionSettingsValues> & {
		title?: string;
		opensAt?: Date | null;
		closesAt?: Date | null;
		publishAction?: boolean;
	} = {}
) {
	const title = options.title ?? `Plekken om te ontharden ${Math.random().toString(36).slice(2, 7)}`;
	const action = await insertAction(db, {
		municipalityId: tenant.id,
		slug: slugify(title),
		title,
		summary: 'Samen kiezen we plekken om te ontharden.'
	});
	if (options.publishAction !== false) await publishAction(db, { municipalityId: tenant.id, id: action.id });
	const opportunity = await insertOpportunity(db, {
		municipalityId: tenant.id,
		actionId: action.id,
		title,
		rung: 'consult',
		kind: 'mapSuggestions',
		opensAt: options.opensAt === undefined ? new Date(Date.now() - HOUR) : options.opensAt,
		closesAt: options.closesAt === undefined ? null : options.closesAt
	});
	if (!opportunity) throw new Error('opportunity not inserted');
	await upsertSuggestionSettings(db, {
		municipalityId: tenant.id,
		opportunityId: opportunity.id,
		moderation: options.moderation,
		submissionsOpen: options.submissionsOpen,
		votingOpen: options.votingOpen,
		voteLimit: options.voteLimit
	});
	return { action, opportunity, id: opportunity.id };
}

/** A suggestion straight in the database: approved and published unless said otherwise. */
export async function buildSuggestion(
	db: Db,
	tenant: Tenant,
	opportunityId: number,
	fields: Partial<SuggestionFields> & { title?: string } = {}
) {
	const title = fields.title ?? `Pleintje ${Math.random().toString(36).slice(2, 7)}`;
	const moderation = fields.moderation ?? 'approved';
	const row = await insertSuggestion(db, {
		municipalityId: tenant.id,
		opportunityId,
		authorId: fields.authorId ?? null,
		slug: slugify(title),
		lat: 51.162,
		lng: 4.99,
		status: moderation === 'approved' ? 'published' : 'submitted',
		publishedAt: moderation === 'approved' ? new Date() : null,
		...fields,
		title,
		moderation
	});
	await insertStoryEntry(db, {
		municipalityId: tenant.id,
		suggestionId: row.id,
		kind: 'submitted',
		status: 'submitted'
	});
	if (moderation === 'approved')
		await insertStoryEntry(db, {
			municipalityId: tenant.id,
			suggestionId: row.id,
			kind: 'published',
			status: 'published'
		});
	return row;
}

/** Votes straight in the database, keeping the count exact as the service does. */
export async function buildVotes(
	db: Db,
	tenant: Tenant,
	suggestion: { id: number; opportunityId: number },
	userIds: string[]
) {
	if (userIds.length === 0) return;
	await db.insert(suggestionVotes).values(
		userIds.map((userId) => ({
			municipalityId: tenant.id,
			opportunityId: suggestion.opportunityId,
			suggestionId: suggestion.id,
			userId
		}))
	);
	await db
		.update(suggestions)
		.set({ voteCount: sql`${suggestions.voteCount} + ${userIds.length}` })
		.where(eq(suggestions.id, suggestion.id));
}
