import { describe, expect, it } from 'vitest';
import { episodeKey, MAX_GUEST_NOTES, MAX_NOTES, momentAt, stepTarget } from '../../lib/content/episode-view';
import { viewOf } from '../../lib/content/guests-engine';

const episode = (notes: string) => ({ title: 'Fog week, with Ines Varga', url: 'https://example.test/e/1', notes, duration: 2400 });

describe('the episode view (engines → what the features show)', () => {
  it('gives chapters, guests and every time worth a link', () => {
    const view = viewOf(episode('<p>Ines Varga, a ferry pilot for the Harbour Authority, joins us.</p><p>00:00 Intro<br>04:20 Fog<br>16:45 Ferries</p><p>Listen for the horn around 12:30 in the recording.</p>'));
    expect(view.chapters.map((c) => c.startTime)).toEqual([0, 260, 1005]);
    expect(view.guests.map((g) => g.name)).toEqual(['Ines Varga']);
    expect([...view.seekable].sort((a, b) => a - b)).toEqual([0, 260, 750, 1005]);
    expect(view.emptyNotes).toBe(false);
  });

  it('tells notes that are not there from notes without a timeline', () => {
    for (const empty of ['', '  ', '<p> </p>', '<div><br>&nbsp;</div>']) expect(viewOf(episode(empty)).emptyNotes, empty).toBe(true);
    const prose = viewOf(episode('<p>Just prose.</p>'));
    expect(prose.emptyNotes).toBe(false);
    expect(prose.chapters).toEqual([]);
  });

  it('reads at most MAX_NOTES characters of the notes', () => {
    const list = '<p>00:00 A<br>05:00 B<br>10:00 C</p>';
    const view = viewOf(episode(`<p>${'x'.repeat(MAX_NOTES)}</p>${list}`));
    expect(view.chapters).toEqual([]);
  });

  it('looks for guests in the start of long notes only, where show notes name them', () => {
    const intro = '<p>Tomas Ekdahl, a lighthouse keeper, joins us this week.</p>';
    const filler = `<p>${'Words about the harbour. '.repeat(Math.ceil(MAX_GUEST_NOTES / 25))}</p>`;
    const early = viewOf({ ...episode(`${intro}${filler}`), title: 'Lighthouses' });
    const late = viewOf({ ...episode(`${filler}${intro}`), title: 'Lighthouses' });
    expect(early.guests.map((g) => g.name)).toEqual(['Tomas Ekdahl']);
    expect(late.guests).toEqual([]);
  });
});

describe('stepping, saving and keying an episode', () => {
  const chapters = [
    { startTime: 60, title: 'A' },
    { startTime: 300, title: 'B' },
    { startTime: 900, title: 'C' },
  ];

  it('steps to the next chapter, and none after the last', () => {
    expect(stepTarget(chapters, 0, 1)).toBe(60);
    expect(stepTarget(chapters, 310, 1)).toBe(900);
    expect(stepTarget(chapters, 950, 1)).toBeUndefined();
    expect(stepTarget([], 10, 1)).toBeUndefined();
  });

  it('restarts the chapter a few seconds in, goes to the one before at its start, and to 0 before the first', () => {
    expect(stepTarget(chapters, 320, -1)).toBe(300);
    expect(stepTarget(chapters, 301, -1)).toBe(60);
    expect(stepTarget(chapters, 30, -1)).toBe(0);
    expect(stepTarget(chapters, 62, -1)).toBe(0);
  });

  it('saves a moment with the chapter playing and the guests, rounded to a tenth', () => {
    const guests = [{ name: 'Ines Varga', affiliations: [], summary: '', evidence: [], links: [] }];
    expect(momentAt({ chapters, guests }, 299.96)).toEqual({ time: 300, chapterTitle: 'B', guests: ['Ines Varga'] });
    expect(momentAt({ chapters, guests: [] }, 12.34)).toEqual({ time: 12.3 });
  });

  it('keys an episode by address, length, title and notes, so a changed one is mounted afresh', () => {
    const e = episode('<p>00:00 A</p>');
    const key = episodeKey(e.url, e, e.notes);
    expect(episodeKey(e.url, e, e.notes)).toBe(key);
    expect(episodeKey(e.url, { ...e, title: 'Another' }, e.notes)).not.toBe(key);
    expect(episodeKey(e.url, { ...e, duration: 2401 }, e.notes)).not.toBe(key);
    expect(episodeKey(e.url, e, `${e.notes} `)).not.toBe(key);
    expect(episodeKey(`${e.url}?t=1`, e, e.notes)).not.toBe(key);
  });
});
