// An event's time as people read it: one day with its hours, or a span over days; Brussels time, in Dutch.
import { formatDate, formatDateTime, formatTime, type Locale } from '$lib/i18n';
import type { Translator } from '$lib/i18n';

export function eventWhen(i18n: Pick<Translator, 't' | 'locale'>, startsAt: string, endsAt: string): string {
	const locale: Locale = i18n.locale;
	const day = formatDate(startsAt, locale);
	if (day === formatDate(endsAt, locale))
		return i18n.t('events.when.sameDay', {
			date: day,
			start: formatTime(startsAt, locale),
			end: formatTime(endsAt, locale)
		});
	return i18n.t('events.when.span', {
		start: formatDateTime(startsAt, locale),
		end: formatDateTime(endsAt, locale)
	});
}
