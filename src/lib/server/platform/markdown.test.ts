import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the allowed Markdown: headings one level down, lists, emphasis, code, quotes, tables', () => {
		const html = renderMarkdown(
			'# Titel\n\n## Sub\n\nTekst met *nadruk*, **vet** en `code`.\n\n- een\n- twee\n\n1. eerst\n\n> citaat\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n'
		);
		expect(html).toContain('<h2>Titel</h2>');
		expect(html).toContain('<h3>Sub</h3>');
		expect(html).not.toContain('<h1');
		expect(html).toContain('<em>nadruk</em>');
		expect(html).toContain('<strong>vet</strong>');
		expect(html).toContain('<code>code</code>');
		expect(html).toContain('<ul>');
		expect(html).toContain('<ol>');
		expect(html).toContain('<blockquote>');
		expect(html).toContain('<th scope="col">a</th>');
		expect(html).not.toContain('align=');
	});

	it('keeps web and mail links, with rel="nofollow noopener"', () => {
		const html = renderMarkdown('[site](https://www.geel.be/a?b=1&c=2) en [mail](mailto:info@geel.be)');
		expect(html).toContain('<a href="https://www.geel.be/a?b=1&amp;c=2" rel="nofollow noopener">site</a>');
		expect(html).toContain('<a href="mailto:info@geel.be" rel="nofollow noopener">mail</a>');
	});

	it('drops javascript:, data:, protocol-relative and relative links but keeps their text', () => {
		const html = renderMarkdown(
			'[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<script>alert(1)</script>) [d](//evil.example) [e](/profiel) [f](vbscript:x)'
		);
		expect(html).not.toMatch(/<a /);
		expect(html).not.toMatch(/javascript|data:|vbscript|evil/i);
		for (const text of ['a', 'b', 'c', 'd', 'e', 'f']) expect(html).toContain(`<span>${text}</span>`);
	});

	it('shows raw HTML as text: no script, style, iframe, image or event handler survives', () => {
		const hostile = [
			'<script>alert(1)</script>',
			'<img src=x onerror="alert(1)">',
			'<iframe src="https://evil.example"></iframe>',
			'<style>body{display:none}</style>',
			'<a href="javascript:alert(1)" onclick="alert(2)">klik</a>',
			'<svg onload=alert(1)>',
			'Inline <b onmouseover="alert(1)">vet</b> tekst'
		].join('\n\n');
		const html = renderMarkdown(hostile);
		expect(html).not.toMatch(/<(script|img|iframe|style|svg|b)\b/i);
		expect(html).not.toMatch(/<a /);
		expect(html).not.toMatch(/<[^>]*\son\w+=/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});

	it('shows an image as its alt text, never loading it', () => {
		const html = renderMarkdown('![logo <b>x</b>](https://tracker.example/pixel.png "t")');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('tracker');
		expect(html).toContain('logo');
	});

	// How long it takes is measured in npm run bench (scripts/bench/micro.ts), not with a timer here.
	it('copes with 50,000 characters of nested brackets and quotes without choking', () => {
		const html = renderMarkdown('>'.repeat(2_000) + '['.repeat(20_000) + '*'.repeat(28_000));
		expect(typeof html).toBe('string');
	});
});
