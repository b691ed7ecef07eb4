// What open data accepts: the licence form of the back office, and a file's address (a dataset and a format).
import { z } from 'zod';
import { isOpenDataLicence, type OpenDataLicence } from '$lib/domain/open-data';

export const licenceSchema = z.object({
	licence: z
		.string({ error: 'openData.settings.licenceUnknown' })
		.max(80, { error: 'openData.settings.licenceUnknown' })
		.refine(isOpenDataLicence, { error: 'openData.settings.licenceUnknown' })
		.transform((v) => v as OpenDataLicence)
});
