// The shape of a use case that changes something: authorize → load in the tenant → validate → (prepare) →
// transaction → domain events and audit rows in that transaction → present. A feature binds its authorization and its
// audit writer once (`commands`), and each use case declares only its own parts.
import type { z } from 'zod';
import type { Db } from '$lib/server/db/client';
import type { MessageKey } from '$lib/i18n';
import type { Ctx } from './context';
import { validateInput } from './validation';
import { writeDomainEvent, type NewDomainEvent } from './events';

/** What a use case's change hands the helper to write in its transaction once the change itself is done. */
export interface Recorder<Audit> {
	event(event: NewDomainEvent): void;
	audit(entry: Audit): void;
}

/** What every step after authorization receives. */
export interface CommandArgs<C, Scope, Input, Loaded, Values, Prepared = undefined> {
	ctx: C;
	scope: Scope;
	input: Input;
	loaded: Loaded;
	values: Values;
	prepared: Prepared;
}

export interface CommandSpec<C, Scope, Audit, Input, Loaded, Values, Prepared, Result, Output> {
	/**
	 * Reads what the use case is about, in the tenant of `scope`, before validation and outside the
	 * transaction: a record of another municipality is not found before its input is judged. Throw
	 * `AppError('not_found')` when it is missing.
	 */
	load?: (ctx: C, scope: Scope, input: Input) => Promise<Loaded>;
	/** The input's schema, checked with the platform's `validateInput` (per-field catalogue keys). */
	schema?: z.ZodType<Values>;
	/**
	 * Reads and checks that need the validated input, still outside the transaction (a refusal here costs
	 * no BEGIN and ROLLBACK).
	 */
	prepare?: (args: CommandArgs<C, Scope, Input, Loaded, Values>) => Promise<Prepared>;
	/**
	 * The change, inside one transaction (`tx`). What it records goes to the database after it returns, in
	 * the same transaction: if the change, an event or an audit row fails, nothing of it stays. Without
	 * `execute` no transaction is opened and the result is what `prepare`, else `load`, returned (a read).
	 */
	execute?: (
		tx: Db,
		args: CommandArgs<C, Scope, Input, Loaded, Values, Prepared> & { record: Recorder<Audit> }
	) => Promise<Result>;
	/** What leaves the use case; without it, the result itself. */
	present?: (result: Result, args: CommandArgs<C, Scope, Input, Loaded, Values, Prepared>) => Output;
}

export interface CommandBase<C, Scope, Audit> {
	/** Runs first, before anything of the municipality is read; refuses with an AppError. */
	authorize: (ctx: C) => Promise<Scope>;
	/** Writes the audit rows a change recorded, in its transaction. */
	writeAudit?: (tx: Db, scope: Scope, entries: Audit[]) => Promise<void>;
	/** The key shown for a problem Zod describes in its own words (see `validateInput`). */
	fallback: MessageKey;
	/** Which form field an issue belongs to (see `validateInput`). */
	fieldOf?: (path: readonly PropertyKey[]) => string;
}

export interface Commands<C, Scope, Audit> {
	/**
	 * A use case as its parts. Errors are not caught: an AppError of any step reaches the caller as it
	 * was thrown, and no step runs after it. The steps add no statements of their own: authorization, the
	 * load, the change and the writes of what it recorded are exactly the queries the parts make, plus
	 * BEGIN and COMMIT when there is a change.
	 */
	command<
		Input,
		Loaded = undefined,
		Values = undefined,
		Prepared = undefined,
		Result = [Prepared] extends [undefined] ? Loaded : Prepared,
		Output = Result
	>(
		spec: CommandSpec<C, Scope, Audit, Input, Loaded, Values, Prepared, Result, Output>
	): (ctx: C, input: Input) => Promise<Output>;
}

export function commands<C extends Ctx, Scope, Audit = never>(
	base: CommandBase<C, Scope, Audit>
): Commands<C, Scope, Audit> {
	return {
		command<Input, Loaded, Values, Prepared, Result, Output>(
			spec: CommandSpec<C, Scope, Audit, Input, Loaded, Values, Prepared, Result, Output>
		) {
			return async (ctx: C, input: Input): Promise<Output> => {
				const scope = await base.authorize(ctx);
				const loaded = (spec.load ? await spec.load(ctx, scope, input) : undefined) as Loaded;
				const values = (
					spec.schema
						? validateInput(spec.schema, input, { fallback: base.fallback, fieldOf: base.fieldOf })
						: undefined
				) as Values;
				const checked = { ctx, scope, input, loaded, values, prepared: undefined };
				const prepared = (spec.prepare ? await spec.prepare(checked) : undefined) as Prepared;
				const args = { ...checked, prepared };
				const execute = spec.execute;
				const result = execute
					? await ctx.db.transaction(async (tx) => {
							const events: NewDomainEvent[] = [];
							const audits: Audit[] = [];
							const record: Recorder<Audit> = {
								event: (event) => void events.push(event),
								audit: (entry) => void audits.push(entry)
							};
							const done = await execute(tx, { ...args, record });
							for (const event of events) await writeDomainEvent(tx, event);
							if (audits.length > 0) {
								if (!base.writeAudit) throw new Error('command recorded audit rows but has no audit writer');
								await base.writeAudit(tx, scope, audits);
							}
							return done;
						})
					: ((spec.prepare ? prepared : loaded) as unknown as Result);
				return spec.present ? spec.present(result, args) : (result as unknown as Output);
			};
		}
	};
}
