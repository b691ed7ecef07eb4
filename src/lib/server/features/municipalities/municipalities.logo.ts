import type { MunicipalityBranding } from './municipalities.present';

function escapeXml(text: string): string {
	return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round emblem with the municipality's initials in its colours. */
export function municipalityEmblem(name: string, branding: MunicipalityBranding): string {
	const initials = name
		.split(/[\s-]+/)
		.filter((w) => w.length > 2 || /^[A-Z]/.test(w))
		.map((w) => w[0]?.toUpperCase() ?? '')
		.join('')
		.slice(0, 3);
	const size = initials.length > 2 ? 30 : 38;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img"><title>${escapeXml(name)}</title><circle cx="50" cy="50" r="48" fill="${branding.primaryColor}" stroke="${branding.accentColor}" stroke-width="4"/><text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-weight="700" font-size="${size}" fill="${branding.primaryText}">${escapeXml(initials)}</text></svg>`;
}
