// Group commit: requests that arrive while the previous group is being written wait, and are then written
// together in one go (one transaction, set-based SQL). On the embedded database every statement takes its
// turn on one connection, so many small transactions are slow and one larger one is fast; on PostgreSQL it
// saves round trips and commits. Nobody waits longer than one group: an idle batcher starts at once.
//
// A batcher belongs to the running App (ctx.batches), never to a module, so nothing leaks between tests.

/** One item's outcome: what it returned, or why it was refused. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface Batcher<I, O> {
	/** Waits for the item's turn in a group and resolves (or rejects) with its own outcome. */
	submit(item: I): Promise<O>;
}

export interface BatchOptions {
	/** At most this many items per group; the rest wait for the next one. */
	maxSize: number;
}

/**
 * `run` receives the items of one group in arrival order and returns one outcome per item, in the same
 * order. When it throws, every item of that group is refused with the error.
 */
export function createBatcher<I, O>(
	run: (items: I[]) => Promise<Settled<O>[]>,
	options: BatchOptions
): Batcher<I, O> {
	type Waiting = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
	let queue: Waiting[] = [];
	let running = false;

	async function flush() {
		const group = queue.slice(0, options.maxSize);
		queue = queue.slice(group.length);
		try {
			const outcomes = await run(group.map((w) => w.item));
			group.forEach((waiting, i) => {
				const outcome = outcomes[i];
				if (!outcome) waiting.reject(new Error('batch: no outcome for an item'));
				else if (outcome.ok) waiting.resolve(outcome.value);
				else waiting.reject(outcome.error);
			});
		} catch (error) {
			for (const waiting of group) waiting.reject(error);
		}
		if (queue.length > 0) void flush();
		else running = false;
	}

	return {
		submit(item) {
			return new Promise<O>((resolve, reject) => {
				queue.push({ item, resolve, reject });
				if (running) return;
				running = true;
				// Whatever else arrives in this turn of the event loop joins the first group.
				setImmediate(() => void flush());
			});
		}
	};
}

/** The batchers of one running App, by name, each created on first use. */
export interface Batches {
	get<I, O>(name: string, create: () => Batcher<I, O>): Batcher<I, O>;
}

export function createBatches(): Batches {
	const byName = new Map<string, Batcher<unknown, unknown>>();
	return {
		get<I, O>(name: string, create: () => Batcher<I, O>): Batcher<I, O> {
			let batcher = byName.get(name) as Batcher<I, O> | undefined;
			if (!batcher) {
				batcher = create();
				byName.set(name, batcher as Batcher<unknown, unknown>);
			}
			return batcher;
		}
	};
}

/**
 * Submits one item to the App's batcher of that name, created on first use with `run` (so `run` must not
 * depend on the caller beyond what all callers share, such as the App's database). Without batches (most
 * tests) the item is written alone, as a group of one.
 */
export async function submitBatched<I, O>(
	batches: Batches | undefined,
	name: string,
	run: (items: I[]) => Promise<Settled<O>[]>,
	options: BatchOptions,
	item: I
): Promise<O> {
	if (batches) return batches.get(name, () => createBatcher(run, options)).submit(item);
	const [outcome] = await run([item]);
	if (!outcome) throw new Error('batch: no outcome');
	if (!outcome.ok) throw outcome.error;
	return outcome.value;
}
