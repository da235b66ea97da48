import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../lib/cli/run';
import { run } from '../../lib/cli/run';
import { formatChapters } from '../../lib/timeline/formats';
import { parseTimeline } from '../../lib/timeline/parse';
import type { Chapter, ParseResult } from '../../lib/timeline/types';

// The real parser stays in charge unless a test hands in a result, so the wiring (options in,
// warnings out) is tested without depending on what the parser makes of a given text.
vi.mock('../../lib/timeline/parse', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/timeline/parse')>();
  return { ...actual, parseTimeline: vi.fn(actual.parseTimeline) };
});
const parseMock = vi.mocked(parseTimeline);

const NOTES = '0:00 Intro\n3:10 Middle\n12:45 End\n';
const THREE: Chapter[] = [
  { startTime: 0, title: 'Intro', endTime: 190 },
  { startTime: 190, title: 'Middle', endTime: 765 },
  { startTime: 765, title: 'End' },
];

function parsed(chapters: Chapter[], warnings: ParseResult['warnings'] = []): ParseResult {
  return { chapters, mentions: [], warnings };
}

function fakeIo(files: Record<string, string> = {}, stdinText = '') {
  let out = '';
  let err = '';
  const stdin = vi.fn(async () => stdinText);
  const readFile = vi.fn(async (p: string) => {
    const text = files[p];
    if (text === undefined) {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
    }
    return text;
  });
  const io: CliIo = {
    stdin,
    readFile,
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
  };
  return { io, stdin, readFile, out: () => out, err: () => err };
}

const EMPTY_JSON = '{\n  "version": "1.2.0",\n  "chapters": []\n}\n';

beforeEach(() => {
  parseMock.mockReset();
});

describe('usage', () => {
  it.each([['--help'], ['-h'], ['chapters', '--help'], ['validate', '-h', 'notes.txt'], ['bogus', '--help']])(
    '%s prints usage on stdout and exits 0',
    async (...argv) => {
      const f = fakeIo();
      expect(await run(argv, f.io)).toBe(0);
      expect(f.out()).toMatch(/^Usage: earmark <command>/);
      expect(f.out()).toContain('--format json|vtt|youtube|md|psc');
      expect(f.out()).toContain('--platform youtube|spotify|apple');
      expect(f.err()).toBe('');
    },
  );

  it('prints usage on stderr and exits 2 without arguments', async () => {
    const f = fakeIo();
    expect(await run([], f.io)).toBe(2);
    expect(f.err()).toMatch(/^Usage: earmark <command>/);
    expect(f.out()).toBe('');
  });
});

describe('bad arguments', () => {
  it.each([
    ['unknown command', ['bogus', 'notes.txt']],
    ['option before the command', ['--format', 'json', 'chapters', 'notes.txt']],
    ['unknown flag', ['chapters', '--nope', 'notes.txt']],
    ['unknown short flag', ['chapters', '-x', 'notes.txt']],
    ['flag of another command', ['validate', '--format', 'json', 'notes.txt']],
    ['bad format', ['chapters', '--format', 'pdf', 'notes.txt']],
    ['bad format, = form', ['chapters', '--format=pdf', 'notes.txt']],
    ['format without value', ['chapters', 'notes.txt', '--format']],
    ['format followed by an option', ['chapters', '--format', '--html', 'notes.txt']],
    ['empty format', ['chapters', '--format=', 'notes.txt']],
    ['non-numeric duration', ['chapters', '--duration', 'abc', 'notes.txt']],
    ['negative duration', ['chapters', '--duration', '-5', 'notes.txt']],
    ['negative duration, = form', ['validate', '--duration=-5', 'notes.txt']],
    ['zero duration', ['chapters', '--duration=0', 'notes.txt']],
    ['duration in exponent form', ['chapters', '--duration', '1e3', 'notes.txt']],
    ['value given to a switch', ['chapters', '--html=yes', 'notes.txt']],
    ['bad platform', ['validate', '--platform', 'tiktok', 'notes.txt']],
    ['missing file', ['chapters']],
    ['missing file after flags', ['validate', '--platform', 'youtube']],
    ['extra argument', ['chapters', 'notes.txt', 'more.txt']],
  ])('%s: one stderr line, exit 2, input left unread', async (_name, argv) => {
    const f = fakeIo({ 'notes.txt': NOTES, 'more.txt': NOTES }, NOTES);
    expect(await run(argv, f.io)).toBe(2);
    expect(f.err()).toMatch(/^earmark: [^\n]+\n$/);
    expect(f.out()).toBe('');
    expect(f.readFile).not.toHaveBeenCalled();
    expect(f.stdin).not.toHaveBeenCalled();
    expect(parseMock).not.toHaveBeenCalled();
  });

  it('names the bad value', async () => {
    const f = fakeIo({ 'notes.txt': NOTES });
    await run(['chapters', '--format=pdf', 'notes.txt'], f.io);
    expect(f.err()).toContain("'pdf'");
  });

  it('keeps a message about a name with a line break on one line', async () => {
    const f = fakeIo();
    expect(await run(['chapters', 'two\nlines.txt'], f.io)).toBe(2);
    expect(f.err()).toMatch(/^earmark: [^\n]+\n$/);
  });
});

