// The playback switch with a fake page playback and a fake embed link: whose episode is on screen, where seeks and
// time go (page, embed, or the embed only when it plays the page's episode), and relinking when the iframe changes.
import { describe, expect, it } from 'vitest';
import { parse } from './fixture-pages';
import { createPlaybackSwitch } from '../../lib/content/features/playback-switch';
import type { EmbedSupport, FrameLink } from '../../lib/content/frames';
import type { Playback } from '../../lib/content/media';
import type { EpisodeInfo } from '../../lib/players/types';

const episode = (title: string): EpisodeInfo => ({ title, notes: '', url: `https://example.test/${title}` });

function fakePlayback(time?: number): Playback & { seeks: number[] } {
  const seeks: number[] = [];
  return {
    seeks,
    currentTime: () => time,
    ready: () => time !== undefined,
    duration: (fallback) => fallback,
    follow: () => undefined,
    seek: async (s) => (seeks.push(s), true),
    notice: () => (time === undefined ? 'page says: press play' : undefined),
  };
}

function setup(options: { ownTime?: number; embedEpisode?: EpisodeInfo; answered?: boolean } = {}) {
  const doc = parse('<html><body><iframe src="https://embed.test/e/1"></iframe></body></html>');
  const own = fakePlayback(options.ownTime);
  const links: Array<{ seeks: number[]; disposed: boolean; iframe: HTMLIFrameElement }> = [];
  const embeds = {
    find: (d: Document) => {
      const iframe = d.querySelector('iframe');
      return iframe ? { iframe, embed: { player: 'host', label: 'Host', hosts: ['embed.test'], test: () => true } } : undefined;
    },
    connect: (iframe: HTMLIFrameElement) => {
      const record = { seeks: [] as number[], disposed: false, iframe };
      links.push(record);
      const link = {
        iframe,
        src: iframe.src,
        embed: { player: 'host', label: 'Host', hosts: ['embed.test'], test: () => true },
        connected: () => options.answered !== false,
        episode: () => (options.answered === false ? undefined : { label: 'Host', ...(options.embedEpisode ? { episode: options.embedEpisode } : {}) }),
        whenConnected: async () => options.answered !== false,
        loaded: () => undefined,
        dispose: () => void (record.disposed = true),
        follow: () => undefined,
        currentTime: () => 42,
        ready: () => true,
        duration: () => 1000,
        seek: async (s: number) => (record.seeks.push(s), true),
        notice: () => undefined,
      };
      return link as unknown as FrameLink;
    },
    serve: () => ({ hostConnected: () => false }),
  } as unknown as EmbedSupport;
  let title: string | undefined;
  const lifetime = { addEventListener: () => undefined, isInvalid: false };
  const sw = createPlaybackSwitch({ doc, lifetime, own, embeds, changed: () => undefined, title: () => title });
  return { doc, own, links, sw, setTitle: (t: string) => (title = t) };
}

describe('feature: playback switch', () => {
  it('shows the page’s own episode and drives the page’s media when it plays', async () => {
    const { sw, own, links } = setup({ ownTime: 5, embedEpisode: episode('Other') });
    expect(sw.choose(episode('Mine'))).toMatchObject({ fromFrame: false, episode: { title: 'Mine' } });
    expect(sw.source()).toBeUndefined();
    await sw.media.seek(30);
    expect(own.seeks).toEqual([30]);
    expect(links[0]!.seeks).toEqual([]);
  });

  it('shows the embed’s episode when the page has none, beside its iframe, and drives the embed', async () => {
    const { sw, own, links, doc } = setup({ embedEpisode: episode('Theirs') });
    expect(sw.choose(undefined)).toMatchObject({ fromFrame: true, episode: { title: 'Theirs' } });
    expect(sw.source()).toEqual({ id: 'host', label: 'Host (embedded)' });
    expect(sw.frame()).toBe(doc.querySelector('iframe'));
    expect(sw.media.currentTime()).toBe(42);
    await sw.media.seek(30);
    expect(links[0]!.seeks).toEqual([30]);
    expect(own.seeks).toEqual([]);
  });

  it('sends the page’s seeks to an embed that plays the page’s episode, never to one playing another', async () => {
    const same = setup({ embedEpisode: episode('Mine') });
    same.setTitle('Mine');
    same.sw.choose(episode('Mine'));
    await same.sw.media.seek(30);
    expect(same.links[0]!.seeks).toEqual([30]);
    const other = setup({ embedEpisode: episode('Other') });
    other.setTitle('Mine');
    other.sw.choose(episode('Mine'));
    await other.sw.media.seek(30);
    expect(other.links[0]!.seeks).toEqual([]);
    expect(other.own.seeks).toEqual([30]);
  });

  it('has no episode when neither the page nor an embed that has not answered has one', () => {
    const { sw } = setup({ answered: false });
    expect(sw.choose(undefined)).toBeUndefined();
    expect(sw.media.notice()).toBe('page says: press play');
  });

  it('keeps one link while the iframe stays, and links afresh when the page replaces it', () => {
    const { sw, links, doc } = setup({ embedEpisode: episode('Theirs') });
    const first = sw.link();
    expect(sw.link()).toBe(first);
    const replacement = doc.createElement('iframe');
    replacement.setAttribute('src', 'https://embed.test/e/2');
    doc.querySelector('iframe')!.replaceWith(replacement);
    const second = sw.link();
    expect(second).not.toBe(first);
    expect(links[0]!.disposed).toBe(true);
    expect(links[1]!.iframe).toBe(replacement);
  });

  it('never links inside an embed', () => {
    const doc = parse('<html><body><iframe src="https://embed.test/e/1"></iframe></body></html>');
    const sw = createPlaybackSwitch({
      doc,
      lifetime: { addEventListener: () => undefined, isInvalid: false },
      own: fakePlayback(),
      embeds: { find: () => { throw new Error('looked for embeds'); } } as unknown as EmbedSupport,
      framed: true,
      changed: () => undefined,
      title: () => undefined,
    });
    expect(sw.link()).toBeUndefined();
    expect(sw.choose(undefined)).toBeUndefined();
  });
});
