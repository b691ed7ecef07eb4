// What back-office pages share around their use cases: a list's filters in the address under Dutch names
// (declared once per list) and its load, the message after a change (?gelukt=…&aantal=…), "select all", and the
// "are you sure?" step (the GET shows, the POST changes, then back to the list with a message).
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Ctx } from './context';
import { backofficeAction, backofficeLoad } from './http';
import { flashOf, type Flash } from './flash';

// The message after a change is the platform's one mechanism (flash.ts), for citizen pages too.
export { flashOf, withFlash, type Flash } from './flash';

const SELECT_ALL = 'selecteer';
const ALL = 'alles';

/** A list's filters: the use case's name of each → its Dutch name in the address. */
export type ListNames = Readonly<Record<string, string>>;

/** "Select all" of a list with checkboxes: whether the list was opened so, and the addresses that (un)tick all. */
export interface SelectAll {
	selected: boolean;
	all: string;
	none: string;
}

/** What a list's page receives besides the use case's result. */
export interface ListView<N extends ListNames> extends Flash {
	/** The Dutch names, for the page's links and filter fields. */
	names: N;
	selectAll: SelectAll;
}

function selectAllOf(url: URL): SelectAll {
	const all = new URL(url);
	all.searchParams.set(SELECT_ALL, ALL);
	const none = new URL(url);
	none.searchParams.delete(SELECT_ALL);
	return {
		selected: url.searchParams.get(SELECT_ALL) === ALL,
		all: all.pathname + all.search,
		none: none.pathname + none.search
	};
}

/**
 * A list's filters read from the address under their Dutch names (an empty field counts as absent), for the
 * use case; and for the page the names, the message after a change and "select all":
 *
 *     const list = listParams(event.url, { q: 'zoek', status: 'status', sort: 'sorteer', page: 'pagina' });
 *     return { list: await backofficeLoad(event, listThings(event.locals.ctx, list.filters)), ...list.view };
 */
export function listParams<const N extends ListNames>(
	url: URL,
	names: N
): { filters: { [K in keyof N]: string | undefined }; view: ListView<N> } {
	const filters = Object.fromEntries(
		Object.entries(names).map(([key, name]) => [key, url.searchParams.get(name) || undefined])
	) as { [K in keyof N]: string | undefined };
	return { filters, view: { names, ...flashOf(url), selectAll: selectAllOf(url) } };
}

/**
 * A list's whole load: its filters read under their Dutch names (listParams), the use case called with them
 * through backofficeLoad, its result under `key` beside what the page needs (names, message, "select all"):
 *
 *     export const load: PageServerLoad = listLoad('list', { q: 'zoek', page: 'pagina' }, listThings);
 */
export function listLoad<const Key extends string, const N extends ListNames, Result>(
	key: Key,
	names: N,
	use: (ctx: Ctx, filters: { [K in keyof N]: string | undefined }) => Promise<Result>
) {
	return async (event: RequestEvent) => {
		const list = listParams(event.url, names);
		const result = await backofficeLoad(event, use(event.locals.ctx, list.filters));
		return { [key]: result, ...list.view } as Record<Key, Result> & ListView<N>;
	};
}

/**
 * The "are you sure?" step of a back-office change. The GET reads what was chosen from the address and shows
 * the use case's preview (it changes nothing); the POST reads the same choice from the form, makes the change,
 * and goes on to where `done` says (with the message after the change, see `withFlash`). A refusal keeps the
 * form's values (`keep`, else the input) and says why; a visitor goes to the login page and back.
 *
 * A route exports the two parts: `const step = confirmStep({...}); export const { load, actions } = step;`.
 */
export function confirmStep<
	Preview,
	Input extends Record<string, unknown>,
	Result,
	Shown extends Record<string, unknown> = Record<never, never>,
	Event extends RequestEvent = RequestEvent
>(step: {
	/** What would happen, read from the address (and the route's params). */
	preview: (ctx: Ctx, query: URLSearchParams, event: Event) => Promise<Preview>;
	/** Further values the page shows, read from the address (e.g. the chosen operation, to send it on). */
	shown?: (query: URLSearchParams) => Shown;
	/** The change's input, read from the confirmed form (and the route's params). */
	input: (form: FormData, event: Event) => Input;
	act: (ctx: Ctx, input: Input) => Promise<Result>;
	/** What the form shows again after a refusal, by field name; the input itself when left out. */
	keep?: (input: Input) => Record<string, unknown>;
	/** Where to go after the change, with its message. */
	done: (result: Result, event: Event) => string;
}) {
	return {
		load: async (event: Event) => ({
			...(step.shown?.(event.url.searchParams) ?? ({} as Shown)),
			preview: await backofficeLoad(event, step.preview(event.locals.ctx, event.url.searchParams, event))
		}),
		actions: {
			default: async (event: Event) => {
				const input = step.input(await event.request.formData(), event);
				const result = await backofficeAction(
					event,
					step.act(event.locals.ctx, input),
					step.keep?.(input) ?? input
				);
				if (!result.ok) return result.failure;
				redirect(303, step.done(result.value, event));
			}
		}
	};
}
