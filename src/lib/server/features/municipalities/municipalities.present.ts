// What leaves the server about a municipality, field by field.
import { readableTextOn } from '$lib/domain/colors';
import type { MunicipalityRow } from './municipalities.queries';

export interface MunicipalitySummary {
	slug: string;
	name: string;
	participating: boolean;
	inhabitants: number;
	mainPostcode: string;
}

export interface MunicipalityBranding {
	primaryColor: string;
	primaryText: string;
	accentColor: string;
	accentText: string;
	logoUrl: string;
}

export interface MunicipalityPage extends MunicipalitySummary {
	nisCode: string;
	intro: string | null;
	websiteUrl: string | null;
	branding: MunicipalityBranding;
}

export interface MunicipalityApi {
	slug: string;
	name: string;
	nisCode: string;
	inhabitants: number;
	participating: boolean;
	mainPostcode: string;
	province: string;
	arrondissement: string;
	center: { lat: number; lng: number };
	url: string;
	/** Its last change, as the sync (`updated_since`) counts it. */
	updatedAt: string;
}

export function presentMunicipalitySummary(row: MunicipalityRow): MunicipalitySummary {
	return {
		slug: row.slug,
		name: row.name,
		participating: row.participating,
		inhabitants: row.inhabitants,
		mainPostcode: row.mainPostcode
	};
}

export function presentBranding(row: MunicipalityRow): MunicipalityBranding {
	return {
		primaryColor: row.primaryColor,
		primaryText: readableTextOn(row.primaryColor),
		accentColor: row.accentColor,
		accentText: readableTextOn(row.accentColor),
		logoUrl: row.logoUrl ?? `/${row.slug}/logo.svg`
	};
}

export function presentMunicipalityPage(row: MunicipalityRow): MunicipalityPage {
	return {
		...presentMunicipalitySummary(row),
		nisCode: row.nisCode,
		intro: row.intro,
		websiteUrl: row.websiteUrl,
		branding: presentBranding(row)
	};
}

export function presentMunicipalityApi(row: MunicipalityRow, origin: string): MunicipalityApi {
	return {
		slug: row.slug,
		name: row.name,
		nisCode: row.nisCode,
		inhabitants: row.inhabitants,
		participating: row.participating,
		mainPostcode: row.mainPostcode,
		province: row.province,
		arrondissement: row.arrondissement,
		center: { lat: row.centerLat, lng: row.centerLng },
		url: `${origin}/${row.slug}`,
		updatedAt: row.updatedAt.toISOString()
	};
}
