// The names of the fields of a template's step form, shared by its two routes (a new step, a step).
import { PLAYBOOK_CHANNELS } from '$lib/domain/playbook';

export const STEP_FIELDS = [
	'phase',
	'title',
	'description',
	'role',
	'offsetDays',
	'checklist',
	'hasSession',
	'sessionTitle',
	'sessionKind',
	'sessionAgenda',
	'sessionMaterials',
	'sessionPrepare',
	'sessionDuration',
	...PLAYBOOK_CHANNELS.map((c) => `comm_${c}` as const)
] as const;
