// The one running App of this process, set by the server's init hook. Holds no per-request state.
// It lives on globalThis so that the dev server's module reloads find the running platform again.
import type { App } from './app';

const KEY = Symbol.for('meedoen.app');
const holder = globalThis as typeof globalThis & { [KEY]?: App };

export function setApp(app: App | undefined): void {
	holder[KEY] = app;
}

export function hasApp(): boolean {
	return holder[KEY] !== undefined;
}

export function getApp(): App {
	const app = holder[KEY];
	if (!app) throw new Error('the platform has not started');
	return app;
}
