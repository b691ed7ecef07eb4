// Shapes the back-office kit's components share: filter fields, table columns, bulk choices.

/** What a filter holds: ids may be numbers. */
export type FilterValue = string | number | null | undefined;

/** One field of a FilterBar, a GET form that keeps its values in the address. */
export type FilterField =
	| { kind: 'search'; id: string; name: string; label: string; value: FilterValue; maxlength?: number }
	| { kind: 'date'; id: string; name: string; label: string; value: FilterValue }
	| {
			kind: 'select';
			id: string;
			name: string;
			label: string;
			value: FilterValue;
			options: readonly { value: FilterValue & {}; label: string }[];
			/** The label of the empty first option ("all …"); none when a value is always chosen. */
			all?: string;
	  }
	/** A value the form carries along unseen, e.g. the sort order of the table below it. */
	| { kind: 'hidden'; name: string; value: FilterValue };

/** The sort order of a list: which column and which way. */
export interface SortState {
	sort: string;
	dir: 'asc' | 'desc';
}

/** "Select all" of a DataTable, from the list's load: whether the list was opened so, and the addresses that
 * tick and untick every box without JavaScript. */
export interface SelectAll {
	selected: boolean;
	all: string;
	none: string;
}

/** One column of a DataTable. */
export interface Column {
	label: string;
	/** The sort key this column's header link asks for; without one the header is plain text. */
	sort?: string;
	/** Read by screen readers only, e.g. the header of a column of buttons. */
	hidden?: boolean;
}

/** One choice of a BulkBar. */
export interface BulkOption {
	value: string;
	label: string;
}
