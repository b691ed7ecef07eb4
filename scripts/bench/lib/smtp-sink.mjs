// The mail bench's SMTP sink: accepts everything and counts, per message key (X-Meedoen-Reference), mails and
// people. It runs in a worker thread of its own: autocannon measures the pages' latency in the bench's main
// thread, and taking in hundreds of mails a second on that same thread delayed its timers and answers, so the
// pages' p99 "while sending" counted the bench's own work. Times are epoch milliseconds converted to the main
// thread's performance.now().
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';

if (!isMainThread && parentPort) {
	const port = parentPort;
	const byKey = new Map();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			let head = '';
			stream.on('data', (chunk) => {
				if (head.length < 8_192) head += chunk.toString('latin1');
			});
			stream.on('end', () => {
				const key = /^X-Meedoen-Reference:\s*(\S+)/im.exec(head)?.[1] ?? '(none)';
				let entry = byKey.get(key);
				if (!entry) byKey.set(key, (entry = { mails: 0, people: new Set(), first: 0, last: 0 }));
				const now = performance.timeOrigin + performance.now();
				entry.mails++;
				entry.first ||= now;
				entry.last = now;
				for (const r of session.envelope.rcptTo) entry.people.add(r.address.toLowerCase());
				callback();
			});
		}
	});
	port.on('message', ({ id, op, key }) => {
		if (op === 'of') {
			const e = byKey.get(key);
			port.postMessage({
				id,
				value: e
					? { mails: e.mails, distinct: e.people.size, first: e.first, last: e.last }
					: { mails: 0, distinct: 0, first: 0, last: 0 }
			});
		} else if (op === 'others') {
			const n = [...byKey].filter(([k]) => !k.startsWith('newsletter:')).reduce((s, [, e]) => s + e.mails, 0);
			port.postMessage({ id, value: n });
		} else if (op === 'close') server.close(() => port.postMessage({ id, value: null }));
	});
	server.listen(0, '127.0.0.1', () => port.postMessage({ ready: server.server.address().port }));
}

/** Starts the sink in its worker thread; `of(key)` and `others()` ask it for its counts. */
export async function startSink() {
	const worker = new Worker(new URL(import.meta.url));
	const pending = new Map();
	let seq = 0;
	const port = await new Promise((resolve, reject) => {
		worker.once('error', reject);
		worker.on('message', (m) => {
			if (m.ready) return resolve(m.ready);
			pending.get(m.id)?.(m.value);
			pending.delete(m.id);
		});
	});
	const ask = (op, key) =>
		new Promise((resolve) => {
			const id = ++seq;
			pending.set(id, resolve);
			worker.postMessage({ id, op, key });
		});
	/** An epoch time of the worker on this thread's performance.now() scale; 0 stays 0 (nothing yet). */
	const local = (t) => (t ? t - performance.timeOrigin : 0);
	return {
		url: `smtp://127.0.0.1:${port}`,
		async of(key) {
			const e = await ask('of', key);
			return { ...e, first: local(e.first), last: local(e.last) };
		},
		others: () => ask('others'),
		close: async () => {
			await ask('close');
			await worker.terminate();
		}
	};
}
