// The data the benchmark runs against. Every run starts from an empty data folder (a fresh embedded
// PGlite database), so the figures do not depend on what an earlier run or a developer left behind.
//
// A dataset step is an object with a name, a description and up to two hooks, all optional:
//
//   offline({ root, dataDir, env, log })  runs while the app is stopped, after one boot of the app on
//                                         the same DATA_DIR has applied the migrations and loaded the
//                                         reference data. Use it to write many rows straight into the
//                                         database (e.g. with vite-node and the app's own query
//                                         functions). run.mjs only does that extra boot when some step
//                                         has an `offline` hook.
//   online({ baseUrl, log })             runs against the started app, before any load. Use it to
//                                         create data through the app's HTTP API and to check that the
//                                         data is what the scenarios expect. Returns a summary object
//                                         that is printed and written to .bench/results.json.
//
// Steps run in the order of DATASETS. Keep them deterministic (fixed seeds), so two runs compare.
//
// Today the only data is what the app's own start-up loads on an empty database: the Kempen region
// with its 29 municipalities, the default climate themes and the demo content. The next step will
// come with the actions feature: "29 municipalities × 300 actions", generated here, so that the
// municipality home and the action lists are measured with a realistic amount of content.
import { kempen } from './kempen.mjs';

export const DATASETS = [kempen];

/** Whether any step needs the extra boot-stop cycle before the measured start. */
export function needsOfflineStep(datasets = DATASETS) {
	return datasets.some((d) => typeof d.offline === 'function');
}

export async function runOfflineSteps(context, datasets = DATASETS) {
	for (const dataset of datasets) {
		if (typeof dataset.offline !== 'function') continue;
		context.log(`dataset ${dataset.name}: offline step`);
		await dataset.offline(context);
	}
}

/** Runs the online hooks in order; returns { [name]: summary } for the report. */
export async function runOnlineSteps(context, datasets = DATASETS) {
	const summaries = {};
	for (const dataset of datasets) {
		summaries[dataset.name] = {
			description: dataset.description,
			...(typeof dataset.online === 'function' ? await dataset.online(context) : {})
		};
	}
	return summaries;
}
