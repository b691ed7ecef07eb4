// Dutch (nl-BE) texts for citizens who add, support, comment, report and follow suggestions.
export const suggestionsContribute = {};
