// The note-links feature on a parsed page (linkedom): which times become links, that a click on one of ours seeks
// and a look-alike of the page's does not, and that the notes come back as the page wrote them.
import { describe, expect, it } from 'vitest';
import { parse } from './fixture-pages';
import { createNoteLinks } from '../../lib/content/features/note-links';

function setup() {
  const doc = parse(
    '<!doctype html><html><body><div id="notes"><p>00:00 Intro<br>12:30 The logbook<br>Doors open at 19:30</p></div>' +
      '<a id="decoy" data-earmark-seek="5" href="#">page link</a></body></html>',
  );
  const seeks: number[] = [];
  const listeners: Array<[EventTarget, string, (e: Event) => void]> = [];
  const links = createNoteLinks({
    doc,
    write: (fn) => fn(),
    seek: (s) => seeks.push(s),
    listen: (target, type, handler) => {
      target.addEventListener(type, handler);
      listeners.push([target, type, handler]);
    },
  });
  const click = (el: Element) => el.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true, cancelable: true }));
  return { doc, links, seeks, click, listeners };
}

describe('feature: clickable times in the notes', () => {
  it('links only the accepted times, and a click on one seeks there', () => {
    const { doc, links, seeks, click } = setup();
    const notes = doc.getElementById('notes')!;
    const linked = links.link(notes, new Set([0, 750]));
    expect(linked.links.map((a) => a.textContent)).toEqual(['00:00', '12:30']);
    click(linked.links[1]!);
    expect(seeks).toEqual([750]);
  });

  it('leaves a page element that carries the same attribute to the page', () => {
    const { doc, links, seeks, click } = setup();
    links.link(doc.getElementById('notes'), new Set([0]));
    click(doc.getElementById('decoy')!);
    expect(seeks).toEqual([]);
  });

  it('puts the notes back as they were, and links nothing without notes', () => {
    const { doc, links } = setup();
    const notes = doc.getElementById('notes')!;
    const before = notes.innerHTML;
    const linked = links.link(notes, new Set([0, 750]));
    expect(notes.innerHTML).not.toBe(before);
    links.unlink(linked);
    expect(notes.innerHTML).toBe(before);
    expect(links.link(null, new Set([0]))).toEqual({ links: [], replaced: [] });
  });
});
