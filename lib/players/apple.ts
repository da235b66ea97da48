/**
 * Apple Podcasts web (podcasts.apple.com): a Svelte SPA. Episode data comes from the page's
 * `script#serialized-server-data` JSON when it describes the episode in the address bar (both shapes seen: the
 * model list itself, `[{data…}]`, and since 2026 an object holding it, `{data: […], userTokenHash}`), else from the
 * rendered DOM, with the episode's JSON-LD (`script#schema:episode`, or the older `schema:podcast-episode`) standing
 * in for notes the DOM does not show when its name is the title on screen. Selectors use data-testids and class
 * tokens, never the hashed `svelte-*` classes. There is no media
 * element before the first play (MusicKit creates `audio#apple-music-player` then) and Apple's scrubber is out
 * of reach, so the panel draws its own mini timeline.
 */
// zod/mini: the same validation, tree-shaken to what is used (content scripts have a 25 KB budget).
import type * as Zod from 'zod/mini';
import { z } from './zod';
import { once } from '../once';
import { lenient } from './schema';
import { definePlayer, type EpisodeCard, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query, queryAll, reportMissing } from './selectors';
import { asNotesHtml, episodeInfo, fragmentLinkAt, hasText, labelOf } from './page-text';

const HOST = 'podcasts.apple.com';
// `/{cc}/podcast/{slug}/id{n}` or `/podcast/id{n}`, the country and slug each optional.
const SHOW_PATH = /^(?:\/[a-z]{2})?\/podcast(?:\/[^/]+)?\/id(\d+)\/?$/;
const EPISODE_ID = /^\d{1,20}$/;

function episodeId(url: URL): string | undefined {
  if (url.hostname !== HOST || !SHOW_PATH.test(url.pathname)) return undefined;
  const i = url.searchParams.get('i');
  return i !== null && EPISODE_ID.test(i) ? i : undefined;
}

// ---- serialized-server-data -------------------------------------------------------------------------------
// The JSON is hostile page data: every field is optional and a field of the wrong type is dropped (`catch`)
// rather than sinking the whole record. Shapes from yt-dlp's and castkodi's Apple extractors (players.md §1).

// Built on first use, not when the content script loads: stage 1 carries this adapter to every Apple page, and
// building the schemas there cost the page a few milliseconds before anything asked for an episode.
const schemas = once(() => {
  const id = lenient(z.pipe(z.union([z.string().check(z.maxLength(40)), z.number().check(z.int(), z.nonnegative())]), z.transform(String)));
  const label = lenient(z.string().check(z.maxLength(2_000)));
  const longText = lenient(z.string().check(z.maxLength(2_000_000)));
  const seconds = lenient(z.number().check(z.positive()));
  const Offer = z.object({ id, adamId: id, title: label, summary: longText, duration: seconds, url: label });
  const Lockup = z.extend(Offer, {
    showTitle: label,
    shareUrl: label,
    playAction: lenient(z.object({ episodeOffer: lenient(Offer) })),
  });
  const ShareItem = z.object({ $kind: z.literal('share'), modelType: z.literal('EpisodeLockup'), model: Lockup });
  const ShelfItem = z.extend(Offer, {
    showTitle: label,
    contextAction: z.object({ episodeOffer: Offer }),
  });
  const anyList = lenient(z.array(z.unknown()));
  const ServerData = z.object({
    data: z.tuple([z.object({ data: z.object({ headerButtonItems: anyList, shelves: anyList }) })], z.unknown()),
  });
  const Shelf = z.object({ items: z.tuple([z.unknown()], z.unknown()) });
  // JSON-LD's episode (below).
  const LdEpisode = z.object({ name: label, description: longText, duration: lenient(z.string().check(z.maxLength(40))) });
  return { Offer, Lockup, ShareItem, ShelfItem, ServerData, Shelf, LdEpisode };
});
type Schemas = ReturnType<typeof schemas>;
type Offer = Zod.infer<Schemas['Offer']>;
type Lockup = Zod.infer<Schemas['Lockup']>;
type ShelfItem = Zod.infer<Schemas['ShelfItem']>;

