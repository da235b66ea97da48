/**
 * The adapter for a page the listener asked Earmark to look at ("Find chapters on this page"): a player that
 * lives on any domain and recognises the page by its own data (a Substack publication or a Transistor site on
 * its own domain), else the generic one. Its page kind comes from the page, not the URL: the listener asked
 * about this page. Only these adapters travel in the on-demand script.
 */
import { generic } from './generic';
import { substack } from './substack';
import { transistor } from './transistor';
import type { PageKind, PlayerAdapter } from './types';

/** Players that recognise their pages on any domain (PlayerAdapter.detect). */
export const ANY_DOMAIN: readonly PlayerAdapter[] = [substack, transistor];

export function onDemandPlayer(doc: Document): PlayerAdapter {
  const found = ANY_DOMAIN.find((p) => p.detect?.(doc));
  if (!found) return generic;
  // The on-demand script has no page-world helper: seeks use the media element (Transistor's then needs a play).
  const { bridge: _bridge, seekWith: _seekWith, ...rest } = found;
  return { ...rest, pageKind: (url: URL): PageKind => (url.protocol === 'https:' || url.protocol === 'http:' ? 'episode' : 'other') };
}
