// The open-data catalogue in DCAT-AP (the EU's application profile of W3C DCAT, which the Flemish government's
// DCAT-AP Vlaanderen builds on), as JSON-LD: the catalogue with its publisher, its datasets and, per dataset, a
// distribution per format with its download address, media type, file type and licence. Terms are written with
// their prefixes (`dct:title`), which the context maps to the vocabularies' IRIs; texts carry `@language: nl`.
import { OPEN_DATA_FORMATS, type OpenDataFormat } from '$lib/domain/open-data';

export const DCAT_CONTEXT = {
	dcat: 'http://www.w3.org/ns/dcat#',
	dct: 'http://purl.org/dc/terms/',
	foaf: 'http://xmlns.com/foaf/0.1/',
	vcard: 'http://www.w3.org/2006/vcard/ns#',
	xsd: 'http://www.w3.org/2001/XMLSchema#',
	rdfs: 'http://www.w3.org/2000/01/rdf-schema#'
} as const;

const DUTCH = 'http://publications.europa.eu/resource/authority/language/NLD';

export interface CatalogueInput {
	/** The open-data page: the catalogue's IRI, homepage and every dataset's landing page. */
	page: string;
	/** The catalogue document's own address. */
	self: string;
	title: string;
	description: string;
	publisher: { iri: string; name: string };
	contact: { name: string; url: string };
	/** The NIS code's IRI in Belgif's vocabulary, for a municipality. */
	spatial: string | null;
	/** The licence document of every distribution. */
	licence: { iri: string; label: string | null };
	modified: Date | null;
	datasets: {
		key: string;
		title: string;
		description: string;
		keywords: readonly string[];
		modified: Date | null;
		distributions: { format: OpenDataFormat; url: string }[];
	}[];
}

const nl = (value: string) => ({ '@value': value, '@language': 'nl' });
const iri = (value: string) => ({ '@id': value });
const dateTime = (value: Date) => ({ '@value': value.toISOString(), '@type': 'xsd:dateTime' });

export function dcatCatalogue(input: CatalogueInput): Record<string, unknown> {
	const licence = {
		'@id': input.licence.iri,
		'@type': 'dct:LicenseDocument',
		...(input.licence.label ? { 'rdfs:label': nl(input.licence.label) } : {})
	};
	const contact = {
		'@type': 'vcard:Organization',
		'vcard:fn': input.contact.name,
		'vcard:hasURL': iri(input.contact.url)
	};
	const publisher = {
		'@id': input.publisher.iri,
		'@type': 'foaf:Agent',
		'foaf:name': nl(input.publisher.name)
	};
	return {
		'@context': DCAT_CONTEXT,
		'@id': input.page,
		'@type': 'dcat:Catalog',
		'dct:title': nl(input.title),
		'dct:description': nl(input.description),
		'dct:publisher': publisher,
		'foaf:homepage': iri(input.page),
		'dct:language': iri(DUTCH),
		'dct:license': licence,
		...(input.spatial ? { 'dct:spatial': iri(input.spatial) } : {}),
		...(input.modified ? { 'dct:modified': dateTime(input.modified) } : {}),
		'dcat:dataset': input.datasets.map((d) => ({
			'@id': `${input.page}#${d.key}`,
			'@type': 'dcat:Dataset',
			'dct:identifier': `${input.page}#${d.key}`,
			'dct:title': nl(d.title),
			'dct:description': nl(d.description),
			'dct:publisher': iri(input.publisher.iri),
			'dcat:contactPoint': contact,
			'dcat:landingPage': iri(`${input.page}#${d.key}`),
			'dct:language': iri(DUTCH),
			'dcat:keyword': d.keywords.map(nl),
			...(input.spatial ? { 'dct:spatial': iri(input.spatial) } : {}),
			...(d.modified ? { 'dct:modified': dateTime(d.modified) } : {}),
			'dcat:distribution': d.distributions.map((dist) => {
				const format = OPEN_DATA_FORMATS[dist.format];
				return {
					'@id': `${input.page}#${d.key}-${dist.format}`,
					'@type': 'dcat:Distribution',
					'dct:title': nl(`${d.title} (${format.label})`),
					'dcat:accessURL': iri(input.page),
					'dcat:downloadURL': iri(dist.url),
					'dcat:mediaType': iri(`https://www.iana.org/assignments/media-types/${format.mediaType}`),
					'dct:format': iri(format.euFileType),
					'dct:license': licence,
					...(d.modified ? { 'dct:modified': dateTime(d.modified) } : {})
				};
			})
		}))
	};
}
