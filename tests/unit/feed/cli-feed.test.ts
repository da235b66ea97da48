/**
 * `earmark chapters --feed` and `earmark guests --feed` against a local HTTP server: the same code as the
 * extension's feed option, so a podcaster sees what Earmark would show.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../../lib/cli/run';
import { chaptersJson, rss } from '../../feed/feeds';
import { writeMp3WithChapters } from '../../feed/id3-writer';
import { serveFeeds, type Served } from '../../feed/server';

let server: Served;
beforeEach(async () => {
  server = await serveFeeds();
});
afterEach(() => server.close());

function io(files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIo = {
    stdin: async () => '',
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
    readFile: async (p) => {
      if (files[p] === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[p]!;
    },
    fetch: (url, init) => fetch(url, init),
  };
  return { cli, out };
}

const feed = () =>
  rss({
    title: 'The Tiny Harbour',
    items: [
      {
        title: 'Slipway repairs, part two',
        guid: 'th-0042',
        duration: '600',
        chaptersUrl: server.url('/th-0042.json'),
        content: '<p>With Ines Varga of the Harbour Trust.</p><p>00:00 Intro<br>05:00 Notes timeline</p>',
        persons: [{ name: 'Ines Varga', role: 'guest', href: 'https://ines.example/' }, { name: 'Mara Quill', role: 'host' }],
      },
      { title: 'Fog week', guid: 'th-0041', enclosure: server.url('/th-0041.mp3'), content: '<p>No timeline here.</p>' },
      { title: 'Ropes', guid: 'th-0040', content: '<p>00:00 Knots<br>04:00 Splices</p>' },
    ],
  });

describe('earmark chapters --feed', () => {
  beforeEach(() => {
    server.routes.set('/feed.xml', { body: feed() });
    server.routes.set('/th-0042.json', { type: 'application/json+chapters', body: chaptersJson([{ startTime: 0, title: 'From the file' }, { startTime: 120, title: 'Second' }]) });
    server.routes.set('/th-0041.mp3', { type: 'audio/mpeg', body: writeMp3WithChapters([{ startTime: 0, endTime: 30, title: 'Tagged one' }, { startTime: 30, endTime: 90, title: 'Tagged two' }]) });
  });

  it('prints the newest episode’s chapters from its chapters file, and says where they came from', async () => {
    const { cli, out } = io();
    expect(await run(['chapters', '--feed', server.url('/feed.xml'), '--format', 'youtube'], cli)).toBe(0);
    expect(out.stdout).toBe('0:00 From the file\n2:00 Second\n');
    expect(out.stderr).toContain("2 chapters from the podcast's feed for “Slipway repairs, part two”");
  });

  it('takes the episode by guid or title: the audio file’s chapters, or the feed notes’ timeline', async () => {
    const a = io();
    expect(await run(['chapters', '--feed', server.url('/feed.xml'), '--episode', 'th-0041', '--format', 'youtube'], a.cli)).toBe(0);
    expect(a.out.stdout).toBe('0:00 Tagged one\n0:30 Tagged two\n');
    expect(a.out.stderr).toContain('from the audio file');
    const b = io({ 'feed.xml': feed() });
    expect(await run(['chapters', '--feed', 'feed.xml', '--episode', 'Ropes', '--format', 'youtube'], b.cli)).toBe(0);
    expect(b.out.stdout).toBe('0:00 Knots\n4:00 Splices\n');
    expect(b.out.stderr).toContain("from the notes in the podcast's feed");
  });

  it('reports a feed it cannot read, or an episode it does not have, as a usage error', async () => {
    const a = io({ 'page.html': '<html><body>hi</body></html>' });
    expect(await run(['chapters', '--feed', 'page.html'], a.cli)).toBe(2);
    expect(a.out.stderr).toBe('earmark: cannot read the feed: This is not an RSS feed.\n');
    const b = io();
    expect(await run(['chapters', '--feed', server.url('/feed.xml'), '--episode', 'Lighthouses'], b.cli)).toBe(2);
    expect(b.out.stderr).toBe("earmark: no episode 'Lighthouses' in the feed\n");
    const c = io();
    expect(await run(['chapters', '--feed', server.url('/missing.xml')], c.cli)).toBe(2);
    expect(c.out.stderr).toBe('earmark: the feed answered 404\n');
  });
});

describe('earmark guests --feed', () => {
  it('lists the guests the feed names first, then those read in the notes, never the hosts', async () => {
    server.routes.set('/feed.xml', { body: feed() });
    const { cli, out } = io();
    expect(await run(['guests', '--feed', server.url('/feed.xml')], cli)).toBe(0);
    const guests = JSON.parse(out.stdout) as Array<{ name: string; namedBy?: string }>;
    expect(guests[0]).toEqual({ name: 'Ines Varga', namedBy: 'podcast', href: 'https://ines.example/' });
    expect(guests.map((g) => g.name)).not.toContain('Mara Quill');
    expect(guests.filter((g) => g.name === 'Ines Varga')).toHaveLength(1);
  });
});
