/**
 * Makes the times in the show notes clickable: each time the parser accepted (a chapter start or a mention)
 * becomes a link that seeks in place. Built with DOM APIs from the page's own text nodes, never with HTML
 * strings; the page's own links (YouTube already links its timestamps) are left alone. The page's original text
 * nodes are kept and put back on undo: frameworks hold references to them.
 */
import { parseTimeValue } from '../timeline';

export const SEEK_ATTR = 'data-earmark-seek';
// Clock times, and compact written durations of two units or more that the parser also reads as chapter starts
// (`2m40s`, `1h19m`), linked only where they are a chapter's time, like every other time. One unit alone is left
// as text: "the 90s" or "13m downloads" would too often meet a chapter at 1:30 or 13:00.
// Clock times may be glued to a word in flattened notes ("…tabs won11:45 Spaces"); durations may not.
const TIME = /(?<![\d:])(?:\d{1,2}:)?\d{1,3}:\d{2}(?![\d:])|(?<![\d:\p{L}])(?:\d{1,2}h\d{1,2}m(?:\d{1,2}s)?|\d{1,2}h\d{1,2}s|\d{1,3}m\d{1,2}s)(?![\p{L}\d])/gu;
// NodeFilter.SHOW_TEXT, spelled out so this module also runs where the global is missing (Node tests).
const SHOW_TEXT = 4;
const SKIP = new Set(['a', 'script', 'style', 'textarea', 'button', 'select', 'option', 'code', 'pre']);

export interface Linkified {
  /** The links made, in document order. */
  links: HTMLAnchorElement[];
  /** Each replaced page text node with the nodes that stand in its place. */
  replaced: Array<{ original: Text; parts: Node[] }>;
}

/** Wraps accepted times found in `container`'s text. */
export function linkifyTimes(container: Element, accepted: ReadonlySet<number>): Linkified {
  const doc = container.ownerDocument;
  const walker = doc.createTreeWalker(container, SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!insideSkipped(n, container)) texts.push(n as Text);
  const result: Linkified = { links: [], replaced: [] };
  for (const text of texts) {
    const value = text.data;
    TIME.lastIndex = 0;
    let last = 0;
    const parts: Node[] = [];
    for (let m = TIME.exec(value); m; m = TIME.exec(value)) {
      const seconds = parseTimeValue(m[0]);
      if (seconds === undefined || !accepted.has(seconds)) continue;
      if (m.index > last) parts.push(doc.createTextNode(value.slice(last, m.index)));
      const link = doc.createElement('a');
      link.href = `#t=${seconds}`;
      link.setAttribute(SEEK_ATTR, String(seconds));
      link.textContent = m[0];
      parts.push(link);
      result.links.push(link);
      last = m.index + m[0].length;
    }
    if (parts.length === 0) continue;
    if (last < value.length) parts.push(doc.createTextNode(value.slice(last)));
    text.replaceWith(...parts);
    result.replaced.push({ original: text, parts });
  }
  return result;
}

/** Puts the page's own text nodes back where they were. */
export function unlinkify({ replaced }: Linkified): void {
  for (const { original, parts } of replaced) {
    const first = parts[0];
    if (!first?.isConnected) continue;
    first.parentNode!.replaceChild(original, first);
    for (const p of parts.slice(1)) p.parentNode?.removeChild(p);
  }
}

/** Text inside links, code, form controls or our own links is not ours to change. */
function insideSkipped(node: Node, container: Element): boolean {
  for (let p = node.parentElement; p && p !== container; p = p.parentElement) {
    if (SKIP.has(p.localName) || p.hasAttribute(SEEK_ATTR)) return true;
  }
  return false;
}
