// The script other sites load to render a widget into their page (`/widget.js`): the plain file
// `src/lib/widget/widget.js`, imported as text, with its size (the gallery states it, `npm run bench` measures it).
import { createHash } from 'node:crypto';
import source from '$lib/widget/widget.js?raw';

export const WIDGET_SCRIPT = source;
export const WIDGET_SCRIPT_BYTES = Buffer.byteLength(source, 'utf8');
export const WIDGET_SCRIPT_ETAG = `"${createHash('sha256').update(source).digest('base64url').slice(0, 27)}"`;