interface DataEpisode {
  /** Episode ids the record names: its `id`/`adamId` fields and the `i` parameter of URLs in it. */
  ids: Set<string>;
  title?: string;
  summary?: string;
  duration?: number;
  show?: string;
}

/** Parsed once per script text: the page polls `readEpisode`, and the data rarely changes after the first load. */
const parsed = new WeakMap<Element, { text: string; data: DataEpisode | null }>();
/** Apple's page model runs to a few hundred kB; a script far past that is not worth parsing. */
const MAX_DATA = 8_000_000;

function collectIds(ids: Set<string>, offer: Offer | undefined, urls: Array<string | undefined>): void {
  if (!offer) return;
  if (offer.id) ids.add(offer.id);
  if (offer.adamId) ids.add(offer.adamId);
  for (const u of [offer.url, ...urls]) {
    if (!u) continue;
    try {
      const i = new URL(u, `https://${HOST}/`).searchParams.get('i');
      if (i) ids.add(i);
    } catch {
      // not a URL: names no id
    }
  }
}

function fromLockup(model: Lockup): DataEpisode {
  const ids = new Set<string>();
  collectIds(ids, model, [model.shareUrl]);
  collectIds(ids, model.playAction?.episodeOffer, []);
  return { ids, title: model.title, summary: model.summary, duration: model.duration, show: model.showTitle };
}

function fromShelfItem(item: ShelfItem): DataEpisode {
  const offer = item.contextAction.episodeOffer;
  const ids = new Set<string>();
  collectIds(ids, item, []);
  collectIds(ids, offer, []);
  return {
    ids,
    title: item.title ?? offer.title,
    summary: item.summary ?? offer.summary,
    duration: item.duration ?? offer.duration,
    show: item.showTitle,
  };
}

function readServerData(text: string): DataEpisode | null {
  if (text.length > MAX_DATA) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  // Older pages hold the model list itself; 2026 pages an object with it under `data` (players.md, addendum).
  const { ServerData, ShareItem, Shelf, ShelfItem } = schemas();
  const page = ServerData.safeParse(Array.isArray(json) ? { data: json } : json);
  if (!page.success) return null;
  const { headerButtonItems, shelves } = page.data.data[0].data;
  for (const item of headerButtonItems ?? []) {
    const share = ShareItem.safeParse(item);
    if (share.success) return fromLockup(share.data.model);
  }
  const shelf = Shelf.safeParse(shelves?.[0]);
  const first = shelf.success ? ShelfItem.safeParse(shelf.data.items[0]) : undefined;
  return first?.success ? fromShelfItem(first.data) : null;
}

/**
 * The server data's episode, only when it names the episode in the address bar: the JSON describes the first
 * page load, and after SPA navigation it describes a page the listener has left. The record names its episode
 * by `id` or `adamId` (on the lockup, its `playAction.episodeOffer`, or the shelf item and its
 * `contextAction.episodeOffer`) or by the `?i=` of its `url`/`shareUrl`. Which of these Apple fills is not
 * documented anywhere we could read (players.md §1 lists no id field), so any of them counts; a record that
 * names no id is not trusted and the DOM is read instead.
 */
function dataEpisode(doc: Document, id: string): DataEpisode | undefined {
  const script = probe(doc, 'script#serialized-server-data');
  if (!script) return undefined;
  const text = script.textContent ?? '';
  let entry = parsed.get(script);
  if (entry?.text !== text) {
    entry = { text, data: readServerData(text) };
    parsed.set(script, entry);
  }
  return entry.data?.ids.has(id) ? entry.data : undefined;
}

// ---- JSON-LD ------------------------------------------------------------------------------------------------
// `<script name="schema:podcast-episode" type="application/ld+json">`: what an actively maintained Apple client
// reads (players.md, addendum); a saved 2023 page has it as an AudioObject with name, description and an ISO
// duration. Pages saved in 2025 call it `<script id=schema:episode>`, a PodcastEpisode with the same three fields.
// It names no episode id, so it is trusted only when its name is the title the page shows.

