// The notes' text read from a rendered element (lib/content/notes-text.ts) against the HTML reader of the timeline
// engine: the same chapters and mentions wherever the markup is well formed (every fixture page's notes, every
// HTML item of the timeline corpora), the browser's repair where it is not, and the limits a transcript needs.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderedNotesText } from '../../lib/content/notes-text';
import { playerForUrl } from '../../lib/players/registry';
import { renderedNotesOf } from '../../lib/players/page-text';
import { overcast } from '../../lib/players/overcast';
import { parseNormalized, parseTimeline, toPlainText, type ParseResult } from '../../lib/timeline';
import { loadTimelineSplit } from '../corpus/timeline-corpus';
import { fixture, fixtureUrl, parse } from './fixture-pages';

/** An element holding `html`, as a page would render it. */
const element = (html: string): Element => parse(`<!doctype html><html><body><div id="notes">${html}</div></body></html>`).getElementById('notes')!;
const shape = (r: ParseResult) => ({ chapters: r.chapters.map((c) => [c.startTime, c.title]), mentions: r.mentions.map((m) => m.time) });
const fromDom = (html: string) => shape(parseNormalized(renderedNotesText(element(html))));
const fromHtml = (html: string) => shape(parseTimeline(html, { html: true }));

describe('notes read from the rendered element', () => {
  it('reads every fixture page’s notes element as the HTML reader reads its markup', () => {
    let compared = 0;
    for (const dir of readdirSync(new URL('../fixtures/players/', import.meta.url))) {
      for (const file of readdirSync(new URL(`../fixtures/players/${dir}/`, import.meta.url)).filter((f) => f.endsWith('.html'))) {
        const name = `${dir}/${file}`;
        const doc = parse(fixture(name));
        const url = fixtureUrl(name);
        const adapter = playerForUrl(url);
        const notes = adapter?.notesElement(doc);
        if (!adapter || !notes?.innerHTML.trim()) continue;
        compared++;
        expect(shape(parseNormalized(renderedNotesText(notes))), `${name} (${adapter.id})`).toEqual(fromHtml(notes.innerHTML));
      }
    }
    expect(compared).toBeGreaterThan(8);
  });

  it.skipIf(!loadTimelineSplit())('reads every HTML item of the timeline corpora as the HTML reader does', () => {
    const split = loadTimelineSplit()!;
    const items = [...split.training, ...split.validation].filter((i) => i.format === 'html');
    const differ = items.filter((i) => JSON.stringify(fromDom(i.raw)) !== JSON.stringify(fromHtml(i.raw)));
    // Training items are named; validation items are only counted.
    console.log(`rendered notes vs HTML reader: ${items.length - differ.length} of ${items.length} HTML items alike`);
    expect(differ.filter((i) => split.training.includes(i)).map((i) => i.id)).toEqual([]);
    expect(differ.length).toBe(0);
  });

  it('keeps blocks, line breaks, table cells, links and headings apart as lines', () => {
    const html =
      '<h2>Chapters</h2><p>0:00 Intro<br>5:30 The harbour</p><table><tr><td>12:00</td><td>Ferries</td></tr></table><p><a href="https://example.test/ep#t=1500">25:00</a> Lighthouses</p><script>var x = "9:99 no"</script><style>p{}</style>';
    const r = renderedNotesText(element(html));
    expect(r).toEqual(toPlainText(html, true));
    expect(r.text).toBe('Chapters\n0:00 Intro\n5:30 The harbour\n12:00\tFerries\t\n25:00 Lighthouses\n');
    expect(r.headings).toEqual([0, 8]);
    expect(r.links).toEqual([{ start: r.text.indexOf('25:00'), end: r.text.indexOf('25:00') + 5, href: 'https://example.test/ep#t=1500' }]);
    expect(parseNormalized(r).chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Intro'],
      [330, 'The harbour'],
      [720, 'Ferries'],
      [1500, 'Lighthouses'],
    ]);
  });

  it('reads a chapter list the markup left unclosed as the browser repaired it: every entry', () => {
    const broken = '<ul><li>0:00 Welcome<li><strong>4:10 Tides<li>9:45 <span>Knots<li>15:20 Storms</ul><p>Thanks for listening';
    expect(fromDom(broken).chapters).toEqual([
      [0, 'Welcome'],
      [250, 'Tides'],
      [585, 'Knots'],
      [920, 'Storms'],
    ]);
  });

  it('takes times given only as links, with the title beside the link', () => {
    const html = '<p><a href="https://www.youtube.com/watch?v=abc&amp;t=0s">Start</a> Welcome</p><p><a href="https://www.youtube.com/watch?v=abc&amp;t=125s">Here</a> Knots</p><p><a href="https://www.youtube.com/watch?v=abc&amp;t=600s">Here</a> Storms</p>';
    expect(fromDom(html)).toEqual(fromHtml(html));
    expect(fromDom(html).chapters.map(([t]) => t)).toEqual([0, 125, 600]);
  });

  it('keeps the line breaks of notes that are plain text, as the HTML reader does for markup-free notes', () => {
    const plain = '0:00 Welcome\n4:10 Tides\n9:45 Knots';
    expect(fromDom(plain)).toEqual(fromHtml(plain));
    expect(fromDom(plain).chapters).toHaveLength(3);
  });

  it('stops after about maxChars characters, and walks deep nesting without recursion', () => {
    const long = element(`<p>0:00 Start</p><p>${'words '.repeat(10_000)}</p><p>59:00 Late</p>`);
    const cut = renderedNotesText(long, 1000);
    // The allowance, and at most the line break that closes the block it ended in.
    expect(cut.text.length).toBeLessThanOrEqual(1001);
    expect(cut.text.startsWith('0:00 Start\nwords words')).toBe(true);
    expect(cut.text).not.toContain('59:00');
    const doc = parse('<!doctype html><html><body><div id="notes"></div></body></html>');
    let at: Element = doc.getElementById('notes')!;
    for (let i = 0; i < 20_000; i++) at = at.appendChild(doc.createElement('span'));
    at.textContent = '1:00 Deep';
    expect(renderedNotesText(doc.getElementById('notes')!).text).toBe('1:00 Deep');
  });
});

describe('an adapter whose notes are a rendered element', () => {
  it('serialises them only when read, once, and says which element they are', () => {
    const doc = parse(fixture('overcast/episode.html'));
    const notes = overcast.notesElement(doc)!;
    const html = notes.innerHTML;
    let serialised = 0;
    Object.defineProperty(notes, 'innerHTML', { get: () => (serialised++, html) });
    const episode = overcast.readEpisode(doc, fixtureUrl('overcast/episode.html'))!;
    expect(renderedNotesOf(episode)).toBe(notes);
    expect(serialised).toBe(0);
    // A copy (a spread, a message) carries the notes themselves, not the element.
    const copy = { ...episode };
    expect(renderedNotesOf(copy)).toBeUndefined();
    expect(serialised).toBe(1);
    expect(copy.notes).toBe(html);
    expect(episode.notes).toBe(html);
    expect(serialised).toBe(1);
  });

  it('has empty notes and no element where the page shows none', () => {
    const doc = parse(fixture('overcast/episode-no-notes.html'));
    const episode = overcast.readEpisode(doc, fixtureUrl('overcast/episode-no-notes.html'))!;
    expect(episode.notes).toBe('');
    expect(renderedNotesOf(episode)).toBeUndefined();
  });
});
