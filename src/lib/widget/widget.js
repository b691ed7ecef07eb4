/* Meedoen widgets (EUPL-1.2): renders each <div data-meedoen-widget="…"> of the page with the widget's HTML,
   made on the Meedoen server, in a shadow root (the site's styles and the widget's stay apart). Plain script, no
   framework; the link inside the element stays when scripts are off or the site is not allowed. */
(function () {
	'use strict';
	var script = document.currentScript;
	var base = script && 'src' in script ? script.src : location.href;
	/** @param {Element} el */
	function show(el) {
		if (el.getAttribute('data-meedoen-state') || !el.attachShadow) return;
		el.setAttribute('data-meedoen-state', 'laden');
		var url;
		try {
			url = new URL(el.getAttribute('data-meedoen-widget') || '', base);
		} catch {
			el.setAttribute('data-meedoen-state', 'fout');
			return;
		}
		url.searchParams.set('inbedding', 'script');
		if (!url.searchParams.has('site')) url.searchParams.set('site', location.hostname);
		fetch(url.href, { credentials: 'omit', mode: 'cors' })
			.then(function (response) {
				if (!response.ok) throw new Error(String(response.status));
				return response.text();
			})
			.then(function (html) {
				(el.shadowRoot || el.attachShadow({ mode: 'open' })).innerHTML = html;
				el.setAttribute('data-meedoen-state', 'klaar');
			})
			.catch(function () {
				el.setAttribute('data-meedoen-state', 'fout');
			});
	}
	function all() {
		var found = document.querySelectorAll('[data-meedoen-widget]');
		for (var i = 0; i < found.length; i++) show(/** @type {Element} */ (found[i]));
	}
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
	else all();
})();
