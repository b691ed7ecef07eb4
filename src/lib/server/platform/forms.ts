// Reading what a browser sent: form fields and uploads, before a service validates them.

/** The named text fields of a form as strings; a missing field is an empty string, a file is ignored. */
export function textFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
	return Object.fromEntries(
		names.map((name) => {
			const value = form.get(name);
			return [name, typeof value === 'string' ? value : ''];
		})
	) as Record<K, string>;
}

/** Every string value of a repeated field (checkboxes), at most `max` of them. */
export function listField(source: FormData | URLSearchParams, name: string, max = 200): string[] {
	return source
		.getAll(name)
		.filter((v): v is string => typeof v === 'string')
		.slice(0, max + 1);
}

/** An uploaded file as the route hands it over (a File or Blob): the size first, the bytes only when small enough. */
export interface UploadedFile {
	size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}
