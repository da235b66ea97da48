// Buzzsprout (lib/players/buzzsprout.ts) against its episode page (tests/fixtures/players/buzzsprout/, parsed, no browser).
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { buzzsprout } from '../../../lib/players/buzzsprout';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('Buzzsprout', () => {
  it('Buzzsprout: notes without a known hook, else the description meta', () => {
    const doc = parse(fixture('buzzsprout/episode.html'));
    const url = fixtureUrl('buzzsprout/episode.html');
    const ep = buzzsprout.readEpisode(doc, url)!;
    expect(ep).toMatchObject({ title: 'Fog week', show: 'The Tiny Harbour', duration: 2400, url: 'https://www.buzzsprout.com/1234567/16180339' });
    expect(starts(ep.notes)).toEqual([0, 260, 1005, 1990]);
    expect(ep.notes).not.toContain('9:30 am');
    doc.querySelector('.rich-text')!.remove();
    expect(buzzsprout.readEpisode(doc, url)?.notes).toBe('A week of fog, told by the people who worked through it.');
  });
});
