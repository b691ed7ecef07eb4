// The widgets feature: the sites allowed to embed a municipality, the back office's gallery and oEmbed. The
// widgets themselves are the other features' (their manifests' `widgets` parts, platform/widgets.ts).
import { defineFeature } from '$lib/server/platform/feature';
import { allowDemoWebsites } from './widgets.queries';
import './widgets.audit';

export const widgetsFeature = defineFeature({
	name: 'widgets',
	abilities: ['content.communicate', 'settings.manage'],
	// Each demo municipality allows its own (made-up) website, after the demo has set it.
	demo: { after: ['demo'], load: allowDemoWebsites }
});
