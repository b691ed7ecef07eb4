// The baseline: what the app's start-up loads on an empty embedded database. Nothing to generate;
// the online hook only checks that the data is there, so a change in the seed shows up here.

const EXPECTED_MUNICIPALITIES = 29;

export const kempen = {
	name: 'kempen',
	description:
		'Kempen region, 29 municipalities, default themes and demo content (loaded by the app at start-up)',

	async online({ baseUrl }) {
		const response = await fetch(new URL('/api/v1/municipalities', baseUrl), {
			signal: AbortSignal.timeout(10_000)
		});
		if (response.status !== 200)
			throw new Error(`dataset kempen: /api/v1/municipalities answered ${response.status}`);
		const { data } = await response.json();
		if (!Array.isArray(data) || data.length !== EXPECTED_MUNICIPALITIES)
			throw new Error(
				`dataset kempen: expected ${EXPECTED_MUNICIPALITIES} municipalities, the API lists ${data?.length}`
			);
		return {
			municipalities: data.length,
			participating: data.filter((m) => m.participating).length
		};
	}
};
