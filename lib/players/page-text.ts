/**
 * Text and markup helpers shared by adapters. Page text is hostile: these only read it and build strings for
 * the timeline parser, which never inserts them into a page. Every walk is bounded and linear.
 */
import { looksLikeHtml } from '../timeline/html-hint';
import type { PersonRecord } from '../guests/extract';
import type { EpisodeInfo } from './types';

/** Titles and names longer than this are not titles; they are cut rather than trusted. */
const MAX_LABEL = 500;

/** An element's text with layout whitespace collapsed, as a reader sees a one-line label. */
export function labelOf(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
}

export function hasText(el: Element | null | undefined): boolean {
  return !!el && /\S/.test(el.textContent ?? '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Plain text as HTML notes: escaped, one `<br>` per line break, so the parser keeps the lines apart. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n?|\n/g, '<br>\n');
}

/** Notes as HTML whichever the data gave: a summary field may hold either. */
export function asNotesHtml(notes: string): string {
  return looksLikeHtml(notes) ? notes : textToHtml(notes);
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object']);
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'section', 'article', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Descriptions hold a few thousand nodes at most; past this the rest is left out rather than walked. */
const MAX_NODES = 100_000;

/**
 * Minimal HTML for text laid out with `white-space: pre-wrap` (YouTube's description): the text escaped, its
 * line breaks as `<br>` (HTML parsing would fold them into spaces), links kept with their `href` because a
 * time link's `t=` is the truth, blocks kept as blocks. Nothing else of the page's markup survives.
 */
export function preWrapHtml(root: Element): string {
  const out: string[] = [];
  // Children are pushed in reverse so they pop in document order; strings on the stack are closing tags.
  const stack: Array<Node | string> = [];
  const pushChildren = (el: Node): void => {
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  };
  pushChildren(root);
  let seen = 0;
  while (stack.length > 0 && seen < MAX_NODES) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    seen++;
    if (item.nodeType === 3) {
      out.push(textToHtml(item.nodeValue ?? ''));
      continue;
    }
    if (item.nodeType !== 1) continue;
    const el = item as Element;
    const name = el.localName;
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      out.push('<br>');
      continue;
    }
    if (name === 'a') {
      const href = el.getAttribute('href');
      out.push(href ? `<a href="${escapeHtml(href)}">` : '<a>');
      stack.push('</a>');
    } else if (BLOCKS.has(name)) {
      out.push('<div>');
      stack.push('</div>');
    }
    pushChildren(el);
  }
  return out.join('');
}

/** The page URL without its fragment: fragments are ours (`#earmark-t=`) or the page's scroll state. */
export function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** Whole seconds, never negative: the form every time parameter takes. */
export function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
}

/**
 * A link that opens the episode at a time on a player without a time parameter: the content script reads the
 * `earmark-t` fragment on load and seeks once the media is ready.
 */
export function fragmentLinkAt(episodeUrl: string, seconds: number): string {
  const url = new URL(episodeUrl);
  url.hash = `earmark-t=${wholeSeconds(seconds)}`;
  return url.href;
}

/**
 * A player's time link whose parameter is guessed (its web player was not seen honouring it): it also carries
 * Earmark's fragment, so that it opens at the time wherever Earmark runs, whatever the player does with `t=`.
 */
export function guessedTimeLink(playerLink: string, seconds: number): string {
  return fragmentLinkAt(playerLink, seconds);
}

/** A media element's duration when it knows one (NaN before metadata, Infinity for streams). */
export function mediaDuration(media: HTMLMediaElement | null): number | undefined {
  const d = media?.duration;
  return typeof d === 'number' && Number.isFinite(d) && d > 0 ? d : undefined;
}

const TIME_TOKEN = /\b\d{1,2}:\d{2}\b/;
const LETTERS = /\p{L}{3}/u;
/** Text nodes looked at before giving up: notes pages hold a few thousand. */
const MAX_TEXT_NODES = 20_000;

function blockOf(node: Node, root: Element): Element {
  let el = node.parentElement;
  while (el && el !== root && !BLOCKS.has(el.localName)) el = el.parentElement;
  return el ?? root;
}

/** What notes do not hold: past a wrapper holding one of these, it is the page, not the notes. */
const PAGE_PARTS = 'h1, audio, video, iframe, header, nav, footer, button, input, form';
/** Timestamped lines counted before giving up. */
const MAX_TIME_BLOCKS = 2_000;

/**
 * For players whose notes container has no stable hook (Pocket Casts' hashed classes): the element of `root`
 * that holds the page's timeline. Timestamps written as part of a line of text are counted (clock
 * displays such as "0:00" or "-45:00", with no words in their block, and anything inside `exclude`, the
 * player's own controls, are not). The deepest element holding at least two thirds of them is the timeline;
 * it grows to the outermost wrapper that adds no other timestamp and none of the page's furniture (its
 * heading, player, buttons), so the notes' prose around the
 * timeline (who the guest is) comes with it, and a stray time elsewhere on the page (a list row's "starts at
 * 0:00") does not drag it up to the whole page. Null with fewer than two timestamps, or when only the whole
 * page (or a block holding its furniture) holds them. Bounded walks.
 */