describe('input', () => {
  it('reports an unreadable file in one line and exits 2', async () => {
    const f = fakeIo();
    expect(await run(['chapters', 'missing.txt'], f.io)).toBe(2);
    expect(f.err()).toBe("earmark: cannot read 'missing.txt': no such file\n");
    expect(f.out()).toBe('');
  });

  it('reports unreadable standard input in one line and exits 2', async () => {
    const f = fakeIo();
    f.stdin.mockRejectedValueOnce(new Error('stream\nbroke'));
    expect(await run(['validate', '-'], f.io)).toBe(2);
    expect(f.err()).toBe('earmark: cannot read standard input: stream broke\n');
  });

  it('reads standard input for -', async () => {
    const f = fakeIo({}, NOTES);
    expect(await run(['chapters', '-'], f.io)).toBe(0);
    expect(f.stdin).toHaveBeenCalledOnce();
    expect(f.readFile).not.toHaveBeenCalled();
    expect(parseMock).toHaveBeenCalledWith(NOTES, {});
  });

  it('reads a file named like an option after --', async () => {
    const f = fakeIo({ '--help': NOTES });
    expect(await run(['chapters', '--', '--help'], f.io)).toBe(0);
    expect(f.readFile).toHaveBeenCalledWith('--help');
  });

  it('drops a byte-order mark', async () => {
    const f = fakeIo({ 'notes.txt': `\uFEFF${NOTES}` });
    await run(['chapters', 'notes.txt'], f.io);
    expect(parseMock).toHaveBeenCalledWith(NOTES, {});
  });

  it('detects HTML, or takes --html', async () => {
    const html = '<p>0:00 Intro<br>3:10 Middle<br>12:45 End</p>';
    const f = fakeIo({ 'notes.html': html, 'notes.txt': NOTES });
    // Without --html the parser detects HTML itself; the chapters prove the markup was read as HTML.
    await run(['chapters', '--format', 'youtube', 'notes.html'], f.io);
    expect(parseMock).toHaveBeenLastCalledWith(html, {});
    expect(f.out()).toBe('0:00 Intro\n3:10 Middle\n12:45 End\n');
    await run(['chapters', '--html', 'notes.txt'], f.io);
    expect(parseMock).toHaveBeenLastCalledWith(NOTES, { html: true });
  });

  it('passes --duration to the parser, in both spellings', async () => {
    const f = fakeIo({ 'notes.txt': NOTES });
    await run(['chapters', '--duration', '800', 'notes.txt'], f.io);
    expect(parseMock).toHaveBeenLastCalledWith(NOTES, { duration: 800 });
    await run(['validate', 'notes.txt', '--duration=812.5'], f.io);
    expect(parseMock).toHaveBeenLastCalledWith(NOTES, { duration: 812.5 });
  });

  it('prints parser warnings on stderr without failing', async () => {
    parseMock.mockReturnValueOnce(
      parsed(THREE, [
        { code: 'duplicate-start', message: 'Two chapters start at 3:10.' },
        { code: 'several-groups', message: 'Found two lists;\nused the first.' },
      ]),
    );
    const f = fakeIo({ 'notes.txt': NOTES });
    expect(await run(['chapters', 'notes.txt'], f.io)).toBe(0);
    expect(f.err()).toBe(
      'earmark: warning: Two chapters start at 3:10.\nearmark: warning: Found two lists; used the first.\n',
    );
    expect(JSON.parse(f.out()).chapters).toHaveLength(3);
  });
});

