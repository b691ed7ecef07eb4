// The suggestions layer of an opportunity's map (LeafletMap), loaded only by SuggestionMap with a dynamic
// import(). The server does the clustering: on every move the map asks the clusters endpoint for the visible
// box at the current zoom and draws what it gets (never all points), so 10,000 suggestions stay fluid.
import { divIcon, layerGroup, marker, type Map as LeafletMap, type Marker } from 'leaflet';
import { pickPlace, pin } from '$lib/components/maps/leaflet-map';
import { clusterSize, POINT_LIFT, separate } from './marker-spacing';

/** One suggestion of a cluster at the map's closest zoom (see suggestions.browse.present.ts). */
export interface ClusterMember {
	id: number;
	title: string;
	status: string;
	votes: number;
	path: string;
}

/** One cell of the clusters endpoint's answer (see suggestions.browse.present.ts). */
export type ClusterCell =
	| {
			type: 'cluster';
			count: number;
			lat: number;
			lng: number;
			/** At the map's closest zoom: its suggestions, listed in a popup instead of zooming in. */
			members?: ClusterMember[];
	  }
	| {
			type: 'point';
			count: 1;
			lat: number;
			lng: number;
			id: number;
			title: string;
			status: string;
			votes: number;
			path: string;
	  };

export interface ClustersAnswer {
	total: number;
	truncated: boolean;
	data: ClusterCell[];
}

export interface SuggestionMapLabels {
	cluster: (count: number) => string;
	/** The name of a cluster that lists its suggestions (at the closest zoom). */
	clusterList: (count: number) => string;
	/** The heading of that list. */
	clusterHeading: (count: number) => string;
	/** Said under the list when the cluster holds more than it lists. */
	clusterMore: (count: number) => string;
	votes: (count: number) => string;
	status: (status: string) => string;
	open: string;
}

export interface SuggestionLayerOptions {
	/** The clusters endpoint with the list's filters; bbox and zoom are added. */
	clustersUrl: string;
	labels: SuggestionMapLabels;
	onLoading: () => void;
	onLoaded: (answer: { total: number; truncated: boolean; shown: number }) => void;
	onFailed: () => void;
	/** A click on the map (not on a marker): "near this place". */
	onPick?: (place: { lat: number; lng: number }) => void;
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));
const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The popup of one suggestion, built from text nodes: titles are what people typed. */
function popupContent(cell: Extract<ClusterCell, { type: 'point' }>, labels: SuggestionMapLabels) {
	const box = document.createElement('div');
	box.className = 'suggestion-popup';
	const title = document.createElement('strong');
	title.textContent = cell.title;
	const meta = document.createElement('p');
	meta.textContent = `${labels.status(cell.status)} · ${labels.votes(cell.votes)}`;
	const link = document.createElement('a');
	link.href = cell.path;
	link.textContent = labels.open;
	const hidden = document.createElement('span');
	hidden.className = 'visually-hidden';
	hidden.textContent = `: ${cell.title}`;
	link.append(hidden);
	box.append(title, meta, link);
	return box;
}

/**
 * The popup of a cluster that zooming can no longer part: a list of its suggestions, each a link to its page,
 * built from text nodes.
 */
function clusterPopupContent(count: number, members: ClusterMember[], labels: SuggestionMapLabels) {
	const box = document.createElement('div');
	box.className = 'suggestion-popup suggestion-cluster-popup';
	const heading = document.createElement('strong');
	heading.textContent = labels.clusterHeading(count);
	const list = document.createElement('ul');
	for (const member of members) {
		const item = document.createElement('li');
		const link = document.createElement('a');
		link.href = member.path;
		link.textContent = member.title;
		const meta = document.createElement('span');
		meta.textContent = ` · ${labels.status(member.status)} · ${labels.votes(member.votes)}`;
		item.append(link, meta);
		list.append(item);
	}
	box.append(heading, list);
	if (count > members.length) {
		const more = document.createElement('p');
		more.textContent = labels.clusterMore(count - members.length);
		box.append(more);
	}
	return box;
}

/** The suggestions of markers merged on screen, when each of them knows its own (a point, or a listed cluster). */
function membersOf(cells: ClusterCell[]): ClusterMember[] | undefined {
	const members: ClusterMember[] = [];
	for (const cell of cells) {
		if (cell.type === 'point') members.push(cell);
		else if (cell.members) members.push(...cell.members);
		else return undefined;
	}
	return members.sort((a, b) => b.votes - a.votes || a.id - b.id);
}