export function timelineContainer(root: Element, exclude?: string): Element | null {
  // Players re-render their clocks every second, and every page change asks again: the block found last time
  // stands while it is in the page and still holds times.
  const known = lastContainer.get(root);
  if (known && known.exclude === exclude && known.found.isConnected && root.contains(known.found) && TIME_TOKEN.test(known.found.textContent ?? '')) {
    return known.found;
  }
  const found = findTimelineContainer(root, exclude);
  if (found) lastContainer.set(root, { exclude, found });
  else lastContainer.delete(root);
  return found;
}

const lastContainer = new WeakMap<Element, { exclude: string | undefined; found: Element }>();

function findTimelineContainer(root: Element, exclude?: string): Element | null {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  // One entry per timestamped text node: a block of `<br>`-separated lines counts once per line.
  const blocks: Element[] = [];
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES && blocks.length < MAX_TIME_BLOCKS; node = walker.nextNode(), seen++) {
    if (!TIME_TOKEN.test(node.nodeValue ?? '')) continue;
    const parent = node.parentElement;
    if (!parent || SKIPPED.has(parent.localName) || (exclude && parent.closest(exclude))) continue;
    const block = blockOf(node, root);
    if (LETTERS.test(block.textContent ?? '')) blocks.push(block);
  }
  // One timed line is a mention, not a timeline.
  if (blocks.length < 2) return null;
  const counts = new Map<Element, number>();
  const depth = new Map<Element, number>();
  for (const block of blocks) {
    let d = 0;
    for (let el: Element | null = block; el; el = el === root ? null : el.parentElement) {
      counts.set(el, (counts.get(el) ?? 0) + 1);
      d++;
    }
    for (let el: Element | null = block, k = d; el; el = el === root ? null : el.parentElement, k--) depth.set(el, k);
  }
  const needed = Math.ceil((blocks.length * 2) / 3);
  let best: Element = root;
  for (const [el, n] of counts) if (n >= needed && depth.get(el)! > depth.get(best)!) best = el;
  // No element short of the whole page holds the timeline (timed lines all over it): there is no notes block
  // to point at, and the page itself must not be taken for one.
  if (best === root || best.querySelector(PAGE_PARTS)) return null;
  while (
    best !== root &&
    best.parentElement &&
    best.parentElement !== root &&
    counts.get(best.parentElement) === counts.get(best) &&
    !best.parentElement.querySelector(PAGE_PARTS)
  ) {
    best = best.parentElement;
  }
  return best;
}

/**
 * Where an episode keeps the rendered element its notes are the HTML of (see withRenderedNotes): a registered
 * symbol, not a module's WeakMap, because the adapter that reads the page (in a player's content script) and the
 * runtime that reads the episode (stage 2, a module of its own) each have their own copy of this file.
 */
const RENDERED = Symbol.for('earmark.renderedNotes');

/**
 * `info` with notes that are `element`'s HTML, serialised only when something first reads them: the panel's
 * timeline reads the element itself (renderedNotesOf), and a transcript-sized notes block is then serialised, if
 * ever, after the panel is up. Without an element `info` is left as it is (its notes empty: the page shows none).
 */
export function withRenderedNotes<T extends EpisodeInfo>(info: T, element: Element | null): T {
  if (!element) return info;
  let html: string | undefined;
  Object.defineProperty(info, 'notes', { get: () => (html ??= element.innerHTML), enumerable: true, configurable: true });
  // Not enumerable: a copy of the episode (a spread, a message) carries serialised notes, not the element.
  Object.defineProperty(info, RENDERED, { value: element });
  return info;
}

/** The rendered element `episode`'s notes are the HTML of, when the adapter said so (withRenderedNotes). */
export const renderedNotesOf = (episode: EpisodeInfo): Element | undefined => (episode as { [RENDERED]?: Element })[RENDERED];

/** An adapter's answer, leaving out the optional fields the page did not give (empty, zero or unknown). */
export function episodeInfo(fields: {
  title: string;
  url: string;
  notes: string;
  show?: string | undefined;
  duration?: number | undefined;
  persons?: PersonRecord[] | undefined;
}): EpisodeInfo {
  const { title, url, notes, show, duration, persons } = fields;
  const hosts = persons?.filter((p) => p.role === 'host').map((p) => p.name) ?? [];
  return {
    title,
    url,
    notes,
    ...(show ? { show } : {}),
    ...(duration !== undefined && duration > 0 && Number.isFinite(duration) ? { duration } : {}),
    ...(persons?.length ? { persons } : {}),
    ...(hosts.length ? { hosts } : {}),
  };
}

/** The length a media element states in `data-duration` (seconds), else the one it knows once loaded. */
export function statedDuration(media: HTMLMediaElement | null): number | undefined {
  const stated = Number(media?.getAttribute('data-duration'));
  return Number.isFinite(stated) && stated > 0 ? stated : mediaDuration(media);
}

/** For players whose progress bar Earmark does not know: the panel's own timeline stands in. */
export function noProgressBar(_doc: Document): HTMLElement | null {
  return null;
}