describe('chapters', () => {
  it('prints an empty Podcasting 2.0 list when there is no timeline', async () => {
    parseMock.mockReturnValueOnce(parsed([]));
    const f = fakeIo({ 'notes.txt': 'No times here.\n' });
    expect(await run(['chapters', 'notes.txt'], f.io)).toBe(0);
    expect(f.out()).toBe(EMPTY_JSON);
    expect(f.err()).toBe('');
  });

  it.each([
    [['--format', 'json'], 'json'],
    [['--format=vtt'], 'vtt'],
    [['--format', 'youtube'], 'youtube'],
    [['--format=md'], 'md'],
    [['--format', 'psc'], 'psc'],
  ] as const)('%s selects %s', async (flags, format) => {
    parseMock.mockReturnValueOnce(parsed(THREE));
    const f = fakeIo({ 'notes.txt': NOTES });
    expect(await run(['chapters', ...flags, 'notes.txt'], f.io)).toBe(0);
    expect(f.out()).toBe(formatChapters(THREE, format));
  });

  it('prints YouTube lines', async () => {
    parseMock.mockReturnValueOnce(parsed(THREE));
    const f = fakeIo({ 'notes.txt': NOTES });
    await run(['chapters', '--format=youtube', 'notes.txt'], f.io);
    expect(f.out()).toBe('0:00 Intro\n3:10 Middle\n12:45 End\n');
  });

  it('ends the last WebVTT cue at --duration', async () => {
    parseMock.mockReturnValueOnce(parsed(THREE));
    const f = fakeIo({ 'notes.txt': NOTES });
    await run(['chapters', 'notes.txt', '--format', 'vtt', '--duration', '800'], f.io);
    expect(f.out()).toMatch(/\n00:12:45\.000 --> 00:13:20\.000\nEnd\n$/);
  });

  it('lets the last of a repeated flag win', async () => {
    parseMock.mockReturnValueOnce(parsed([]));
    const f = fakeIo({ 'notes.txt': NOTES });
    await run(['chapters', '--format', 'md', '--format=vtt', 'notes.txt'], f.io);
    expect(f.out()).toBe('WEBVTT\n');
  });
});

describe('validate', () => {
  it('exits 0 with an ok line per platform when no rule is broken', async () => {
    parseMock.mockReturnValueOnce(parsed(THREE));
    const f = fakeIo({ 'notes.txt': NOTES });
    expect(await run(['validate', 'notes.txt'], f.io)).toBe(0);
    expect(f.out()).toBe('ok: no YouTube rule broken\nok: no Spotify rule broken\nok: no Apple Podcasts rule broken\n');
  });

  it('checks one platform with --platform', async () => {
    parseMock.mockReturnValueOnce(parsed(THREE));
    const f = fakeIo({ 'notes.txt': NOTES });
    expect(await run(['validate', '--platform=spotify', 'notes.txt'], f.io)).toBe(0);
    expect(f.out()).toBe('ok: no Spotify rule broken\n');
  });

  it('exits 1 with one line per broken rule, prefixed by the platform', async () => {
    parseMock.mockReturnValueOnce(parsed([{ startTime: 12, title: 'Intro' }, ...THREE.slice(1)]));
    const f = fakeIo({ 'notes.txt': NOTES });
    expect(await run(['validate', 'notes.txt'], f.io)).toBe(1);
    expect(f.out().split('\n')).toEqual([
      'youtube: YouTube ignores chapter lists whose first chapter does not start at 0:00 (this one starts at 0:12).',
      'spotify: Spotify ignores chapter lists whose first chapter does not start at 0:00 (this one starts at 0:12).',
      'apple: Apple Podcasts ignores chapter lists whose first chapter does not start at 0:00 (this one starts at 0:12).',
      '',
    ]);
    expect(f.err()).toBe('');
  });

  it('leaves the prefix out with --platform', async () => {
    parseMock.mockReturnValueOnce(parsed([]));
    const f = fakeIo({ 'notes.txt': '' });
    expect(await run(['validate', '--platform', 'youtube', 'notes.txt'], f.io)).toBe(1);
    expect(f.out()).toBe('YouTube needs at least 3 chapters to show them (this list has 0).\n');
  });
});

