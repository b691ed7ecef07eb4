// The message after a change: the load reads ?gelukt=…&aantal=… (the platform's flashOf, or listParams for a
// list) and the page names the message of each outcome it knows.
import type { MessageKey, Translator } from '$lib/i18n';

/** The message of the outcome in the address, with its count; null for none or for one this page does not know. */
export function flashMessage(
	t: Translator['t'],
	flash: { done?: string | null; count?: number },
	messages: Readonly<Record<string, MessageKey>>
): string | null {
	const key = flash.done && Object.hasOwn(messages, flash.done) ? messages[flash.done] : undefined;
	return key ? t(key, { count: flash.count ?? 0 }) : null;
}
