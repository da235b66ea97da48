/**
 * What the runtime tells the background of the episode on screen when the listener has turned on "read the
 * podcast's feed": the adapter's clues (an Apple id, the audio file), the page's own feed link, and how much of the
 * notes the page shows. Page text: cut to the message's limits here, checked again by the background.
 */
import { GUEST_INPUT_LIMITS as LIMIT } from '../guests/limits';
import type { Request } from '../messages';
import { pageNotesOf, webUrl } from '../feed/source';
import type { EpisodeInfo } from '../players/types';
import { looksLikeHtml, toPlainText } from '../timeline';
import { readNotes } from './episode-view';

const plainNotes = (notes: string) => toPlainText(notes, looksLikeHtml(notes)).text;

/** An address as the page writes it (relative ones against the page), when it is http(s). */
const web = (href: string | null | undefined, base: string): string | undefined => {
  if (!href) return undefined;
  try {
    return webUrl(new URL(href, base).href);
  } catch {
    return undefined;
  }
};

/** The page's `<link rel="alternate" type="application/rss+xml">`, its own word for its feed. */
export function pageFeedLink(doc: Document): string | undefined {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="alternate"][type="application/rss+xml"][href]');
  return web(link?.getAttribute('href'), doc.baseURI);
}

/**
 * `shownNotes`: the notes element on screen; without one (an embed's episode, notes from page data) the notes the
 * adapter read, as text.
 */
export function feedRequest(doc: Document, episode: EpisodeInfo, shownNotes: Element | null, pageChapters: number): Request<'earmark:feed'> {
  const notes = shownNotes ? (shownNotes.textContent ?? '') : plainNotes(readNotes(episode));
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
    pageNotes: pageNotesOf(notes),
    pageChapters,
  };
}
