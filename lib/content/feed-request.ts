/**
 * What the runtime tells the background of the episode on screen when the listener has turned on "read the
 * podcast's feed": the adapter's clues (an Apple id, the audio file), the page's own feed link, and how much of the
 * notes the page shows. Page text: cut to the message's limits here, checked again by the background.
 */
import { GUEST_INPUT_LIMITS as LIMIT } from '../guests/limits';
import type { Request } from '../messages';
import { pageNotesOf } from '../feed/source';
import type { EpisodeInfo } from '../players/types';

const web = (href: string | null | undefined, base: string): string | undefined => {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.href.length <= 2_048 ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** The page's `<link rel="alternate" type="application/rss+xml">`, its own word for its feed. */
export function pageFeedLink(doc: Document): string | undefined {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="alternate"][type="application/rss+xml"][href]');
  return web(link?.getAttribute('href'), doc.baseURI);
}

export function feedRequest(doc: Document, episode: EpisodeInfo, notesText: string, pageChapters: number): Request<'earmark:feed'> {
  const clues = episode.feed ?? {};
  const rss = web(clues.rss, doc.baseURI) ?? pageFeedLink(doc);
  const enclosure = web(clues.enclosure, doc.baseURI);
  return {
    type: 'earmark:feed',
    title: episode.title.slice(0, LIMIT.title),
    ...(episode.show ? { show: episode.show.slice(0, LIMIT.show) } : {}),
    ...(rss ? { rss } : {}),
    ...(clues.appleId && /^\d{1,15}$/.test(clues.appleId) ? { appleId: clues.appleId } : {}),
    ...(enclosure ? { enclosure } : {}),
    ...(clues.published !== undefined && Number.isFinite(clues.published) ? { published: clues.published } : {}),
    ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
    pageNotes: pageNotesOf(notesText),
    pageChapters,
  };
}
