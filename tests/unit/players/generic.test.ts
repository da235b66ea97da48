import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture, parse } from '../fixture-pages';
import { generic } from '../../../lib/players/generic';
import { PLAYERS } from '../../../lib/players/registry';
import type { PlayerAdapter } from '../../../lib/players/types';
import { forgetReportedSelectors, query } from '../../../lib/players/selectors';
import { parseTimeline } from '../../../lib/timeline';

const URL_ = new URL('https://example.com/episodes/42-the-tiny-harbour');
const page = (body: string, head = ''): Document => parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('generic: any page with media', () => {
  it('reads title, notes and the media element that has something to play', () => {
    const doc = parse(fixture('generic/episode.html'));
    const ep = generic.readEpisode(doc, new URL(`${URL_.href}#earmark-t=3`))!;
    expect(ep).toMatchObject({ title: "Episode 42: The ferryman's logbook", url: URL_.href });
    expect(ep.duration).toBeUndefined();
    const { chapters } = parseTimeline(ep.notes, { html: true });
    expect(chapters.map((c) => c.startTime)).toEqual([0, 135, 460, 845]);
    expect(ep.notes).not.toContain('20:30');
    const media = generic.media(doc)!;
    expect(media.getAttribute('src')).toBe('https://media.earmark.test/generic.mp3');
    expect(generic.panelAnchor(doc)).toBe(media);
    expect(generic.notesElement(doc)?.localName).toBe('main');
    expect(generic.progressBar(doc)).toBeNull();
  });

  it('accepts media with a <source> child, and falls back to <title>, then h1, then the host', () => {
    const source = '<video><source src="v.mp4"></video><p>notes</p>';
    expect(generic.readEpisode(page(source, '<title> Page  title </title>'), URL_)?.title).toBe('Page title');
    expect(generic.readEpisode(page(`<h1>Heading</h1>${source}`), URL_)?.title).toBe('Heading');
    expect(generic.readEpisode(page(source), URL_)?.title).toBe('example.com');
  });

  it('takes notes from main, article or role=main before body', () => {
    const audio = '<audio src="a.mp3"></audio>';
    expect(generic.notesElement(page(`${audio}<article>a</article><div role="main">r</div>`))?.localName).toBe('article');
    expect(generic.notesElement(page(`${audio}<div role="main">r</div>`))?.getAttribute('role')).toBe('main');
    expect(generic.notesElement(page(`${audio}<p>b</p>`))?.localName).toBe('body');
  });

  it('reads no episode without playable media or without notes', () => {
    expect(generic.readEpisode(page('<p>0:00 Intro</p><p>1:00 More</p>'), URL_)).toBeUndefined();
    expect(generic.readEpisode(page('<audio></audio><p>0:00 Intro</p>'), URL_)).toBeUndefined();
    expect(generic.readEpisode(page('<main> </main><audio src="a.mp3"></audio>'), URL_)).toBeUndefined();
    expect(generic.panelAnchor(page('<main>x</main>'))?.localName).toBe('main');
  });

  it('calls every web page an episode page, and nothing else', () => {
    expect(generic.pageKind(new URL('http://localhost:8080/x'))).toBe('episode');
    expect(generic.pageKind(new URL('file:///tmp/x.html'))).toBe('other');
    expect(generic.pageKind(new URL('chrome-extension://abc/popup.html'))).toBe('other');
  });
});

describe('selector-not-found logging', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    forgetReportedSelectors();
  });

  it('stays silent in tests and production, whatever the adapters miss', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const empty = page('');
    const url = new URL('https://example.com/');
    const players: readonly PlayerAdapter[] = PLAYERS;
    for (const p of players) {
      p.readEpisode(empty, url);
      p.notesElement(empty);
      p.panelAnchor(empty);
      p.media(empty);
      p.progressBar(empty);
      p.hasOwnChapters?.(empty);
      p.startPlayback?.(empty);
      p.showEpisodes?.(empty, url);
    }
    vi.stubEnv('MODE', 'production');
    vi.stubEnv('DEV', false);
    expect(query(empty, '#nothing', 'thing')).toBeNull();
    expect(debug).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('reports a miss once per selector in development builds', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    vi.stubEnv('MODE', 'development');
    vi.stubEnv('DEV', true);
    const empty = page('<p>x</p>');
    expect(query(empty, ['#a', '#b'], 'thing')).toBeNull();
    expect(query(empty, ['#a', '#b'], 'thing')).toBeNull();
    expect(query(empty, 'p', 'para')).not.toBeNull();
    expect(debug).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledWith('[earmark] selector not found:', 'thing', '#a | #b');
  });
});
