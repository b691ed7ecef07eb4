// Input of an event's logistics: a checklist item (what, who is responsible, their address) and the choice of
// one item. Dutch message keys per field.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';

export const ITEM_TEXT_MAX = 300;
export const DEPARTMENT_MAX = 100;
/** At most this many items on one event's checklist. */
export const CHECKLIST_MAX = 100;

const E = 'eventsAdmin.logistics.errors';

const optionalText = (max: number, error: MessageKey) =>
	z
		.string({ error })
		.max(max, { error })
		.optional()
		.transform((v) => (v ?? '').trim());

export const checklistItemSchema = z.object({
	text: z
		.string({ error: `${E}.textRequired` })
		.max(ITEM_TEXT_MAX, { error: `${E}.textTooLong` })
		.transform((v) => v.trim())
		.pipe(z.string().min(1, { error: `${E}.textRequired` })),
	department: optionalText(DEPARTMENT_MAX, `${E}.departmentTooLong`),
	email: z
		.string({ error: `${E}.email` })
		.max(254, { error: `${E}.email` })
		.optional()
		.transform((v) => (v ?? '').trim().toLowerCase())
		.refine((v) => v === '' || z.email().safeParse(v).success, { error: `${E}.email` })
		.transform((v) => v || null)
});
export type ChecklistItemInput = z.output<typeof checklistItemSchema>;

export const itemChoiceSchema = z.object({
	item: z.coerce
		.number({ error: `${E}.item` })
		.int({ error: `${E}.item` })
		.positive({ error: `${E}.item` })
});

export const doneSchema = itemChoiceSchema.extend({
	done: z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean())
});