export function addSuggestionClusters(view: LeafletMap, options: SuggestionLayerOptions) {
	const container = view.getContainer();
	const layer = layerGroup().addTo(view);
	let clustersUrl = options.clustersUrl;
	let controller: AbortController | undefined;

	function draw(cells: ClusterCell[]) {
		// A keyboard user on a marker that is redrawn keeps the focus on the map, not on the page's start.
		const active = document.activeElement;
		const hadFocus = active !== container && container.contains(active);
		layer.clearLayers();
		// Markers that would cover each other become one cluster (marker-spacing.ts).
		const placed = separate(cells, (c) => {
			const at = view.latLngToContainerPoint([c.lat, c.lng]);
			// A pin stands above its place, a cluster's disc on it: compare the boxes that are drawn.
			return { x: at.x, y: c.count === 1 ? at.y - POINT_LIFT : at.y, count: c.count };
		});
		const shown: ClusterCell[] = placed.map((p) => {
			if (p.cells.length === 1) return p.cells[0]!;
			// A merged cluster's disc goes where the spacing put it, with the suggestions of what it merged.
			const at = view.containerPointToLatLng([p.x, p.y]);
			return { type: 'cluster', count: p.count, lat: at.lat, lng: at.lng, members: membersOf(p.cells) };
		});
		for (const cell of shown) {
			let m: Marker;
			if (cell.type === 'cluster' && cell.members) {
				// At the closest zoom zooming parts nothing: the cluster opens into the list of its suggestions
				// (a popup, by click or with Enter or Space).
				const { count, members } = cell;
				const name = options.labels.clusterList(count);
				const size = clusterSize(count);
				m = marker([cell.lat, cell.lng], {
					icon: divIcon({
						className: 'suggestion-cluster',
						iconSize: [size, size],
						html: `<span aria-hidden="true">${Number(count)}</span>`
					}),
					keyboard: true,
					title: name
				});
				m.bindPopup(() => clusterPopupContent(count, members, options.labels), {
					maxHeight: 260,
					minWidth: 200
				});
				m.on('keypress', (e) => {
					const key = (e as unknown as { originalEvent: KeyboardEvent }).originalEvent;
					if (key.key === ' ') {
						key.preventDefault();
						m.openPopup();
					}
				});
				m.on('add', () => m.getElement()?.setAttribute('aria-label', name));
			} else if (cell.type === 'cluster') {
				const size = clusterSize(cell.count);
				m = marker([cell.lat, cell.lng], {
					icon: divIcon({
						className: 'suggestion-cluster',
						iconSize: [size, size],
						html: `<span aria-hidden="true">${Number(cell.count)}</span>`
					}),
					keyboard: true,
					title: options.labels.cluster(cell.count)
				});
				// A cluster opens up: zoom in on it, by click, or with Enter or Space (Leaflet's own keyboard
				// handling of markers only opens popups).
				const zoomIn = () =>
					view.setView([cell.lat, cell.lng], Math.min(view.getZoom() + 2, view.getMaxZoom()));
				m.on('click', zoomIn);
				m.on('keypress', (e) => {
					const key = (e as unknown as { originalEvent: KeyboardEvent }).originalEvent;
					if (key.key === 'Enter' || key.key === ' ') {
						key.preventDefault();
						zoomIn();
					}
				});
				m.on('add', () => m.getElement()?.setAttribute('aria-label', options.labels.cluster(cell.count)));
			} else {
				m = pin(
					cell,
					{ marker: 'suggestion-point', pin: 'suggestion-pin' },
					{ title: cell.title, popup: true }
				);
				m.bindPopup(() => popupContent(cell, options.labels));
				m.on('add', () => {
					const el = m.getElement();
					el?.setAttribute('aria-label', `${cell.title}, ${options.labels.votes(cell.votes)}`);
					el?.setAttribute('data-suggestion-id', String(cell.id));
				});
			}
			m.addTo(layer);
		}
		if (hadFocus && !container.contains(document.activeElement)) container.focus();
	}

	async function load() {
		controller?.abort();
		controller = new AbortController();
		const bounds = view.getBounds();
		const minLng = round(clamp(bounds.getWest(), -180, 180));
		const maxLng = round(clamp(bounds.getEast(), -180, 180));
		const minLat = round(clamp(bounds.getSouth(), -90, 90));
		const maxLat = round(clamp(bounds.getNorth(), -90, 90));
		if (!(minLng < maxLng && minLat < maxLat)) return;
		const separator = clustersUrl.includes('?') ? '&' : '?';
		const url = `${clustersUrl}${separator}bbox=${minLng},${minLat},${maxLng},${maxLat}&zoom=${Math.round(view.getZoom())}`;
		options.onLoading();
		try {
			const response = await fetch(url, {
				signal: controller.signal,
				headers: { accept: 'application/json' }
			});
			if (!response.ok) throw new Error(`clusters: ${response.status}`);
			const answer = (await response.json()) as ClustersAnswer;
			draw(answer.data);
			options.onLoaded({ total: answer.total, truncated: answer.truncated, shown: answer.data.length });
		} catch (err) {
			if ((err as Error).name === 'AbortError') return;
			options.onFailed();
		}
	}

	view.on('moveend', load);
	if (options.onPick) pickPlace(view, { chosen: null, onPick: options.onPick });
	void load();

	return {
		/** New filters: the same map, other suggestions. */
		setClustersUrl(url: string) {
			clustersUrl = url;
			void load();
		},
		destroy() {
			controller?.abort();
			view.off('moveend', load);
			layer.remove();
		}
	};
}
