// Components read the translator from Svelte context, set once by the root layout per request.
import { getContext, setContext } from 'svelte';
import { createTranslator, DEFAULT_LOCALE, type Locale, type Translator } from './index';

const KEY = Symbol('i18n');

export function setI18n(locale: () => Locale): Translator {
	return setContext(KEY, createTranslator(locale));
}

export function useI18n(): Translator {
	return getContext<Translator | undefined>(KEY) ?? createTranslator(DEFAULT_LOCALE);
}
