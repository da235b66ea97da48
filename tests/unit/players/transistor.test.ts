// Transistor-built sites (lib/players/transistor.ts) against the fixture episode page (parsed, no browser): title,
// length, people and the sticky player that outlives navigation; and how the site is taken on demand.
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { onDemandPlayer } from '../../../lib/players/on-demand';
import { transistor } from '../../../lib/players/transistor';
import { parseTimeline } from '../../../lib/timeline';
import { extractGuests } from '../../../lib/guests';
import { viewOf } from '../../../lib/content/guests-engine';
import { linkifyTimes, SEEK_ATTR } from '../../../lib/content/linkify';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('Transistor', () => {
  it('reads a site’s episode, its length from the default audio when it names this episode', () => {
    const doc = parse(fixture('transistor/episode.html'));
    const ep = transistor.readEpisode(doc, fixtureUrl('transistor/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Fog week', show: 'The Tiny Harbour', duration: 2400 });
    expect(starts(ep.notes)).toEqual([0, 260, 1005, 1990]);
    // The people list: hosts and guests with their bios; an editor is a credit, not a guest.
    expect(ep.hosts).toEqual(['Oda Lindqvist']);
    expect(ep.persons).toEqual([
      { name: 'Oda Lindqvist', role: 'host', description: 'Keeps the harbour\'s sound archive' },
      { name: 'Ines Varga', role: 'guest', description: 'Ferry pilot for the Harbour Authority' },
    ]);
    expect(extractGuests({ title: ep.title, notes: ep.notes, persons: ep.persons!, hosts: ep.hosts! }).map((g) => [g.name, g.summary])).toEqual([
      ['Ines Varga', 'Ferry pilot for the Harbour Authority'],
    ]);
    doc.getElementById('default-audio')!.setAttribute('data-default-audio-title', 'Another episode');
    expect(transistor.readEpisode(doc, fixtureUrl('transistor/episode.html'))?.duration).toBeUndefined();
    expect(transistor.detect!(doc)).toBe(true);
    // The sticky player survives navigation: holding another episode's audio, it is not playing this one.
    const player = doc.querySelector('#site-sticky-player audio')!;
    expect(transistor.playingThis!(doc, fixtureUrl('transistor/episode.html'))).toBe(true);
    player.setAttribute('src', 'https://media.earmark.test/another.mp3');
    expect(transistor.playingThis!(doc, fixtureUrl('transistor/episode.html'))).toBe(false);
    player.setAttribute('src', doc.getElementById('default-audio')!.getAttribute('data-default-audio-url')!);
    expect(transistor.playingThis!(doc, fixtureUrl('transistor/episode.html'))).toBe(true);
    expect(transistor.detect!(parse(fixture('generic/episode.html')))).toBe(false);
  });

  it('takes the title from an h1 where a theme has no .site-episode-title, and reads no people where none are listed', () => {
    const doc = parse(fixture('transistor/episode.html'));
    const h2 = doc.querySelector('.site-episode-title')!;
    const h1 = doc.createElement('h1');
    h1.textContent = 'Fog week';
    h2.replaceWith(h1);
    doc.querySelector('.site-episode-people')!.remove();
    const ep = transistor.readEpisode(doc, fixtureUrl('transistor/episode.html'))!;
    expect(ep.title).toBe('Fog week');
    expect(ep.persons).toBeUndefined();
    expect(ep.hosts).toBeUndefined();
  });

  it('reads the timeline from the page’s own jump links, and links only the times outside them', () => {
    // As on the saved real page: the "Highlights" are `(<a href="#t=…">mm:ss</a>) - Title` items the site
    // handles itself, so Earmark must leave them alone and link only a time the prose mentions.
    const doc = parse(fixture('transistor/episode.html'));
    const notes = transistor.notesElement(doc)!;
    expect([...notes.querySelectorAll('a[href^="#t="]')].map((a) => a.getAttribute('href'))).toEqual(['#t=0m0s', '#t=4m20s', '#t=16m45s', '#t=33m10s']);
    const ep = transistor.readEpisode(doc, fixtureUrl('transistor/episode.html'))!;
    const view = viewOf(ep);
    expect(view.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Fog rolls in'],
      [260, 'The lighthouse keeper’s log'],
      [1005, 'Ferries by ear'],
      [1990, 'When it lifted'],
    ]);
    // The length beside the title and the subscribe box's time are outside the notes.
    expect(ep.notes).not.toContain('00:40:00');
    expect(ep.notes).not.toContain('05:00');
    const { links } = linkifyTimes(notes, view.seekable);
    expect(links.map((a) => a.getAttribute(SEEK_ATTR))).toContain('1990');
    for (const a of links) expect(a.parentElement?.closest('a'), a.textContent!).toBeNull();
    expect(notes.querySelectorAll(`a[href^="#t="] [${SEEK_ATTR}]`).length).toBe(0);
  });

  it('on demand, a Transistor site seeks through its media element: no page-world helper comes with it', () => {
    const chosen = onDemandPlayer(parse(fixture('transistor/episode.html')));
    expect(chosen.id).toBe('transistor');
    expect(chosen.seekWith).toBeUndefined();
    expect(chosen.bridge).toBeUndefined();
  });
});
