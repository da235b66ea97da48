/**
 * The types every message map shares (lib/content/frame-protocol.ts between a page and its embeds,
 * lib/page/bridge-messages.ts between a content script and its page-world helper): a map names each kind, the side
 * that sends it and the schema of its fields; the message types are derived from it, so a sender and a receiver
 * cannot disagree on a shape.
 */
import type * as z from 'zod/mini';

/** One kind's entry in a map: who sends it and its fields. */
export interface KindEntry {
  from: string;
  fields: z.ZodMiniType;
}
export type MessageMap = Record<string, KindEntry>;

/** The kinds `side` sends. */
export type KindFrom<M extends MessageMap, S extends string> = { [K in keyof M & string]: M[K]['from'] extends S ? K : never }[keyof M & string];
/** A schema's fields as a type: an empty strict object (`Record<string, never>`) holds none. */
type Fields<T> = string extends keyof T ? unknown : T;
/** A message of kind `K`, as sent and as checked on arrival (without any protocol tag). */
export type MessageOf<M extends MessageMap, K extends keyof M & string> = { kind: K } & Fields<z.output<M[K]['fields']>>;
/** Any message `side` sends: a union discriminated by `kind`. */
export type MessageFrom<M extends MessageMap, S extends string> = { [K in KindFrom<M, S>]: MessageOf<M, K> }[KindFrom<M, S>];

/** Whether `kind` is one of `map`'s kinds (own keys only: "toString" is not a kind). */
export const isKindOf = <M extends MessageMap>(map: M, kind: unknown): kind is keyof M & string =>
  typeof kind === 'string' && Object.prototype.hasOwnProperty.call(map, kind);
