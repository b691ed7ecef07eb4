// The database twin of distanceMetres, for ordering and filtering rows by distance in a query.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { LatLng } from './geo';

/** Haversine distance in metres from a row's place (its lat and lng columns) to a point; null without a place. */
export function distanceMetresSql(
	columns: { lat: AnyColumn; lng: AnyColumn },
	point: LatLng
): SQL<number | null> {
	return sql<
		number | null
	>`(2 * 6371000 * asin(sqrt(power(sin(radians(${columns.lat} - ${point.lat}::float8) / 2), 2) + cos(radians(${point.lat}::float8)) * cos(radians(${columns.lat})) * power(sin(radians(${columns.lng} - ${point.lng}::float8) / 2), 2))))`;
}
