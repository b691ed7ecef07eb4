import type { FullCatalogue } from './messages/nl';

export type Catalogue = FullCatalogue;

type Plural = { one: string; other: string };

type Widen<T> = T extends string ? string : T extends Plural ? Plural : { [K in keyof T]?: Widen<T[K]> };
export type PartialCatalogue = Widen<Catalogue>;

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;

/** Every dotted key of the Dutch catalogue that leads to a message (a string or a plural). */
export type MessageKey<T = Catalogue, P extends string = ''> = {
	[K in keyof T & string]: T[K] extends string | Plural ? Join<P, K> : MessageKey<T[K], Join<P, K>>;
}[keyof T & string];
