// Background work (jobs, the event dispatcher, mail delivery) and the requests people wait for share the embedded
// database's one connection. Work started inside runInBackground — and everything it starts: its promises, timers
// and loops — is background work, so the embedded database can let people's statements go first
// (pglite-worker.ts). PostgreSQL has a connection per statement in flight and needs no such turn-taking.
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/** Runs `fn` as background work: its statements give way to people's on the embedded database. */
export function runInBackground<T>(fn: () => T): T {
	return background.run(true, fn);
}

/** Whether the caller is background work (runInBackground). */
export function isBackgroundWork(): boolean {
	return background.getStore() === true;
}
