// Substack (lib/players/substack.ts) against its fixture pages (parsed, no browser): a podcast post read from its
// preloads and body; newsletters, other posts and broken or hostile preloads refused; recognised on any domain.
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { ANY_DOMAIN, onDemandPlayer } from '../../../lib/players/on-demand';
import { PLAYERS } from '../../../lib/players/registry';
import { preloads, substack } from '../../../lib/players/substack';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('Substack', () => {
  it('reads a podcast post from its preloads and rendered body', () => {
    const doc = parse(fixture('substack/episode.html'));
    expect(preloads(doc)?.post).toMatchObject({ type: 'podcast', slug: 'fog-week-the-audio-edition', podcast_duration: 2400.5 });
    const ep = substack.readEpisode(doc, fixtureUrl('substack/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Fog week, the audio edition', show: 'The Tiny Harbour', duration: 2400.5, url: 'https://tinyharbour.substack.com/p/fog-week-the-audio-edition' });
    expect(starts(ep.notes)).toEqual([0, 260, 1005, 1990]);
    expect(ep.notes).not.toContain('20:00 the ferry');
  });

  it('refuses other posts, stale data, and broken or hostile preloads', () => {
    const doc = parse(fixture('substack/episode.html'));
    expect(substack.readEpisode(doc, new URL('https://tinyharbour.substack.com/p/another-post'))).toBeUndefined();
    expect(substack.readEpisode(parse(fixture('substack/newsletter-embed.html')), fixtureUrl('substack/newsletter-embed.html'))).toBeUndefined();
    const script = [...doc.querySelectorAll('script')].find((s) => s.textContent!.includes('_preloads'))!;
    for (const bad of [
      'window._preloads = JSON.parse("{\\"post\\":',
      'window._preloads = JSON.parse("not json")',
      'window._preloads = JSON.parse("{\\"post\\":{\\"type\\":42}}")',
      `window._preloads = JSON.parse("${'\\\\'.repeat(100_000)}`,
      'window._preloads = {"post":{"type":"podcast"}}',
    ]) {
      script.textContent = bad;
      expect(preloads(doc), bad.slice(0, 60)).toBeUndefined();
    }
  });

  it('is recognised by its data on any domain when the listener asks', () => {
    const doc = parse(fixture('substack/episode.html'));
    const chosen = onDemandPlayer(doc);
    expect(chosen.id).toBe('substack');
    expect(chosen.pageKind(new URL('https://www.tinyharbour.example/p/fog-week-the-audio-edition'))).toBe('episode');
    expect(chosen.readEpisode(doc, new URL('https://www.tinyharbour.example/p/fog-week-the-audio-edition'))?.title).toBe('Fog week, the audio edition');
    expect(onDemandPlayer(parse(fixture('generic/episode.html'))).id).toBe('generic');
    // Every player that can recognise its pages anywhere is offered on demand.
    expect(ANY_DOMAIN.map((p) => p.id).sort()).toEqual(PLAYERS.filter((p) => 'detect' in p).map((p) => p.id).sort());
  });
});
