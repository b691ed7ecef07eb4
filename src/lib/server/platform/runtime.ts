// The one running App of this process, set by the server's init hook. Holds no per-request state.
import type { App } from './app';

const holder: { app?: App } = {};

export function setApp(app: App | undefined): void {
	holder.app = app;
}

export function getApp(): App {
	if (!holder.app) throw new Error('the platform has not started');
	return holder.app;
}
