import { describe, expect, it } from 'vitest';
import { cleanedQuery, cleanedRequest, withoutControlCharacters } from './control-characters';

const post = (body: BodyInit, type?: string) =>
	new Request('http://localhost/x', {
		method: 'POST',
		headers: type ? { 'content-type': type } : {},
		body
	});

describe('control characters', () => {
	it('keeps tab, line feed and carriage return and drops the rest of C0', () => {
		expect(withoutControlCharacters('a\u0000b\tc\nd\re\u0001\u001f\u000b')).toBe('ab\tc\nd\re');
		expect(withoutControlCharacters('gewoon ✓ tekst')).toBe('gewoon ✓ tekst');
	});

	it('leaves a clean request alone', async () => {
		expect(await cleanedRequest(post('title=Fiets', 'application/x-www-form-urlencoded'))).toBeNull();
		expect(await cleanedRequest(post('{"title":"Fiets \\\\u0000"}', 'application/json'))).toBeNull();
		expect(await cleanedRequest(post('{"title":"Fiets"}', 'application/json'))).toBeNull();
	});

	it('cleans URL-encoded fields, names included', async () => {
		const clean = await cleanedRequest(
			post('ti%00tle=Fi%00ets%0B&body=ok%0Anu', 'application/x-www-form-urlencoded')
		);
		const form = await clean!.formData();
		expect(Object.fromEntries(form)).toEqual({ title: 'Fiets', body: 'ok\nnu' });
	});

	it('cleans multipart text fields and leaves a file byte for byte', async () => {
		const bytes = new Uint8Array([0, 1, 2, 255, 0, 31]);
		const form = new FormData();
		form.set('title', 'Fi\u0000ets');
		form.set('photo', new File([bytes], 'foto.jpg', { type: 'image/jpeg' }));
		const clean = await cleanedRequest(post(form));
		const read = await clean!.formData();
		expect(read.get('title')).toBe('Fiets');
		const photo = read.get('photo') as File;
		expect(photo.name).toBe('foto.jpg');
		expect(new Uint8Array(await photo.arrayBuffer())).toEqual(bytes);
	});

	it('cleans every string of a JSON body and keeps numbers and structure', async () => {
		const clean = await cleanedRequest(
			post(
				JSON.stringify({ title: 'a\u0000b', nested: [{ note: '\u0007c' }], lat: 51.16 }),
				'application/json'
			)
		);
		expect(await clean!.json()).toEqual({ title: 'ab', nested: [{ note: 'c' }], lat: 51.16 });
	});

	it('leaves malformed JSON to the route, which refuses it in its own words', async () => {
		expect(await cleanedRequest(post('{"title": "\\u0000', 'application/json'))).toBeNull();
	});

	it('gives the address without the control characters of its query', () => {
		expect(cleanedQuery(new URL('http://localhost/geel/acties?q=fiets%00&x=1'))?.search).toBe('?q=fiets&x=1');
		expect(cleanedQuery(new URL('http://localhost/geel/acties?q=fiets'))).toBeNull();
	});
});
