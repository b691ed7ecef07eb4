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

/** People's statements on the embedded database, decaying with ACTIVITY_MS: about how many ran in the last one. */
const ACTIVITY_MS = 500;
let activity = 0;
let activityAt = 0;

/** Called by the embedded database (pglite-worker.ts) for each of people's statements. */
export function noteForeground(): void {
	const now = performance.now();
	activity = activity * Math.exp(-(now - activityAt) / ACTIVITY_MS) + 1;
	activityAt = now;
}

/**
 * About how many of people's statements the embedded database ran in this process in the last half second, so
 * long background work can take smaller turns while people are active. Always 0 on PostgreSQL (nothing notes it).
 */
export function foregroundActivity(): number {
	return activity * Math.exp(-(performance.now() - activityAt) / ACTIVITY_MS);
}
