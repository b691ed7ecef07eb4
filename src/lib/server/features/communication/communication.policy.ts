// Who may plan and mark the municipality's communication: whoever communicates for it (the communication
// officer, its admin, the regional admin): the ability 'content.communicate'. The one place this is decided;
// communication.access.ts asks it before anything of the municipality is read.
import type { MunicipalityAbility } from '$lib/server/platform/policy';

export const COMMUNICATION_ABILITY: MunicipalityAbility = 'content.communicate';
