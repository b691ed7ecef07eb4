// HTTPS in front of the built server, as a deployment puts it there: a self-signed certificate for 127.0.0.1
// made with Debian's openssl, a small node:https reverse proxy, and a way to send requests that trusts that
// certificate (and only it) instead of switching verification off.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Send } from '../../../src/lib/server/testing/http-client';
import { freePort } from './server';

export interface Certificate {
	key: string;
	cert: string;
}

/** A key and a self-signed certificate for IP 127.0.0.1, valid for a day. */
export function selfSignedCertificate(): Certificate {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'meedoen-tls-'));
	try {
		const key = path.join(dir, 'key.pem');
		const cert = path.join(dir, 'cert.pem');
		execFileSync(
			'openssl',
			[
				...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
				...['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
				...['-addext', 'subjectAltName=IP:127.0.0.1']
			],
			{ stdio: 'pipe' }
		);
		return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export interface TlsProxy {
	/** https://127.0.0.1:<port>, without a trailing slash */
	url: string;
	port: number;
	stop(): Promise<void>;
}

/**
 * Listens with TLS on a free port and passes every request, as it came, to http://127.0.0.1:<target()>.
 * The target is asked per request, so the proxy can listen before the server behind it has started (the
 * server needs the proxy's address as its ORIGIN).
 */
export async function startTlsProxy(certificate: Certificate, target: () => number): Promise<TlsProxy> {
	const port = await freePort();
	const proxy = https.createServer(certificate, (request, response) => {
		const upstream = http.request(
			{
				host: '127.0.0.1',
				port: target(),
				method: request.method,
				path: request.url,
				headers: { ...request.headers, 'x-forwarded-proto': 'https' }
			},
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			}
		);
		upstream.on('error', () => {
			response.writeHead(502);
			response.end();
		});
		request.pipe(upstream);
	});
	await new Promise<void>((resolve, reject) => {
		proxy.once('error', reject);
		proxy.listen(port, '127.0.0.1', resolve);
	});
	return {
		url: `https://127.0.0.1:${port}`,
		port,
		stop: () =>
			new Promise((resolve) => {
				proxy.closeAllConnections();
				proxy.close(() => resolve());
			})
	};
}

/** Sends over http, or over https trusting `ca`; answers as fetch does, without following redirects. */
export function sendTrusting(ca: string): Send {
	return (url, init) =>
		new Promise((resolve, reject) => {
			const body = init.body?.toString();
			const headers: Record<string, string> = { ...init.headers };
			if (body !== undefined) {
				headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
				headers['content-length'] = String(Buffer.byteLength(body));
			}
			const answer = (response: http.IncomingMessage) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					const received = new Headers();
					for (let i = 0; i < response.rawHeaders.length; i += 2)
						received.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
					const status = response.statusCode ?? 500;
					const empty = [204, 205, 304].includes(status);
					resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers: received }));
				});
			};
			const request =
				url.protocol === 'https:'
					? https.request(url, { method: init.method, headers, ca }, answer)
					: http.request(url, { method: init.method, headers }, answer);
			request.on('error', reject);
			request.end(body);
		});
}
