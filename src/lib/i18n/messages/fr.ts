import type { PartialCatalogue } from '../catalogue';

// French is prepared, not yet translated: every missing message falls back to Dutch.
const fr: PartialCatalogue = {
	app: { skipToContent: 'Aller au contenu' }
};

export default fr;
