/**
 * Text and markup helpers shared by adapters. Page text is hostile: these only read it and build strings for
 * the timeline parser, which never inserts them into a page. Every walk is bounded and linear.
 */
import { looksLikeHtml } from '../timeline';

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

/** A media element's duration when it knows one (NaN before metadata, Infinity for streams). */
export function mediaDuration(media: HTMLMediaElement | null): number | undefined {
  const d = media?.duration;
  return typeof d === 'number' && Number.isFinite(d) && d > 0 ? d : undefined;
}
