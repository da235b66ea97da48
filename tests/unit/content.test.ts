import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SEEK_ATTR, linkifyTimes, unlinkify } from '../../lib/content/linkify';
import { chapterAt } from '../../lib/timeline';
import { MARKER_ATTR, markersInPlace, placeMarkers, removeMarkers } from '../../lib/content/markers';
import { createStore } from '../../lib/content/store';

const page = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html') as unknown as Document;

describe('linkifyTimes', () => {
  it('links the accepted times in text and leaves the rest alone', () => {
    const doc = page('<div id="n"><p>00:00 Intro<br>03:10 Tabs</p><p>Live at 10:30 pm. <a href="/x">12:30</a></p></div>');
    const notes = doc.getElementById('n')!;
    const { links } = linkifyTimes(notes, new Set([0, 190, 750]));
    expect(links.map((l) => [l.textContent, l.getAttribute(SEEK_ATTR)])).toEqual([
      ['00:00', '0'],
      ['03:10', '190'],
    ]);
    // 10:30 was not accepted (a clock time); the page's own link keeps its text and href.
    expect(notes.querySelector('a[href="/x"]')!.textContent).toBe('12:30');
    expect(notes.textContent).toBe('00:00 Intro03:10 TabsLive at 10:30 pm. 12:30');
  });

  it('links written durations that are chapter starts, not the same forms elsewhere', () => {
    const doc = page('<div id="n"><p><b>2m40s</b> Knots</p><p>1h19m - Sails</p><p>Our 13m listeners, the 90s and 2m40stuff</p></div>');
    const notes = doc.getElementById('n')!;
    const { links } = linkifyTimes(notes, new Set([160, 4740, 780, 90]));
    expect(links.map((l) => [l.textContent, l.getAttribute(SEEK_ATTR)])).toEqual([
      ['2m40s', '160'],
      ['1h19m', '4740'],
    ]);
  });

  it('links a clock time glued to a word, as flattened notes write it', () => {
    const doc = page('<div id="n"><p>00:00 Hello 05:10 Why tabs won11:45 Spaces</p></div>');
    const { links } = linkifyTimes(doc.getElementById('n')!, new Set([0, 310, 705]));
    expect(links.map((l) => l.textContent)).toEqual(['00:00', '05:10', '11:45']);
  });

  it('never turns page text into markup', () => {
    const doc = page('<div id="n"><p>00:00 &lt;img src=x onerror=alert(1)&gt;</p></div>');
    const notes = doc.getElementById('n')!;
    linkifyTimes(notes, new Set([0]));
    expect(notes.querySelector('img')).toBeNull();
    expect(notes.textContent).toBe('00:00 <img src=x onerror=alert(1)>');
  });

  it('puts the text back on unlinkify', () => {
    const doc = page('<div id="n"><p>Intro at 1:02:03 sharp</p></div>');
    const notes = doc.getElementById('n')!;
    const before = notes.innerHTML;
    const original = notes.querySelector('p')!.firstChild;
    const linked = linkifyTimes(notes, new Set([3723]));
    expect(linked.links).toHaveLength(1);
    unlinkify(linked);
    expect(notes.innerHTML).toBe(before);
    // The page's own text node is back, not a copy: frameworks keep references to it.
    expect(notes.querySelector('p')!.firstChild).toBe(original);
  });
});

describe('markers', () => {
  it('places one click-through marker per chapter after the start, at its share of the duration', () => {
    const doc = page('<div class="bar"></div>');
    const bar = doc.querySelector<HTMLElement>('.bar')!;
    const chapters = [
      { startTime: 0, title: 'A' },
      { startTime: 450, title: 'B' },
      { startTime: 900, title: 'C' },
      { startTime: 2000, title: 'past the end' },
    ];
    const markers = placeMarkers(bar, chapters, 1800);
    expect(markers.map((m) => [m.dataset.start, m.style.left, m.style.pointerEvents])).toEqual([
      ['450', '25.000%', 'none'],
      ['900', '50.000%', 'none'],
    ]);
    expect(bar.querySelectorAll(`[${MARKER_ATTR}]`)).toHaveLength(2);
    expect(markersInPlace(bar, markers)).toBe(true);
    // Placing again replaces, never duplicates.
    placeMarkers(bar, chapters, 1800);
    expect(doc.querySelectorAll(`[${MARKER_ATTR}]`)).toHaveLength(2);
    expect(markersInPlace(bar, markers)).toBe(false);
    removeMarkers(doc);
    expect(doc.querySelectorAll(`[${MARKER_ATTR}]`)).toHaveLength(0);
  });

  it('draws nothing without a duration', () => {
    const doc = page('<div class="bar"></div>');
    expect(placeMarkers(doc.querySelector<HTMLElement>('.bar')!, [{ startTime: 60, title: 'A' }], Number.NaN)).toEqual([]);
  });
});

describe('chapterAt', () => {
  it('finds the chapter playing at a time', () => {
    const starts = [0, 190, 705];
    expect(chapterAt(starts, 0)).toBe(0);
    expect(chapterAt(starts, 189)).toBe(0);
    expect(chapterAt(starts, 190)).toBe(1);
    expect(chapterAt(starts, 189.9)).toBe(1); // a seek lands just short of the start
    expect(chapterAt(starts, 5000)).toBe(2);
    expect(chapterAt([30, 60], 10)).toBe(-1);
  });
});

describe('createStore', () => {
  it('notifies subscribers of changes only', () => {
    const store = createStore(1);
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get()));
    store.set(1);
    store.set(2);
    stop();
    store.set(3);
    expect(seen).toEqual([2]);
  });
});
