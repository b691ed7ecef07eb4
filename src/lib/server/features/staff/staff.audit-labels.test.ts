// Every action written to the audit log has a Dutch label in the log's list and filter. The actions are
// declared as types only (AuditActionMap, one file per feature), so the test reads those declarations.
import { describe, expect, it } from 'vitest';
import { declaredAuditActions } from '$lib/server/testing/audit-actions';
import { auditActionLabel } from './staff.present';

describe('the audit log', () => {
	it('has a Dutch label for every action a feature declares', () => {
		const actions = declaredAuditActions();
		expect(actions.length).toBeGreaterThan(40);
		expect(actions).toContain('event.invitations_sent');
		const unlabelled = actions.filter((action) => auditActionLabel('nl', action) === action);
		expect(unlabelled).toEqual([]);
	});
});
