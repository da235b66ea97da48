/**
 * The notes' text as the timeline engine reads it, taken from the page's own rendered notes element instead of its
 * serialised HTML: no `innerHTML` of a long transcript to make and read back, and markup the browser has already
 * repaired (unclosed `<li>`, mis-nested `<strong>`) read as the listener sees it. The rules for blocks, line breaks,
 * cells, links and headings are the HTML reader's (`tagEffect` in lib/timeline), so well-formed notes read the same
 * either way.
 */
import { MAX_NOTES } from './episode-view';
import { NotesTextBuilder, tagEffect, toPlainText, type NormalizedText, type TagEffect } from '../timeline';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** An element whose effect ends when the walk leaves it, and where its text began. */
interface Open {
  node: Node;
  effect: TagEffect;
  start: number;
  href: string;
}

/** The text of `root`'s notes: its first `maxChars` characters (and the line break closing the block they end in). */
export function renderedNotesText(root: Element, maxChars: number = MAX_NOTES): NormalizedText {
  // Notes without a single element are the author's plain text, whose line breaks the HTML reader keeps too.
  if (!root.firstElementChild) return toPlainText((root.textContent ?? '').slice(0, maxChars), false);
  const out = new NotesTextBuilder();
  const open: Open[] = [];
  const close = (o: Open) => {
    if (o.effect === 'block') out.block();
    else if (o.effect === 'heading') {
      out.heading(o.start);
      out.block();
    } else if (o.effect === 'cell') out.cell();
    else if (o.effect === 'link') out.link(o.start, o.href);
  };
  // An explicit walk (first child, next sibling, parent), not recursion: pasted notes nest deeply.
  let node: Node | null = root.firstChild;
  while (node && out.length < maxChars) {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      // One text node may hold a whole transcript: only what is left of the allowance is read.
      const data = (node as CharacterData).data;
      const left = maxChars - out.length;
      out.text(data.length > left ? data.slice(0, left) : data);
    } else if (node.nodeType === ELEMENT) {
      const effect = tagEffect((node as Element).localName);
      if (effect === 'block' || effect === 'heading') out.block();
      else if (effect === 'cell') out.cell();
      else if (effect === 'br') out.lineBreak();
      // Skipped content (script, style…) is not entered; `<br>` has none.
      if (effect !== 'skip' && effect !== 'br') {
        const entered = effect && { node, effect, start: out.length, href: effect === 'link' ? ((node as Element).getAttribute('href') ?? '') : '' };
        if (node.firstChild) {
          if (entered) open.push(entered);
          node = node.firstChild;
          continue;
        }
        if (entered) close(entered);
      }
    }
    // Up to the next sibling of the nearest ancestor that has one, closing the elements left on the way.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && open.length && open[open.length - 1]!.node === node) close(open.pop()!);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return out.done();
}