const ISO_DURATION = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,3})H)?(?:(\d{1,5})M)?(?:(\d{1,6}(?:\.\d{1,3})?)S)?)?$/;

/** Seconds of an ISO 8601 duration (`PT1H2M3S`); undefined for anything else or zero. */
export function isoSeconds(value: string | undefined): number | undefined {
  const m = value ? ISO_DURATION.exec(value) : null;
  if (!m) return undefined;
  const total = Number(m[1] ?? 0) * 86_400 + Number(m[2] ?? 0) * 3_600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return total > 0 ? total : undefined;
}

function ldEpisode(doc: Document, title: string): { description?: string; duration?: number } | undefined {
  const script = probe(doc, ['script[id="schema:episode"]', 'script[name="schema:podcast-episode"]']);
  const text = script?.textContent ?? '';
  if (!title || !text || text.length > MAX_DATA) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const ld = schemas().LdEpisode.safeParse(json);
  if (!ld.success || ld.data.name?.trim() !== title) return undefined;
  const duration = isoSeconds(ld.data.duration);
  return { ...(ld.data.description ? { description: ld.data.description } : {}), ...(duration ? { duration } : {}) };
}

// ---- rendered DOM -----------------------------------------------------------------------------------------

const HEADER = ['.container-detail-header', '[data-testid="episode-hero"]'];
const EPISODE_LIST = 'ol[data-testid="episodes-list"]';

const PARAGRAPH_SECTION = 'div.section.section--paragraph';

/**
 * The show notes section: the first paragraph section after the header that is not part of an episode list. "After"
 * is read from one query for both, in document order (the header sits deeper in the tree than the notes: in its own
 * section's `shelf-content`), rather than by comparing the two nodes' positions.
 */
function notesSection(doc: Document): Element | null {
  const header = probe(doc, HEADER);
  let seenHeader = !header;
  for (const el of Array.from(doc.querySelectorAll(`${HEADER.join(', ')}, ${PARAGRAPH_SECTION}`))) {
    if (el === header) seenHeader = true;
    if (!seenHeader || !el.matches(PARAGRAPH_SECTION)) continue;
    if (el.closest(EPISODE_LIST) || el.querySelector(EPISODE_LIST)) continue;
    return el;
  }
  reportMissing('Apple show notes section', PARAGRAPH_SECTION);
  return null;
}

/**
 * The notes inside their section: `[data-testid="paragraphs"]` on the pages saved in 2025 (under `shelf-content`),
 * `[data-testid="paragraph"]` in older markup; never the section's heading (a show page's "Info" sits in a div pair
 * too).
 */
function notesContainer(doc: Document): Element | null {
  const section = notesSection(doc);
  return section ? (probe(section, ['[data-testid="paragraphs"]', '[data-testid="paragraph"]']) ?? section.querySelector(':scope > div > div') ?? section) : null;
}

function domTitle(doc: Document): string {
  return labelOf(query(doc, ['.container-detail-header h1.headings__title', 'h1.headings__title'], 'Apple episode title'));
}

function domShow(doc: Document): string {
  return labelOf(probe(doc, ['.container-detail-header .headings__subtitles a', '.headings__subtitles a']));
}

function canonicalUrl(url: URL, id: string): string {
  return `https://${HOST}${url.pathname}?i=${id}`;
}

/** The episode's own play button: the header's, never one on a card in a "More episodes" shelf. */
function playButton(doc: Document): HTMLElement | null {
  for (const header of HEADER) {
    const scope = doc.querySelector(header);
    const button = scope && probe(scope, ['button[data-testid="hero__play-button"]', 'button[data-testid="button-base"]']);
    if (button) return button as HTMLElement;
  }
  for (const button of Array.from(doc.querySelectorAll('button[data-testid="hero__play-button"]'))) {
    if (!button.closest(EPISODE_LIST)) return button as HTMLElement;
  }
  return null;
}

