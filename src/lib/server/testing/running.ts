// Tests on a started platform (startApp): a request's context as hooks.server.ts builds it, and a browser at
// the development identity provider that picks a persona and comes back with the code.
import { requestContext, type App } from '$lib/server/platform/app';
import type { Ctx } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import { CookieJar, follow, formWith } from './http-client';

/** A request's context on the running platform (requestContext); mails still go to the job queue, and to `outbox` too. */
export function requestCtx(
	app: App,
	requestId: string,
	extra: { actor?: Ctx['actor']; outbox?: MailMessage[] } = {}
): Ctx {
	return {
		...requestContext(app, { requestId, locale: 'nl', log: app.log.child({ requestId }) }),
		actor: extra.actor,
		queueMail: async (message) => {
			extra.outbox?.push(message);
			await app.queueMail(message);
		},
		queueMails: async (tx, messages) => {
			extra.outbox?.push(...messages);
			return app.queueMails(tx, messages);
		}
	};
}

/** A browser at the provider: picks the persona and follows the redirects back to `redirectUri` with the code. */
export async function pickPersona(url: URL, sub: string, redirectUri: string): Promise<URL> {
	const jar = new CookieJar();
	const picker = await follow(jar, url, redirectUri);
	const form = formWith((await picker.response?.text()) ?? '', 'persona', sub);
	const posted = await jar.fetch(new URL(form.action, picker.url), { method: 'POST', form: form.fields });
	return (await follow(jar, new URL(posted.headers.get('location') ?? '', picker.url), redirectUri)).url;
}
