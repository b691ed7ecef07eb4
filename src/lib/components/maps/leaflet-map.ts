// Leaflet and its stylesheet, loaded only by the map components with a dynamic import(): pages without a map
// never load them. createPlaceMap is a static picture of one place: no controls, nothing to focus, no zooming
// or dragging. addBaseMap is the base map with its fallback that every map of the site shares.
import { divIcon, map as leafletMap, marker, tileLayer, type Map as LeafletMap } from 'leaflet';
import 'leaflet/dist/leaflet.css';

export interface PlaceMapOptions {
	lat: number;
	lng: number;
	/** Tile URL template with {z}, {x} and {y}; null for no base map. */
	tileUrl: string | null;
	/** Called once when the base map cannot be shown: a tile failed, or none loaded in time. */
	onUnavailable: () => void;
	zoom?: number;
	/** How long to wait for the first tiles before calling the base map unavailable. */
	timeoutMs?: number;
}

export function createPlaceMap(container: HTMLElement, options: PlaceMapOptions): () => void {
	const center: [number, number] = [options.lat, options.lng];
	const view = leafletMap(container, {
		center,
		zoom: options.zoom ?? 15,
		zoomControl: false,
		// The attribution is shown as text under the map, outside this decorative (aria-hidden) container.
		attributionControl: false,
		keyboard: false,
		scrollWheelZoom: false,
		doubleClickZoom: false,
		touchZoom: false,
		boxZoom: false,
		dragging: false
	});
	// A CSS marker: Leaflet's default icon needs image URLs of its own.
	marker(center, {
		icon: divIcon({
			className: 'place-map-marker',
			iconSize: [22, 22],
			iconAnchor: [11, 26],
			// The pin is an inner element: Leaflet positions the marker itself with a transform.
			html: '<span class="place-map-pin"></span>'
		}),
		keyboard: false,
		interactive: false
	}).addTo(view);

	const removeBaseMap = addBaseMap(view, options);

	return () => {
		removeBaseMap();
		view.remove();
	};
}

export interface BaseMapOptions {
	/** Tile URL template with {z}, {x} and {y}; null for no base map. */
	tileUrl: string | null;
	/** Called once when the base map cannot be shown: a tile failed, or none loaded in time. */
	onUnavailable: () => void;
	/** How long to wait for the first tiles before calling the base map unavailable. */
	timeoutMs?: number;
}

/**
 * Adds the configured base map to a Leaflet map. Without one (TILE_URL=none), or when its tiles fail or do not
 * arrive in time, the map keeps its plain background and onUnavailable says so. Returns a cleanup.
 */
export function addBaseMap(view: LeafletMap, options: BaseMapOptions): () => void {
	let reported = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const unavailable = () => {
		if (reported) return;
		reported = true;
		clearTimeout(timer);
		options.onUnavailable();
	};
	if (options.tileUrl) {
		const tiles = tileLayer(options.tileUrl, { maxZoom: 19 });
		tiles.on('tileerror', unavailable);
		tiles.on('load', () => clearTimeout(timer));
		tiles.addTo(view);
		timer = setTimeout(unavailable, options.timeoutMs ?? 10_000);
	} else {
		unavailable();
	}
	return () => clearTimeout(timer);
}
