// Leaflet for PlacePicker, loaded with a dynamic import() only when the picker is shown: click the map or
// drag the marker to choose a place. The typed fields stay the accessible way; this map is an extra.
import { divIcon, map as leafletMap, marker, tileLayer, type LeafletMouseEvent, type Marker } from 'leaflet';
import 'leaflet/dist/leaflet.css';

export interface PlacePickerOptions {
	centre: { lat: number; lng: number };
	/** The place already chosen, if any. */
	chosen: { lat: number; lng: number } | null;
	tileUrl: string | null;
	onPick: (place: { lat: number; lng: number }) => void;
	onUnavailable: () => void;
	timeoutMs?: number;
}

export interface PlacePicker {
	/** Moves the marker when the typed coordinates change. */
	move(place: { lat: number; lng: number } | null): void;
	destroy(): void;
}

export function createPlacePicker(container: HTMLElement, options: PlacePickerOptions): PlacePicker {
	const start = options.chosen ?? options.centre;
	const view = leafletMap(container, {
		center: [start.lat, start.lng],
		zoom: options.chosen ? 16 : 13,
		// Nothing focusable inside: the container is hidden from assistive technology, the fields are not.
		zoomControl: false,
		attributionControl: false,
		keyboard: false
	});
	const icon = divIcon({
		className: 'place-picker-marker',
		iconSize: [22, 22],
		iconAnchor: [11, 26],
		html: '<span class="place-picker-pin"></span>'
	});
	let pin: Marker | null = null;
	const place = (lat: number, lng: number) => {
		if (pin) pin.setLatLng([lat, lng]);
		else {
			pin = marker([lat, lng], { icon, draggable: true, keyboard: false }).addTo(view);
			pin.on('dragend', () => {
				const at = pin!.getLatLng();
				options.onPick({ lat: round(at.lat), lng: round(at.lng) });
			});
		}
	};
	if (options.chosen) place(options.chosen.lat, options.chosen.lng);
	view.on('click', (e: LeafletMouseEvent) => {
		place(e.latlng.lat, e.latlng.lng);
		options.onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) });
	});

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

	return {
		move(next) {
			if (!next) return;
			place(next.lat, next.lng);
			view.panTo([next.lat, next.lng]);
		},
		destroy() {
			clearTimeout(timer);
			view.remove();
		}
	};
}

function round(n: number): number {
	return Math.round(n * 1e6) / 1e6;
}
