// The back office and the public pages (and the API, through the same functions) read an id the same way, decided by its kind: a suggestion
// (which has a slugged public address) is found by `12-slug` everywhere, an opportunity by `12` only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseId, parseSluggedId } from '$lib/domain/ids';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	getTenant,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity
} from '$lib/server/testing/factories';
import { buildCtx, ctxAs } from '$lib/server/testing/context';
import type { Tenant } from '$lib/server/platform/context';
import { getSuggestionForModeration } from './suggestions.moderation.service';
import { getSuggestionPage } from './suggestions.contribute.service';
import { exportSuggestions } from './suggestions.export';
import { refusal } from '$lib/server/testing/assertions';

let database: TestDatabase;
let A: Tenant;

beforeAll(async () => {
	database = await createTestDatabase();
	A = await getTenant(database.db, 'geel');
});
afterAll(async () => {
	await database?.destroy();
});

describe('one reading per id kind', () => {
	it('finds suggestion `12-slug` in moderation and on its public page', async () => {
		const { id: opportunityId } = await buildSuggestionOpportunity(database.db, A);
		const suggestion = await buildSuggestion(database.db, A, opportunityId, { title: 'Bankje aan de markt' });
		const moderator = ctxAs(database.db, A, (await buildStaff(database.db, A, 'moderator')).actor);
		const slugged = `${suggestion.id}-bankje-aan-de-markt`;

		const moderation = await getSuggestionForModeration(moderator, { unverifiedSuggestionId: slugged });
		expect(moderation.suggestion.id).toBe(suggestion.id);

		const parsed = parseSluggedId(slugged);
		expect(parsed).toEqual({ id: suggestion.id, slug: 'bankje-aan-de-markt' });
		const publicPage = await getSuggestionPage(buildCtx(database.db, A), {
			...parsed!,
			unverifiedDraftId: null
		});
		expect(publicPage.suggestion.id).toBe(suggestion.id);
	});

	it('finds opportunity `12` and never `12-slug`, in the back office as on the public side', async () => {
		const { id: opportunityId } = await buildSuggestionOpportunity(database.db, A);
		const moderator = ctxAs(database.db, A, (await buildStaff(database.db, A, 'moderator')).actor);
		const origin = 'https://meedoen.example';

		const csv = await exportSuggestions(moderator, {
			unverifiedOpportunityId: String(opportunityId),
			format: 'csv',
			origin
		});
		expect(csv.contentType).toContain('csv');
		await refusal(
			exportSuggestions(moderator, { unverifiedOpportunityId: `${opportunityId}-x`, format: 'csv', origin }),
			'not_found'
		);
		expect(parseId(`${opportunityId}-x`)).toBeNull();
	});
});
