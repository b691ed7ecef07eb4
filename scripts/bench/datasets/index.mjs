// The data the benchmark runs against. Every run starts from an empty data folder (a fresh embedded
// PGlite database), so the figures do not depend on what an earlier run or a developer left behind.
//
// A dataset step is an object with a name, a description and up to two hooks, all optional:
//
//   offline({ root, dataDir, log })      runs while the app is stopped, after one boot of the app on
//                                         the same DATA_DIR has applied the migrations and loaded the
//                                         reference data and demo content. Use it to write many rows
//                                         straight into the database (plain SQL through PGlite, or
//                                         vite-node and the app's own modules). Whatever it returns is
//                                         handed to the step's online hook as `offline`. run.mjs only
//                                         does that extra boot when some step has an `offline` hook.
//   online({ baseUrl, log, offline, routes })
//                                         runs against the started app, before any load. Use it to
//                                         create data through the app's HTTP API and to check that the
//                                         data is what the scenarios expect (`routes.find(path)` says
//                                         whether the build serves a path). Returns a summary object
//                                         that is printed, written to .bench/results.json and given to
//                                         scenarios whose path is a function, as `datasets[name]`.
//
// Steps run in the order of DATASETS. Keep them deterministic (fixed seeds), so two runs compare.
//
// kempen: what the app's own start-up loads on an empty database (the Kempen region, its 29
// municipalities, the default climate themes, the demo content). actions: 29 municipalities × 300
// published actions with their themes, opportunities and updates, so that the action list, the action
// page and the API are measured with a realistic amount of content. suggestions: Geel with one opportunity
// of 10,000 suggestions and 1,000,000 votes, and 1,000 people with a session who cast votes under load.
import { actions } from './actions.mjs';
import { kempen } from './kempen.mjs';
import { suggestionsDataset } from './suggestions.mjs';

export const DATASETS = [kempen, actions, suggestionsDataset];

/** Whether any step needs the extra boot-stop cycle before the measured start. */
export function needsOfflineStep(datasets = DATASETS) {
	return datasets.some((d) => typeof d.offline === 'function');
}

/** Runs the offline hooks in order; returns { [name]: what the hook returned } for the online hooks. */
export async function runOfflineSteps(context, datasets = DATASETS) {
	const results = {};
	for (const dataset of datasets) {
		if (typeof dataset.offline !== 'function') continue;
		context.log(`dataset ${dataset.name}: offline step`);
		results[dataset.name] = (await dataset.offline(context)) ?? {};
	}
	return results;
}

/**
 * Runs the online hooks in order with `{ baseUrl, log, routes }` and each step's own offline result;
 * returns { [name]: summary } for the report and the scenarios.
 */
export async function runOnlineSteps(context, offlineResults = {}, datasets = DATASETS) {
	const summaries = {};
	for (const dataset of datasets) {
		const offline = offlineResults[dataset.name] ?? {};
		summaries[dataset.name] = {
			description: dataset.description,
			...(typeof dataset.online === 'function' ? await dataset.online({ ...context, offline }) : offline)
		};
	}
	return summaries;
}
