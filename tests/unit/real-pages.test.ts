// The adapters on real player pages other projects saved (../shared/real-pages, see its README and MANIFEST): what
// each reads there. The pages stay in ../shared (third-party markup); our own fixtures mirror their structure and
// decoys. Each page is read at the address the MANIFEST gives for it. Skipped where ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parse } from './fixture-pages';
import { extractGuests } from '../../lib/guests';
import { overcast } from '../../lib/players/overcast';
import { spotify } from '../../lib/players/spotify';
import { substack } from '../../lib/players/substack';
import { transistor } from '../../lib/players/transistor';
import { youtube } from '../../lib/players/youtube';
import { parseTimeline } from '../../lib/timeline';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/real-pages');
const available = existsSync(resolve(dir, 'MANIFEST.jsonl'));
if (!available) console.warn(`[real-pages] SKIPPED: saved pages not found at ${dir} (they live in ../shared next to the repo).`);

const page = (file: string) => parse(readFileSync(resolve(dir, file), 'utf8'));

describe.skipIf(!available)('adapters on saved real pages', () => {
  it('Transistor site (2023): the title from h2.site-episode-title (no h1), the 19-entry timeline, hosts and guest from the people list', () => {
    const doc = page('transistor/metascraper-site-episode-2023.html');
    const url = new URL('https://saas.transistor.fm/episodes/paul-jarvis-gaining-freedom-by-building-an-indie-business');
    expect(transistor.pageKind(url)).toBe('episode');
    expect(transistor.detect!(doc)).toBe(true);
    const ep = transistor.readEpisode(doc, url)!;
    expect(ep.title).toBe(doc.querySelector('h2.site-episode-title')!.textContent!.trim());
    expect(doc.querySelector('h1')).toBeNull();
    expect(parseTimeline(ep.notes, { html: true, duration: ep.duration! }).chapters).toHaveLength(19);
    expect(ep.persons?.map((p) => p.role)).toEqual(['host', 'guest']);
    const guests = extractGuests({ title: ep.title, notes: ep.notes, persons: ep.persons!, hosts: ep.hosts! });
    expect(guests.map((g) => g.name)).toEqual(ep.persons!.filter((p) => p.role === 'guest').map((p) => p.name));
    expect(guests[0]!.summary.length).toBeGreaterThan(0);
  });

  it('Spotify desktop (2023, 2024): markers go on the playback slider, not the volume slider of the same markup', () => {
    for (const file of ['spotify/metascraper-audio-episode-2023.html', 'spotify/metascraper-spotify-episode-2024.html']) {
      const doc = page(file);
      expect(doc.querySelectorAll('[data-testid="now-playing-bar"] [data-testid="progress-bar-background"]').length, file).toBe(2);
      const bar = spotify.progressBar(doc);
      expect(bar?.closest('[data-testid="playback-progressbar"]'), file).not.toBeNull();
      expect(bar?.closest('[data-testid="volume-bar"]'), file).toBeNull();
    }
  });

  it('Spotify mobile web player (2025, server-rendered): the episode from script#initialState, and only the rendered description for another address', () => {
    const doc = page('spotify/spotifyscraper-episode-mobile-ssr-2025.html');
    const url = new URL('https://open.spotify.com/episode/5Q2dkZHfnGb2Y4BzzoBu2G');
    expect(spotify.pageKind(url)).toBe('episode');
    const ep = spotify.readEpisode(doc, url)!;
    const shown = doc.querySelector('[data-testid="expandable-description"]')!.textContent!.replace(/\s+/g, ' ').trim();
    const words = (html: string) => parse(`<!doctype html><html><head></head><body>${html}</body></html>`).body.textContent!.replace(/\s+/g, ' ').trim();
    expect(ep.title).toBe(doc.querySelector('meta[property="og:title"]')!.getAttribute('content'));
    expect(Math.round(ep.duration!)).toBe(Number(doc.querySelector('meta[name="music:duration"]')!.getAttribute('content')));
    expect(ep.show?.length).toBeGreaterThan(0);
    expect(words(ep.notes).slice(0, 60)).toBe(shown.slice(0, 60));
    // The state names another episode: what the page shows is read, and nothing of the state.
    const other = spotify.readEpisode(doc, new URL('https://open.spotify.com/episode/0000000000000000000000'))!;
    expect(other.duration).toBeUndefined();
    expect(words(other.notes)).toBe(shown);
  });

  it("Spotify show page (2024): one card per episode the page links to, each with that episode's address and description", () => {
    const file = 'spotify/metascraper-spotify-show-2024.html';
    const doc = page(file);
    const url = new URL('https://open.spotify.com/show/4kYCRYJ3yK5DQbP5tbfZby');
    expect(spotify.pageKind(url)).toBe('show');
    // The episodes the page links to, read from its markup as text (not through the adapter's selectors).
    const linked = new Set([...readFileSync(resolve(dir, file), 'utf8').matchAll(/href="[^"]*\/episode\/([A-Za-z0-9]{22})/g)].map((m) => m[1]));
    const cards = spotify.showEpisodes!(doc, url);
    expect(linked.size).toBeGreaterThan(10);
    expect(new Set(cards.map((c) => /\/episode\/([A-Za-z0-9]{22})$/.exec(c.url)?.[1]))).toEqual(linked);
    for (const card of cards) expect(card.notes.length).toBeGreaterThan(0);
  });

  it('Substack text newsletter (2023): a post that is not a podcast is no episode, so Earmark stays idle there', () => {
    const doc = page('substack/omnivore-newsletter-post-2023.html');
    const url = new URL('https://anncoulter.substack.com/p/highlights-from-james-bennets-17000');
    expect(substack.detect!(doc)).toBe(false);
    expect(substack.readEpisode(doc, url)).toBeUndefined();
  });

  it('YouTube server HTML (2024): without a rendered description, the episode comes from ytInitialPlayerResponse', () => {
    const doc = page('youtube/metascraper-youtube-video-2024.html');
    expect(doc.querySelector('ytd-watch-metadata')).toBeNull();
    const ep = youtube.readEpisode(doc, new URL('https://www.youtube.com/watch?v=hwMkbaS_M_c'))!;
    expect(ep.title.length).toBeGreaterThan(0);
    expect(ep.notes.length).toBeGreaterThan(0);
    expect(ep.duration).toBeGreaterThan(0);
    // Data for another video is not trusted.
    expect(youtube.readEpisode(doc, new URL('https://www.youtube.com/watch?v=abcDEF12345'))).toBeUndefined();
  });

  it('Overcast logged out (2024): the episode without notes (the popup says so); the 2019 layout with its notes', () => {
    const bare = overcast.readEpisode(page('overcast/overcast_parser-episode-2024.html'), new URL('https://overcast.fm/+5K6jP2BDE'))!;
    expect(bare.title.length).toBeGreaterThan(0);
    expect(bare.notes).toBe('');
    const old = overcast.readEpisode(page('overcast/overcast_parser-episode-2019.html'), new URL('https://overcast.fm/+FOOTgzaEw'))!;
    expect(old.notes.length).toBeGreaterThan(0);
  });

  it("Overcast (2024): Earmark's time link is the page's own \"Share link with timestamp\": its share address, then the time as the page's script writes it", () => {
    const html = readFileSync(resolve(dir, 'overcast/overcast_parser-episode-2024.html'), 'utf8');
    const doc = parse(html);
    const share = doc.querySelector('audio#audioplayer')!.getAttribute('data-share-url')!;
    const ep = overcast.readEpisode(doc, new URL('https://overcast.fm/+5K6jP2BDE'))!;
    // The page builds the link as share address + '/' + seconds_to_hhmmss(t) (initAudioPlayer); that function,
    // run alone in an empty context, formats every time as Earmark's link does.
    expect(html).toContain("player.oc_baseShareURL + (intTime > 0 ? '/' + seconds_to_hhmmss(intTime) : '')");
    const source = /function seconds_to_hhmmss\(t\)\s*\{[\s\S]*?\n\}/.exec(html)![0];
    const theirs = runInNewContext(`(${source})`) as (t: number) => string;
    for (const t of [0, 1, 59, 60, 754, 3599, 3600, 3725, 35_999, 36_000]) {
      expect(overcast.linkAt!(ep.url, t)).toBe(`${share}${t > 0 ? `/${theirs(t)}` : ''}`);
    }
  });
});
