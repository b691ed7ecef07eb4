// Group commit: who ends up in which group, in what order, and what each caller gets back.
import { describe, expect, it } from 'vitest';
import { createBatcher, createBatches, submitBatched, type Settled } from './batch';

/** A batcher that records its groups and doubles numbers; odd numbers above 100 are refused one by one. */
function doubling(maxSize = 100) {
	const groups: number[][] = [];
	let release: (() => void) | null = null;
	let hold = false;
	const batcher = createBatcher<number, number>(
		async (items) => {
			groups.push(items);
			if (hold) await new Promise<void>((resolve) => (release = resolve));
			if (items.includes(-1)) throw new Error('the whole group failed');
			return items.map((n): Settled<number> =>
				n > 100 && n % 2 === 1 ? { ok: false, error: n } : { ok: true, value: n * 2 }
			);
		},
		{ maxSize }
	);
	return {
		batcher,
		groups,
		holdNext() {
			hold = true;
		},
		release() {
			hold = false;
			release?.();
		}
	};
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createBatcher', () => {
	it('writes what arrives together as one group, in arrival order, and answers each caller', async () => {
		const { batcher, groups } = doubling();
		expect(await Promise.all([1, 2, 3].map((n) => batcher.submit(n)))).toEqual([2, 4, 6]);
		expect(groups).toEqual([[1, 2, 3]]);
	});

	it('starts at once when idle, and groups what arrives while a group is being written', async () => {
		const b = doubling();
		b.holdNext();
		const first = b.batcher.submit(1);
		await tick();
		expect(b.groups).toEqual([[1]]);
		const waiting = [2, 3, 4].map((n) => b.batcher.submit(n));
		await tick();
		expect(b.groups).toHaveLength(1);
		b.release();
		expect(await first).toBe(2);
		expect(await Promise.all(waiting)).toEqual([4, 6, 8]);
		expect(b.groups).toEqual([[1], [2, 3, 4]]);
	});

	it('never puts more than maxSize in a group', async () => {
		const { batcher, groups } = doubling(4);
		const all = Array.from({ length: 10 }, (_, i) => batcher.submit(i));
		expect(await Promise.all(all)).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
		expect(groups.map((g) => g.length)).toEqual([4, 4, 2]);
	});

	it('refuses only the item that failed, and the whole group when writing it throws', async () => {
		const { batcher } = doubling();
		const results = await Promise.allSettled([batcher.submit(2), batcher.submit(101), batcher.submit(4)]);
		expect(results).toEqual([
			{ status: 'fulfilled', value: 4 },
			{ status: 'rejected', reason: 101 },
			{ status: 'fulfilled', value: 8 }
		]);
		const failed = await Promise.allSettled([batcher.submit(5), batcher.submit(-1)]);
		expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		// And it keeps working afterwards.
		expect(await batcher.submit(7)).toBe(14);
	});
});

describe('createBatches', () => {
	it('keeps one batcher per name', () => {
		const batches = createBatches();
		const a = batches.get('a', () => doubling().batcher);
		expect(batches.get('a', () => doubling().batcher)).toBe(a);
		expect(batches.get('b', () => doubling().batcher)).not.toBe(a);
	});
});

describe('submitBatched', () => {
	const run = async (items: number[]): Promise<Settled<number>[]> =>
		items.map((n) => (n < 0 ? { ok: false, error: new Error('nee') } : { ok: true, value: n * 3 }));

	it('without batches writes the item as a group of one: its value, or its refusal thrown', async () => {
		expect(await submitBatched(undefined, 'x', run, { maxSize: 10 }, 1)).toBe(3);
		await expect(submitBatched(undefined, 'x', run, { maxSize: 10 }, -1)).rejects.toThrow('nee');
	});

	it("with batches goes through the App's batcher of that name", async () => {
		const batches = createBatches();
		const seen: number[][] = [];
		const recording = async (items: number[]) => (seen.push(items), run(items));
		const results = await Promise.all(
			[1, 2].map((n) => submitBatched(batches, 'x', recording, { maxSize: 10 }, n))
		);
		expect(results).toEqual([3, 6]);
		expect(seen).toEqual([[1, 2]]);
	});
});
