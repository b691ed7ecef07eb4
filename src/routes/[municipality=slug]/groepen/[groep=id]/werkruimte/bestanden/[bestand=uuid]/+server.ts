import { getWorkspaceFile } from '$lib/server/features/groups/groups.workspace.service';
import { backofficeLoad, tenantContext } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/**
 * A file or receipt of the group, to its members and coaching staff only. A photo is shown in the browser; any
 * other file is a download. Nothing of it runs: a sandboxing policy, no sniffing, never cached in common.
 */
export const GET: RequestHandler = async (event) => {
	const file = await backofficeLoad(
		event,
		getWorkspaceFile(tenantContext(event), {
			unverifiedId: event.params.groep,
			unverifiedFileId: event.params.bestand
		})
	);
	const inline = file.contentType.startsWith('image/') || file.contentType === 'application/pdf';
	const name = encodeURIComponent(file.name);
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
			'x-content-type-options': 'nosniff'
		}
	});
};
