// The demo content as a running server loads it: every feature's demo part of the registry, in order.
import type { Db } from '$lib/server/db/client';
import { loadDemo } from '$lib/server/platform/demo';
import { features } from '$lib/server/features';

export const seedDemo = (db: Db) => loadDemo(db, features);
