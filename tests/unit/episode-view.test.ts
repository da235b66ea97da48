import { describe, expect, it } from 'vitest';
import { MAX_NOTES, viewOf } from '../../lib/content/episode-view';

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
});
