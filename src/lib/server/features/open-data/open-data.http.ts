// How an open-data file leaves the server: its media type, a strong ETag (304 when the reader has it), public
// caching like the other public reads (shared caches may keep it 5 minutes), and readable from any origin.
import { feedResponse } from '$lib/server/platform/feed-response';
import type { OpenDataFile } from './open-data.service';

export function openDataResponse(request: Request, file: OpenDataFile): Response {
	return feedResponse(request, file, {
		'content-type': file.contentType,
		'cache-control': 'public, max-age=300',
		'content-disposition': `inline; filename="${file.filename}"`,
		'access-control-allow-origin': '*'
	});
}