/** Episode lists run to a few hundred cards; past this the rest are not read. */
const MAX_CARDS = 500;

export const apple = definePlayer({
  id: 'apple',
  label: 'Apple Podcasts',
  matches: ['*://podcasts.apple.com/*'],
  examples: TESTING
    ? {
      episode: [
        'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890?i=1000123456789',
        'https://podcasts.apple.com/podcast/id1234567890?i=1000123456790',
        'https://podcasts.apple.com/gb/podcast/the-tiny-harbour/id1234567890?l=en-GB&i=1000123456791',
      ],
      show: [
        'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890',
        'https://podcasts.apple.com/podcast/id1234567890',
        'https://podcasts.apple.com/de/podcast/the-tiny-harbour/id1234567890/',
      ],
      other: [
        'https://podcasts.apple.com/',
        'https://podcasts.apple.com/us/browse',
        'https://podcasts.apple.com/us/channel/harbour-media/id6442461234',
        'https://podcasts.apple.com/us/search?term=harbour',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html', 'show.html'] : [],

  pageKind(url: URL): PageKind {
    if (url.hostname !== HOST || !SHOW_PATH.test(url.pathname)) return 'other';
    return episodeId(url) ? 'episode' : 'show';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const id = episodeId(url);
    if (!id) return undefined;
    const data = dataEpisode(doc, id);
    const title = data?.title || domTitle(doc);
    if (!title) return undefined;
    // Read only where the server data says nothing: the title on screen vouches for it.
    const ld = data ? undefined : ldEpisode(doc, title);
    let notes: string;
    if (data?.summary) notes = asNotesHtml(data.summary);
    else {
      const container = notesContainer(doc);
      // The notes section renders with the rest of the page; without it (and without JSON-LD for this title)
      // the page is still loading.
      if (container) notes = container.innerHTML;
      else if (ld?.description) notes = asNotesHtml(ld.description);
      else return undefined;
    }
    const show = data?.show || domShow(doc);
    // The show's id is in the address: the iTunes lookup endpoint gives its feed.
    const showId = SHOW_PATH.exec(url.pathname)?.[1];
    return { ...episodeInfo({ title, url: canonicalUrl(url, id), notes, show, duration: data?.duration ?? ld?.duration }), ...(showId ? { feed: { appleId: showId } } : {}) };
  },

  notesElement: notesContainer,

  panelAnchor(doc: Document): Element | null {
    return notesSection(doc) ?? query(doc, HEADER, 'Apple episode header');
  },

  media(doc: Document): HTMLMediaElement | null {
    // Absent until the first play: not a broken selector, so never reported.
    return asMedia(probe(doc, 'audio#apple-music-player'));
  },

  startPlayback(doc: Document): boolean {
    const button = playButton(doc);
    if (!button) {
      query(doc, ['button[data-testid="button-base"]', 'button[data-testid="hero__play-button"]'], 'Apple play button');
      return false;
    }
    button.click();
    return true;
  },

  progressBar(_doc: Document): HTMLElement | null {
    return null;
  },

  showEpisodes(doc: Document, url: URL): EpisodeCard[] {
    const cards: EpisodeCard[] = [];
    for (const card of queryAll(doc, `${EPISODE_LIST} > li`, 'Apple episode cards')) {
      if (cards.length >= MAX_CARDS) break;
      const href = probe(card, 'a[data-testid="click-action"][href*="?i="]')?.getAttribute('href');
      const title = labelOf(probe(card, '[data-testid="episode-lockup-title"]'));
      if (!href || !title) continue;
      let absolute: URL;
      try {
        absolute = new URL(href, url);
      } catch {
        continue;
      }
      if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:') continue;
      const summary = probe(card, '[data-testid="episode-content__summary"]');
      const notes = summary && hasText(summary) ? summary.innerHTML : '';
      cards.push({ element: card, url: absolute.href, title, notes });
    }
    return cards;
  },

  linkAt: fragmentLinkAt,
});
