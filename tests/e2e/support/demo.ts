// Finding things of the demo content through the public API, for journeys that act on them.

interface ApiOpportunity {
	id: number;
	title: string;
	kind: string;
}

/** The id of Geel's map opportunity with this title. */
export async function geelOpportunity(baseURL: string, title: string): Promise<number> {
	const response = await fetch(`${baseURL}/api/v1/municipalities/geel/actions?limit=100`);
	const list = (await response.json()) as { data: { id: number }[] };
	for (const action of list.data) {
		const detail = await fetch(`${baseURL}/api/v1/actions/${action.id}`);
		const body = (await detail.json()) as { data: { opportunities: ApiOpportunity[] } };
		const found = body.data.opportunities.find((o) => o.kind === 'mapSuggestions' && o.title === title);
		if (found) return found.id;
	}
	throw new Error(`no opportunity "${title}" in the demo of Geel`);
}

/** The path of a listed suggestion of that opportunity (the first of its list). */
export async function listedSuggestionPath(baseURL: string, opportunityId: number): Promise<string> {
	const response = await fetch(`${baseURL}/api/v1/opportunities/${opportunityId}/suggestions?limit=1`);
	const body = (await response.json()) as { data: { url: string }[] };
	if (!body.data[0]) throw new Error(`opportunity ${opportunityId} lists no suggestion`);
	return new URL(body.data[0].url).pathname;
}
