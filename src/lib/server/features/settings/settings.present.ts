// What leaves the server about a municipality's settings, field by field.
import { readableTextOn } from '$lib/domain/colors';
import type { LekpWerf } from '$lib/domain/themes';
import type { MunicipalitySettingsRow, SettingsThemeRow } from './settings.queries';

export interface BrandingView {
	primaryColor: string;
	primaryText: string;
	accentColor: string;
	accentText: string;
	websiteUrl: string | null;
	intro: string | null;
	/** The logo shown now: the uploaded one, or the emblem made from the name. */
	logoUrl: string;
	hasOwnLogo: boolean;
	/** An official outline decides which places lie in the municipality (else the cell of its centre). */
	hasBoundary: boolean;
}

export function presentBranding(row: MunicipalitySettingsRow): BrandingView {
	return {
		primaryColor: row.primaryColor,
		primaryText: readableTextOn(row.primaryColor),
		accentColor: row.accentColor,
		accentText: readableTextOn(row.accentColor),
		websiteUrl: row.websiteUrl,
		intro: row.intro,
		logoUrl: row.logoUrl ?? `/${row.slug}/logo.svg`,
		hasOwnLogo: Boolean(row.logoUrl),
		hasBoundary: row.hasBoundary
	};
}

export interface StatementsView {
	/** The Markdown as stored; empty while the platform's default text is shown. */
	privacy: string;
	accessibility: string;
}

export function presentStatements(row: MunicipalitySettingsRow): StatementsView {
	return { privacy: row.privacyStatement ?? '', accessibility: row.accessibilityStatement ?? '' };
}

export interface ThemeAdminView {
	id: string;
	name: string;
	description: string | null;
	climate: boolean;
	lekpWerf: LekpWerf | null;
	active: boolean;
	/** One of the six default climate themes: renamed and switched off, never deleted. */
	isDefault: boolean;
}

export function presentThemeForAdmin(row: SettingsThemeRow): ThemeAdminView {
	return {
		id: row.id,
		name: row.name,
		description: row.description,
		climate: row.climate,
		lekpWerf: row.lekpWerf,
		active: row.active,
		isDefault: row.defaultKey !== null
	};
}

export interface PublicStatement {
	municipalityName: string;
	/** Sanitised HTML, safe to put on the page as it is. */
	html: string;
	/** True while the municipality has not written its own text. */
	isDefault: boolean;
}
