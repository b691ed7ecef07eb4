// Address lookup through the Flemish geolocation service (geolocation/v4 Location), when GEOLOCATION_URL is
// set. The service is outside our control: a slow, failing or odd answer means "not found", never an error.
import type { Logger } from './log';

export interface Place {
	lat: number;
	lng: number;
	/** The address as the service writes it, e.g. "Markt 1, 2440 Geel". */
	label: string;
}

export interface Geocoder {
	/** The best match for a typed address, or null (nothing found, or the service did not answer in time). */
	lookup(address: string): Promise<Place | null>;
}

interface LocationResponse {
	LocationResult?: {
		FormattedAddress?: unknown;
		Location?: { Lat_WGS84?: unknown; Lon_WGS84?: unknown };
	}[];
}

export function createGeocoder(options: { baseUrl: string; log: Logger; timeoutMs?: number }): Geocoder {
	return {
		async lookup(address) {
			const q = address.trim().slice(0, 200);
			if (!q) return null;
			const url = `${options.baseUrl}/Location?q=${encodeURIComponent(q)}`;
			try {
				const response = await fetch(url, {
					signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
					headers: { accept: 'application/json' }
				});
				if (!response.ok) {
					options.log.warn({ status: response.status }, 'geolocation service refused');
					return null;
				}
				const body = (await response.json()) as LocationResponse;
				const first = body.LocationResult?.[0];
				const lat = Number(first?.Location?.Lat_WGS84);
				const lng = Number(first?.Location?.Lon_WGS84);
				if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
				return { lat, lng, label: typeof first?.FormattedAddress === 'string' ? first.FormattedAddress : q };
			} catch (err) {
				options.log.warn({ err }, 'geolocation service unavailable');
				return null;
			}
		}
	};
}
