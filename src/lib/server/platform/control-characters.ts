// Control characters nobody means to send (U+0000 to U+001F except tab, line feed and carriage return)
// are taken out of everything a request carries, in one place before any route or service sees it:
// PostgreSQL refuses U+0000 in text, and the others are invisible junk from pasted text. What remains is
// what the person typed, so a form is never refused over a character they cannot see.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** A JSON escape of a control character (`\u0000`), the only way one can appear in valid JSON. */
const JSON_CONTROL_ESCAPE = /\\u00[01][0-9a-f]/i;

/** The text without control characters other than tab, line feed and carriage return. */
export function withoutControlCharacters(text: string): string {
	return HAS_CONTROL.test(text) ? text.replace(CONTROL, '') : text;
}

/** A JSON value with every string in it (keys too) cleaned. */
function cleanJson(value: unknown): unknown {
	if (typeof value === 'string') return withoutControlCharacters(value);
	if (Array.isArray(value)) return value.map(cleanJson);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [withoutControlCharacters(k), cleanJson(v)])
		);
	return value;
}

/** The address without control characters in its query, or null when it has none. */
export function cleanedQuery(url: URL): URL | null {
	if (!url.search) return null;
	let changed = false;
	const params = new URLSearchParams();
	for (const [key, value] of url.searchParams) {
		const [k, v] = [withoutControlCharacters(key), withoutControlCharacters(value)];
		if (k !== key || v !== value) changed = true;
		params.append(k, v);
	}
	if (!changed) return null;
	const clean = new URL(url);
	clean.search = params.toString();
	return clean;
}

/**
 * The request with control characters taken out of its form fields (URL-encoded or multipart, files left
 * as they are) or JSON strings, or null when there were none (or the body could not be read: the route
 * then meets the same problem and answers it as it always does).
 */
export async function cleanedRequest(request: Request): Promise<Request | null> {
	const type = (request.headers.get('content-type') ?? '').toLowerCase();
	try {
		if (type.startsWith('application/x-www-form-urlencoded')) {
			const text = await request.clone().text();
			if (!/%(0[0-8bcef]|1[0-9a-f])/i.test(text) && !HAS_CONTROL.test(text)) return null;
			const params = new URLSearchParams();
			for (const [key, value] of new URLSearchParams(text))
				params.append(withoutControlCharacters(key), withoutControlCharacters(value));
			return rebuilt(request, params.toString(), type);
		}
		if (type.startsWith('multipart/form-data')) {
			const form = await request.clone().formData();
			const entries = [...form.entries()];
			if (
				!entries.some(
					([key, value]) => HAS_CONTROL.test(key) || (typeof value === 'string' && HAS_CONTROL.test(value))
				)
			)
				return null;
			const clean = new FormData();
			for (const [key, value] of entries)
				if (typeof value === 'string')
					clean.append(withoutControlCharacters(key), withoutControlCharacters(value));
				else clean.append(withoutControlCharacters(key), value, value.name);
			return rebuilt(request, clean);
		}
		if (type.includes('json')) {
			const text = await request.clone().text();
			if (!JSON_CONTROL_ESCAPE.test(text)) return null;
			const parsed: unknown = JSON.parse(text);
			const clean = JSON.stringify(cleanJson(parsed));
			// `\\u0000` is a backslash and text, not a control character.
			return clean === JSON.stringify(parsed) ? null : rebuilt(request, clean, type);
		}
	} catch {
		return null;
	}
	return null;
}

function rebuilt(request: Request, body: string | FormData, type?: string): Request {
	const headers = new Headers(request.headers);
	headers.delete('content-length');
	// A FormData body brings its own multipart boundary.
	if (type) headers.set('content-type', type);
	else headers.delete('content-type');
	return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}
