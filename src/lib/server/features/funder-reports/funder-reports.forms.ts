// The interim report's form as the browser sends it (no JavaScript needed): flat field names that name their
// place in the answers (`a.{action}.motivation`, `a.{action}.i.{n}.description`, `e.{action}.{expectation}.answer`,
// `e.{action}.{expectation}.item.{item}`, `s.{section}.{question}`, `v.{action}.enough`), the same names the
// service's per-field messages use, so each message lands beside its field.
export function answersFromForm(form: FormData) {
	const actions: Record<string, Record<string, unknown> & { initiatives: Record<string, string>[] }> = {};
	const expectations: Record<string, { answer?: string; text?: string; items: Record<string, string> }> = {};
	const sections: Record<string, string> = {};
	const action = (key: string) => (actions[key] ??= { initiatives: [] });
	for (const [name, raw] of form.entries()) {
		if (typeof raw !== 'string') continue;
		const parts = name.split('.');
		if (parts[0] === 'a' && parts.length === 3) {
			const field = parts[2]!;
			if (field === 'stopped') action(parts[1]!).stopped = raw === 'on' || raw === 'ja';
			else if (['reached', 'reason', 'motivation', 'notDone', 'efforts'].includes(field))
				action(parts[1]!)[field] = raw;
		} else if (parts[0] === 'a' && parts[2] === 'i' && parts.length === 5) {
			const n = Number(parts[3]);
			if (!Number.isInteger(n) || n < 0 || n > 50) continue;
			const list = action(parts[1]!).initiatives;
			(list[n] ??= {})[parts[4]!] = raw;
		} else if (parts[0] === 'e' && parts.length >= 4) {
			const k = `${parts[1]}.${parts[2]}`;
			const x = (expectations[k] ??= { items: {} });
			if (parts[3] === 'answer') x.answer = raw;
			else if (parts[3] === 'text') x.text = raw;
			else if (parts[3] === 'item' && parts[4]) x.items[parts[4]] = raw;
		} else if (parts[0] === 's' && parts.length === 3) sections[`${parts[1]}.${parts[2]}`] = raw;
	}
	for (const a of Object.values(actions)) a.initiatives = a.initiatives.filter(Boolean);
	return { actions, expectations, sections };
}

export function verdictFromForm(form: FormData) {
	const verdict: Record<string, Record<string, string>> = {};
	for (const [name, raw] of form.entries()) {
		const parts = name.split('.');
		if (typeof raw !== 'string' || parts[0] !== 'v' || parts.length !== 3) continue;
		(verdict[parts[1]!] ??= {})[parts[2]!] = raw;
	}
	return verdict;
}

/** Every typed value, to give back to the form when nothing could be kept. */
export function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, raw] of form.entries()) if (typeof raw === 'string') values[name] = raw;
	return values;
}
