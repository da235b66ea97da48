import { describe, expect, it } from 'vitest';
import { fixture, parse } from '../fixture-pages';
import { initialEpisode, spotify } from '../../../lib/players/spotify';
import { parseTimeline } from '../../../lib/timeline';

const DESKTOP = new URL('https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk');
const SSR = new URL('https://open.spotify.com/intl-de/episode/7makk4oTQel546B0PZlDM5');


/** The desktop fixture as the page's app renders it: its description block filled in. */
function desktop(expanded = false): Document {
  const doc = parse(fixture('spotify/episode.html'));
  const script = [...doc.querySelectorAll('script:not([type])')].at(-1)!.textContent!;
  const block = /const DESCRIPTION = `([\s\S]*?)`;/.exec(script)![1]!;
  doc.querySelector('.Ew4wl0jIVeHsXJvEKpvz')!.innerHTML = block;
  if (expanded) {
    const more = /const MORE = '([^']*)'/.exec(script)![1]!;
    doc.querySelector('.QwzLAydVSbnWL4ajPHdm')!.insertAdjacentHTML('beforeend', more);
    doc.querySelector('button[aria-expanded]')!.setAttribute('aria-expanded', 'true');
  }
  return doc;
}

const encodeState = (state: unknown) => Buffer.from(JSON.stringify(state), 'utf8').toString('base64');

