import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL, loadConfig } from './config';

function problemsOf(env: Record<string, string>) {
	try {
		loadConfig(env);
	} catch (err) {
		if (err instanceof ConfigError) return err;
		throw err;
	}
	throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
	it('runs without any variable but ORIGIN: embedded database in ./data on port 3000', () => {
		const config = loadConfig({ ORIGIN: 'http://localhost:3000' });
		expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', dataDir: './data', databaseUrl: undefined });
		expect(config.demo).toBeUndefined();
		expect(config.frameAncestors).toBe("'none'");
	});

	it('treats an empty variable as unset', () => {
		expect(loadConfig({ PORT: '', DATABASE_URL: '  ', NODE_ENV: 'development' })).toMatchObject({
			port: 3000,
			databaseUrl: undefined
		});
	});

	it('needs ORIGIN in production, because mailed links must not follow a forged Host header', () => {
		expect(problemsOf({ ORIGIN: ' ' }).problems.map((p) => p.variable)).toEqual(['ORIGIN']);
		expect(loadConfig({ NODE_ENV: 'development' }).origin).toBeUndefined();
	});

	it('names the variable when a value is wrong, with a Dutch explanation', () => {
		const err = problemsOf({ PORT: 'drieduizend', ORIGIN: 'https://m.be' });
		expect(err.problems.map((p) => p.variable)).toEqual(['PORT']);
		expect(err.message).toContain('PORT');
		expect(err.message).toContain('verwacht een geheel getal');
	});

	it('reports every wrong variable at once', () => {
		const err = problemsOf({
			PORT: '70000',
			DATABASE_URL: 'mysql://x',
			SMTP_URL: 'http://mail',
			LOG_LEVEL: 'loud',
			DEMO: 'misschien',
			ORIGIN: 'not a url',
			FRAME_ANCESTORS: "'self' javascript:alert(1)"
		});
		expect(err.problems.map((p) => p.variable).sort()).toEqual(
			['DATABASE_URL', 'DEMO', 'FRAME_ANCESTORS', 'LOG_LEVEL', 'ORIGIN', 'PORT', 'SMTP_URL'].sort()
		);
	});

	it('takes a bounce domain and listener, and refuses a listener without a domain or a domain that is none', () => {
		expect(
			loadConfig({
				ORIGIN: 'https://m.be',
				MAIL_BOUNCE_DOMAIN: 'Bounces.Meedoen.Geel.be',
				BOUNCE_SMTP_PORT: '2525'
			})
		).toMatchObject({
			mailBounceDomain: 'bounces.meedoen.geel.be',
			bounceSmtpPort: 2525,
			bounceSmtpHost: '0.0.0.0'
		});
		expect(loadConfig({ ORIGIN: 'https://m.be' })).toMatchObject({
			mailBounceDomain: undefined,
			bounceSmtpPort: undefined
		});
		const alone = problemsOf({ ORIGIN: 'https://m.be', BOUNCE_SMTP_PORT: '2525' });
		expect(alone.problems.map((p) => p.variable)).toEqual(['MAIL_BOUNCE_DOMAIN']);
		const wrong = problemsOf({ ORIGIN: 'https://m.be', MAIL_BOUNCE_DOMAIN: 'bounces@geel.be\nRCPT' });
		expect(wrong.problems.map((p) => p.variable)).toEqual(['MAIL_BOUNCE_DOMAIN']);
		expect(wrong.message).toContain('verwacht een domeinnaam');
	});

	it('accepts PostgreSQL, SMTP, demo and embedding settings', () => {
		const config = loadConfig({
			DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/meedoen',
			SMTP_URL: 'smtp://user:secret@127.0.0.1:2525',
			DEMO: '1',
			FRAME_ANCESTORS: "'self' https://www.geel.be",
			ORIGIN: 'https://meedoen.geel.be'
		});
		expect(config).toMatchObject({
			databaseUrl: 'postgres://postgres@127.0.0.1:5432/meedoen',
			smtpUrl: 'smtp://user:secret@127.0.0.1:2525',
			demo: true,
			frameAncestors: "'self' https://www.geel.be",
			origin: 'https://meedoen.geel.be'
		});
	});

	it("refuses 'none' mixed with origins", () => {
		expect(
			problemsOf({ ORIGIN: 'https://m.be', FRAME_ANCESTORS: "'none' https://www.geel.be" }).problems[0]
				?.variable
		).toBe('FRAME_ANCESTORS');
	});

	describe('TILE_URL and TILE_ATTRIBUTION', () => {
		const ORIGIN = 'https://meedoen.geel.be';

		it('defaults to the GRB grey base map of Digitaal Vlaanderen', () => {
			expect(loadConfig({ ORIGIN }).tiles).toEqual({
				url: DEFAULT_TILE_URL,
				attribution: DEFAULT_TILE_ATTRIBUTION
			});
			expect(DEFAULT_TILE_URL).toMatch(/^https:\/\/geo\.api\.vlaanderen\.be\/.*\{z\}\/\{y\}\/\{x\}\.png$/);
		});

		it('accepts another https template and attribution, and none to switch the base map off', () => {
			expect(
				loadConfig({
					ORIGIN,
					TILE_URL: 'https://tiles.example.be/{z}/{x}/{y}.png',
					TILE_ATTRIBUTION: '© Voorbeeld'
				}).tiles
			).toEqual({ url: 'https://tiles.example.be/{z}/{x}/{y}.png', attribution: '© Voorbeeld' });
			expect(loadConfig({ ORIGIN, TILE_URL: 'none' }).tiles.url).toBeNull();
			expect(loadConfig({ ORIGIN, TILE_URL: ' NONE ' }).tiles.url).toBeNull();
		});

		it('refuses a template without {z}, {x} and {y}, or no URL at all, in Dutch', () => {
			for (const TILE_URL of [
				'https://tiles.example.be/{z}/{x}.png',
				'https://tiles.example.be/tile.png',
				'tiles/{z}/{x}/{y}.png',
				'ftp://tiles.example.be/{z}/{x}/{y}.png',
				'javascript:alert(1)//{z}{x}{y}'
			]) {
				const err = problemsOf({ ORIGIN, TILE_URL });
				expect(err.problems.map((p) => p.variable)).toEqual(['TILE_URL']);
				expect(err.message).toContain('verwacht none of een https-URL met {z}, {x} en {y}');
			}
		});

		it('allows plain http only outside production', () => {
			const TILE_URL = 'http://127.0.0.1:8080/{z}/{x}/{y}.png';
			expect(problemsOf({ ORIGIN, TILE_URL }).problems.map((p) => p.variable)).toEqual(['TILE_URL']);
			expect(loadConfig({ NODE_ENV: 'development', TILE_URL }).tiles.url).toBe(TILE_URL);
			expect(loadConfig({ NODE_ENV: 'test', TILE_URL }).tiles.url).toBe(TILE_URL);
		});
	});

	it('refuses to start when OIDC_SCOPES asks for the national register number, with a Dutch reason', () => {
		const oidc = {
			ORIGIN: 'https://m.be',
			OIDC_ISSUER: 'https://authenticatie.vlaanderen.be/op',
			OIDC_CLIENT_ID: 'meedoen',
			OIDC_CLIENT_SECRET: 'geheim'
		};
		for (const scopes of [
			'openid profile rrn',
			'openid RRN',
			'openid vo_rrn',
			'openid rijksregisternummer'
		]) {
			const err = problemsOf({ ...oidc, OIDC_SCOPES: scopes });
			expect(err.problems.map((p) => p.variable)).toEqual(['OIDC_SCOPES']);
			expect(err.message).toContain('rijksregisternummer');
		}
		expect(loadConfig({ ...oidc, OIDC_SCOPES: 'openid profile vo' }).oidc?.scopes).toBe('openid profile vo');
	});
});
