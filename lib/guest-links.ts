/**
 * A guest's links as Earmark shows them. They come from show notes (hostile page text), so every place that
 * passes one on or shows one checks it here: an https URL, no credentials in it, and a visible text that is that
 * URL's own host (a link cannot read "github.com" and lead elsewhere). Pure and small: it ships in the content
 * scripts (the panel) as well as the popup.
 */
import type { GuestLink } from './guests';

/** At most this many links per guest are passed on or shown. */
export const MAX_GUEST_LINKS = 5;
const MAX_URL = 2_048;
const MAX_HOST = 253;

/** The text a link shows: its URL's hostname without `www.` (as the guests engine writes `host`). */
export const linkHost = (url: URL): string => url.hostname.replace(/^www\./, '');

/** The link when it is safe to show (see above), rebuilt from its checked parts; undefined for anything else. */
export function safeGuestLink(link: { url?: unknown; host?: unknown }): GuestLink | undefined {
  const { url, host } = link;
  if (typeof url !== 'string' || typeof host !== 'string') return undefined;
  if (url.length > MAX_URL || host.length === 0 || host.length > MAX_HOST) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || linkHost(parsed) !== host) return undefined;
  return { url: parsed.href, host };
}

/** The safe links among `links`, each URL once, at most MAX_GUEST_LINKS. */
export function safeGuestLinks(links: readonly unknown[]): GuestLink[] {
  const out: GuestLink[] = [];
  for (const link of links) {
    const safe = typeof link === 'object' && link !== null ? safeGuestLink(link) : undefined;
    if (safe && !out.some((l) => l.url === safe.url)) out.push(safe);
    if (out.length === MAX_GUEST_LINKS) break;
  }
  return out;
}