describe('spotify: desktop episode page', () => {
  it('reads the title, the show and the rendered description after its heading', () => {
    const ep = spotify.readEpisode(desktop(true), DESKTOP)!;
    expect(ep).toMatchObject({ title: 'Words that only exist at 3 a.m.', show: 'Night Shift Linguistics', url: 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk' });
    const { chapters } = parseTimeline(ep.notes, { html: true });
    expect(chapters.map((c) => c.startTime)).toEqual([0, 160, 555, 1070, 1865, 2660]);
    // The show's own description (a decoy "(00:00)" under another heading) is not read.
    expect(ep.notes).not.toContain('the show about words after dark');
  });

  it('presses "Show more" once, and reports the notes shown once expanded', () => {
    const doc = desktop();
    let clicks = 0;
    doc.querySelector('button[aria-expanded]')!.addEventListener('click', () => clicks++);
    expect(spotify.revealNotes!(doc)).toBe('clicked');
    expect(clicks).toBe(1);
    expect(spotify.revealNotes!(desktop(true))).toBe('shown');
    const bare = desktop();
    bare.querySelector('button[aria-expanded]')!.remove();
    expect(spotify.revealNotes!(bare)).toBe('absent');
  });

  it('puts the panel after the whole description block, never between the text and its button', () => {
    const doc = desktop();
    expect(spotify.panelAnchor(doc)).toBe(doc.querySelector('.Ew4wl0jIVeHsXJvEKpvz'));
  });

  it('knows whether the bar plays this episode, from the now-playing link', () => {
    const doc = desktop();
    expect(spotify.playingThis!(doc, DESKTOP)).toBe(false);
    doc.querySelector('[data-testid="context-item-link"]')!.setAttribute('href', '/episode/4rOoJ6Egrf8K2IrywzwOMk');
    expect(spotify.playingThis!(doc, DESKTOP)).toBe(true);
    doc.querySelector('[data-testid="context-item-link"]')!.setAttribute('href', '/track/4uLU6hMCjMI75M1A2tKUQC');
    expect(spotify.playingThis!(doc, DESKTOP)).toBe(false);
    doc.querySelector('[data-testid="now-playing-bar"]')!.remove();
    expect(spotify.playingThis!(doc, DESKTOP)).toBeUndefined();
  });

  it('marks the playback slider of the now-playing bar: not the hidden decoy, not the volume slider', () => {
    const doc = desktop();
    const isPlayback = (bar: Element | null | undefined) =>
      !!bar?.closest('[data-testid="playback-progressbar"]') && !bar.closest('[data-testid="volume-bar"]');
    expect(isPlayback(spotify.progressBar(doc))).toBe(true);
    // Told by its container, not its place: with the volume slider first, the playback one is still chosen.
    const controls = doc.querySelector('[data-testid="player-controls"]')!;
    controls.parentElement!.insertBefore(doc.querySelector('[data-testid="volume-bar"]')!, controls);
    expect(isPlayback(spotify.progressBar(doc))).toBe(true);
    // Without the playback container, the bar inside the player controls (never the volume slider's).
    const playback = doc.querySelector('[data-testid="playback-progressbar"]')!;
    playback.removeAttribute('data-testid');
    expect(spotify.progressBar(doc)?.closest('[data-testid="player-controls"]')).not.toBeNull();
    expect(spotify.progressBar(doc)?.closest('[data-testid="volume-bar"]')).toBeNull();
    playback.remove();
    expect(spotify.progressBar(doc)).toBeNull();
  });

  it('has no media element to offer: seeking goes through the page-world helper', () => {
    expect(spotify.media(desktop())).toBeNull();
    expect(spotify.seekWith).toBe('bridge');
  });

  it('presses the page’s play button, but never one that would pause', () => {
    const doc = desktop();
    const button = doc.querySelector('[data-testid="action-bar-row"] [data-testid="play-button"]')!;
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    expect(spotify.startPlayback!(doc)).toBe(true);
    button.setAttribute('aria-label', 'Pause');
    expect(spotify.startPlayback!(doc)).toBe(false);
    expect(clicks).toBe(1);
  });
});

describe('spotify: server-rendered state', () => {
  it('reads the whole description and the duration of the episode in the address bar', () => {
    const ep = spotify.readEpisode(parse(fixture('spotify/episode-ssr.html')), SSR)!;
    expect(ep.duration).toBe(2712);
    expect(ep.url).toBe('https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5');
    expect(parseTimeline(ep.notes, { html: true }).chapters.map((c) => c.startTime)).toEqual([0, 270, 730, 1425, 2300]);
  });

  it('never reads another episode’s record, and survives broken or hostile state', () => {
    const doc = parse(fixture('spotify/episode-ssr.html'));
    expect(initialEpisode(doc, 'zzzzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
    const script = doc.querySelector('script#initialState')!;
    for (const bad of ['not base64 at all!', encodeState({ entities: 'x' }), Buffer.from('{"entities":').toString('base64')]) {
      script.textContent = bad;
      expect(initialEpisode(doc, '7makk4oTQel546B0PZlDM5')).toBeUndefined();
    }
    // A field of the wrong type is dropped, the rest kept.
    script.textContent = encodeState({ entities: { items: { 'spotify:episode:7makk4oTQel546B0PZlDM5': { name: 'Ok', htmlDescription: 42, description: '00:00 A\n05:00 B\n09:00 C' } } } });
    expect(initialEpisode(doc, '7makk4oTQel546B0PZlDM5')).toMatchObject({ name: 'Ok', description: '00:00 A\n05:00 B\n09:00 C' });
    // Non-ASCII text survives the base64 round trip.
    script.textContent = encodeState({ entities: { items: { 'spotify:episode:7makk4oTQel546B0PZlDM5': { name: 'Gezeiten — Teil 2 🌊' } } } });
    expect(initialEpisode(doc, '7makk4oTQel546B0PZlDM5')?.name).toBe('Gezeiten — Teil 2 🌊');
  });
});

describe('spotify: time links', () => {
  it('builds `?t=` whole seconds on the canonical episode address, with Earmark’s fragment (the parameter is guessed)', () => {
    expect(spotify.linkAt!(DESKTOP.href, 754.9)).toBe('https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?t=754#earmark-t=754');
    // A localised address and one that carried a time already give the same link.
    expect(spotify.linkAt!(`${SSR.href}?si=abc&t=5#earmark-t=5`, 61)).toBe('https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5?t=61#earmark-t=61');
    expect(spotify.linkAt!(DESKTOP.href, -3)).toBe('https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?t=0#earmark-t=0');
    // Still this adapter's episode page, so Earmark runs there and honours its fragment.
    expect(spotify.pageKind(new URL(spotify.linkAt!(DESKTOP.href, 10)))).toBe('episode');
    // Not an episode address: Earmark's fragment alone.
    expect(spotify.linkAt!('https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk', 9)).toBe('https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk#earmark-t=9');
  });
});