// These read the notes with the real parser, so they wait for it to land.
describe('with the real parser', () => {
  it('prints the chapters as Podcasting 2.0 JSON', async () => {
    const f = fakeIo({ 'notes.txt': NOTES });
    expect(await run(['chapters', 'notes.txt'], f.io)).toBe(0);
    const doc = JSON.parse(f.out());
    expect(doc.version).toBe('1.2.0');
    expect(doc.chapters).toMatchObject([
      { startTime: 0, title: 'Intro' },
      { startTime: 190, title: 'Middle' },
      { startTime: 765, title: 'End' },
    ]);
  });

  it('prints YouTube lines from standard input', async () => {
    const f = fakeIo({}, NOTES);
    expect(await run(['chapters', '--format=youtube', '-'], f.io)).toBe(0);
    expect(f.out()).toBe('0:00 Intro\n3:10 Middle\n12:45 End\n');
  });

  it('validates a good list', async () => {
    const f = fakeIo({ 'notes.txt': NOTES });
    expect(await run(['validate', 'notes.txt'], f.io)).toBe(0);
  });

  it('flags a list that does not start at 0:00', async () => {
    const f = fakeIo({ 'notes.txt': '0:12 Intro\n3:10 Middle\n12:45 End\n' });
    expect(await run(['validate', '--platform', 'youtube', 'notes.txt'], f.io)).toBe(1);
    expect(f.out()).toBe(
      'YouTube ignores chapter lists whose first chapter does not start at 0:00 (this one starts at 0:12).\n',
    );
  });
});

describe('as a process', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  let dir = '';
  let file = '';
  let ok: SpawnSyncReturns<string>;

  const earmark = (...args: string[]) => spawnSync(tsx, ['lib/cli/earmark.ts', ...args], { cwd: root, encoding: 'utf8' });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'earmark-cli-'));
    file = join(dir, 'notes.txt');
    writeFileSync(file, NOTES);
    ok = earmark('chapters', file);
  }, 30_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 and prints Podcasting 2.0 JSON', () => {
    expect(ok.error).toBeUndefined();
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ version: '1.2.0' });
    expect(ok.stdout.endsWith('}\n')).toBe(true);
  });

  it('prints the chapters it found (needs the real parser)', () => {
    expect(JSON.parse(ok.stdout).chapters).toMatchObject([
      { startTime: 0, title: 'Intro' },
      { startTime: 190, title: 'Middle' },
      { startTime: 765, title: 'End' },
    ]);
  });

  it('exits 2 with one stderr line on a bad argument', () => {
    const bad = earmark('chapters', '--format', 'pdf', file);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^earmark: [^\n]+\n$/);
  }, 30_000);
});

describe('guests', () => {
  it('prints the guests as a JSON array of name, aliases, affiliations and summary', async () => {
    const notes = 'We sit down with Ada Byron, the founder of Oceanlab.\nHosts: Grace Hopper';
    const f = fakeIo({ 'notes.txt': notes });
    const code = await run(['guests', '--title', 'Sonar with Ada Byron', '--show', 'The Tiny Harbour', 'notes.txt'], f.io);
    expect(code).toBe(0);
    expect(JSON.parse(f.out())).toEqual([
      { name: 'Ada Byron', aliases: [], affiliations: ['Oceanlab'], summary: 'the founder of Oceanlab — Sonar' },
    ]);
  });

  it('needs a title: one line on stderr and exit 2', async () => {
    const f = fakeIo({}, 'notes');
    expect(await run(['guests', '-'], f.io)).toBe(2);
    expect(f.err().trim().split('\n')).toHaveLength(1);
    expect(f.err()).toMatch(/^earmark: .*--title/);
  });
});
