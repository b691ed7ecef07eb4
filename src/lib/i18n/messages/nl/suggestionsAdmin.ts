// Dutch (nl-BE) texts of the back office for suggestions: moderation queue, answers, statuses, merges, blocks, exports.
export const suggestionsAdmin = {};
