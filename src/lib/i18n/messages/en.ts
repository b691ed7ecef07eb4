import type { PartialCatalogue } from '../catalogue';

// English is prepared, not yet translated: every missing message falls back to Dutch.
const en: PartialCatalogue = {
	app: { skipToContent: 'Skip to content' }
};

export default en;
