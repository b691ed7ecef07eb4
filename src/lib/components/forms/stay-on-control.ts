// `use:enhance={stayOnControl}` for a citizen page's form that works without JavaScript by post/redirect/get
// (the action redirects back to the page with `?gelukt=…`, see platform/flash.ts). With JavaScript the same
// redirect is followed in place: the page's data is read again, the scroll position and the focus stay on the
// control that was pressed (WCAG 2.4.3), and the page's status region announces the message. A redirect
// elsewhere (to the login page) is an ordinary navigation; a refusal shows beside the form, as without JavaScript.
import { applyAction } from '$app/forms';
import { goto } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

export const stayOnControl: SubmitFunction = ({ formElement, submitter }) => {
	return async ({ result }) => {
		if (result.type === 'redirect') {
			const to = new URL(result.location, location.href);
			if (to.pathname !== location.pathname) return goto(to, { invalidateAll: true });
			// What was sent is done: an emptied comment field, as after a page load.
			formElement.reset();
			await goto(to, { invalidateAll: true, keepFocus: true, noScroll: true, replaceState: true });
		} else {
			await applyAction(result);
		}
		// The control may have left the page (a form that closed); then its nearest way back in takes the focus.
		const control = submitter instanceof HTMLElement ? submitter : null;
		if (control && control.isConnected && control.checkVisibility()) control.focus();
		else formElement.closest('details')?.querySelector('summary')?.focus();
	};
};
