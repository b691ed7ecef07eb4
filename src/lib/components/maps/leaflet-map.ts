// Leaflet and its stylesheet, loaded only by LeafletMap.svelte with a dynamic import(): pages without a map
// never load them. createMap makes the one kind of map the site has, in three modes (a still picture, a map to
// point at, a map to explore with the keyboard), with the base map and its fallback; pin and pickPlace are the
// markers the features put on it.
import {
	control,
	divIcon,
	GridLayer,
	map as leafletMap,
	marker,
	tileLayer,
	type LeafletMouseEvent,
	type Map as LeafletMap,
	type Marker
} from 'leaflet';
import 'leaflet/dist/leaflet.css';

/**
 * - picture: decoration of a place given as text; no controls, no zooming or dragging, nothing to focus.
 * - pointer: a map to click or drag on with a mouse or a finger; typed fields beside it are the accessible way.
 * - explore: a map for everyone: keyboard, zoom buttons with the given names.
 */
export type MapMode = 'picture' | 'pointer' | { explore: { zoomIn: string; zoomOut: string } };

export interface MapSetup {
	center: { lat: number; lng: number };
	zoom: number;
	mode: MapMode;
	minZoom?: number;
	maxZoom?: number;
	/** Tile URL template with {z}, {x} and {y}; null for no base map. */
	tileUrl: string | null;
	/** Called once when the base map cannot be shown: a tile failed, or none loaded in time. */
	onUnavailable: () => void;
	/** How long to wait for the first tiles before calling the base map unavailable. */
	timeoutMs?: number;
	/** Zoom buttons on a pointer map, with these names; for the mouse and touch, out of the tab order. */
	pointerZoom?: { zoomIn: string; zoomOut: string };
}

export interface MapHandle {
	view: LeafletMap;
	destroy(): void;
}

/** Empty tiles with a border: the background of a map without its base map. */
class PlainGrid extends GridLayer {
	protected createTile(): HTMLElement {
		const tile = document.createElement('div');
		tile.className = 'map-grid-tile';
		return tile;
	}
}

export function createMap(container: HTMLElement, setup: MapSetup): MapHandle {
	const picture = setup.mode === 'picture';
	const explore = typeof setup.mode === 'object' ? setup.mode.explore : null;
	const view = leafletMap(container, {
		center: [setup.center.lat, setup.center.lng],
		zoom: setup.zoom,
		minZoom: setup.minZoom,
		maxZoom: setup.maxZoom ?? 19,
		zoomControl: false,
		// The attribution is shown as text under the map, outside the map's container.
		attributionControl: false,
		keyboard: Boolean(explore),
		scrollWheelZoom: !picture,
		doubleClickZoom: !picture,
		touchZoom: !picture,
		boxZoom: !picture,
		dragging: !picture
	});
	// Dutch names on the zoom buttons.
	if (explore) control.zoom({ zoomInTitle: explore.zoomIn, zoomOutTitle: explore.zoomOut }).addTo(view);
	// A pointer map is hidden from assistive technology (the typed fields beside it are the accessible way), so
	// its buttons are for the mouse and touch only: out of the tab order.
	if (setup.mode === 'pointer' && setup.pointerZoom) {
		const zoom = control
			.zoom({ zoomInTitle: setup.pointerZoom.zoomIn, zoomOutTitle: setup.pointerZoom.zoomOut })
			.addTo(view);
		for (const button of zoom.getContainer()?.querySelectorAll('a') ?? []) button.tabIndex = -1;
	}

	let reported = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	// Without a base map (TILE_URL=none), or when its tiles fail or do not arrive in time, the map keeps its
	// plain background and onUnavailable says so.
	const unavailable = () => {
		if (reported) return;
		reported = true;
		clearTimeout(timer);
		// A grid in place of the base map, so the map is seen to move and zoom rather than a blank box.
		new PlainGrid({ maxZoom: 19 }).addTo(view);
		setup.onUnavailable();
	};
	if (setup.tileUrl) {
		const tiles = tileLayer(setup.tileUrl, { maxZoom: 19 });
		tiles.on('tileerror', unavailable);
		tiles.on('load', () => clearTimeout(timer));
		tiles.addTo(view);
		timer = setTimeout(unavailable, setup.timeoutMs ?? 10_000);
	} else {
		unavailable();
	}
	return {
		view,
		destroy() {
			clearTimeout(timer);
			view.remove();
		}
	};
}

/** The classes of a pin: of the marker Leaflet positions, and of the drawn pin inside it. */
export interface PinClasses {
	marker: string;
	pin: string;
}

/** A CSS pin (Leaflet's default icon needs image URLs of its own). */
export function pin(
	at: { lat: number; lng: number },
	classes: PinClasses,
	options: { draggable?: boolean; title?: string; popup?: boolean } = {}
): Marker {
	return marker([at.lat, at.lng], {
		icon: divIcon({
			className: classes.marker,
			// At least 24 by 24 CSS pixels, a target easy to hit (WCAG 2.5.8).
			iconSize: [26, 26],
			iconAnchor: [13, 31],
			popupAnchor: [0, -28],
			// The pin is an inner element: Leaflet positions the marker itself with a transform.
			html: `<span class="map-pin ${classes.pin}" aria-hidden="true"></span>`
		}),
		draggable: options.draggable ?? false,
		keyboard: Boolean(options.title),
		interactive: Boolean(options.draggable || options.title || options.popup),
		title: options.title ?? ''
	});
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Choosing a place: a click on the map or a dragged pin calls onPick (rounded to about 10 cm); move() follows
 * coordinates typed elsewhere. Without `pin` a click only proposes the place, no pin is shown.
 */
export function pickPlace(
	view: LeafletMap,
	options: {
		chosen: { lat: number; lng: number } | null;
		pin?: PinClasses;
		onPick: (place: { lat: number; lng: number }) => void;
	}
): { move(place: { lat: number; lng: number } | null): void } {
	let chosen: Marker | null = null;
	const place = (at: { lat: number; lng: number }) => {
		if (!options.pin) return;
		if (chosen) chosen.setLatLng([at.lat, at.lng]);
		else {
			const m = pin(at, options.pin, { draggable: true }).addTo(view);
			m.on('dragend', () => {
				const to = m.getLatLng();
				options.onPick({ lat: round(to.lat), lng: round(to.lng) });
			});
			chosen = m;
		}
	};
	if (options.chosen) place(options.chosen);
	view.on('click', (e: LeafletMouseEvent) => {
		place(e.latlng);
		options.onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) });
	});
	return {
		move(next) {
			if (!next) return;
			place(next);
			view.panTo([next.lat, next.lng]);
		}
	};
}
