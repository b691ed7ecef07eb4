// The ceiling: a bare node:http server that answers each benchmarked path with the body and content-type
// the real app gave for it, from memory. Whatever the app does beyond that (routing, hooks, database,
// rendering) is what separates its req/s from this one's.
//
// It runs as a child process of run.mjs (forked, payloads over IPC), not inside it, because autocannon
// generates the load in run.mjs's own event loop. In-process, the ceiling would share one thread with
// the load generator while the real app has a process of its own, so the ceiling would be understated
// and the ratio flattered. As a child it gets its own process, exactly like the app, and autocannon
// competes with both in the same way (on two cores: one for the server, one for autocannon).
//
// Started with `fork(this file, { serialization: 'advanced' })`; expects one message
// { payloads: [{ path, contentType, body: Buffer }] } and answers { port } once listening.
import http from 'node:http';

if (!process.send) {
	console.error('ceiling-server.mjs is started by scripts/bench/run.mjs');
	process.exit(2);
}

process.once('message', ({ payloads }) => {
	const responses = new Map(
		payloads.map((p) => [
			p.path,
			{
				headers: { 'content-type': p.contentType, 'content-length': String(p.body.length) },
				body: Buffer.from(p.body)
			}
		])
	);
	const server = http.createServer((req, res) => {
		const found = responses.get(req.url);
		if (!found) {
			res.writeHead(404, { 'content-length': '0' });
			res.end();
			return;
		}
		res.writeHead(200, found.headers);
		res.end(found.body);
	});
	server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
	const stop = () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	// The parent is gone: nothing left to serve.
	process.once('disconnect', stop);
});
