/**
 * The earmark command line, free of `process` so tests can drive it in-process with fake streams.
 * `earmark.ts` is the only place that wires it to the real process.
 */
import {
  CHAPTER_FORMATS,
  PLATFORMS,
  PLATFORM_RULES,
  formatChapters,
  isChapterFormat,
  isPlatform,
  parseTimeline,
  validateFor,
} from '../timeline';
import type { ChapterFormat, ParseResult, Platform } from '../timeline';
import type { Chapter } from '../timeline';
import { extractGuests } from '../guests';
import { SOURCE_LABEL, type ChapterSource } from '../feed/source';
import { feedGuests, notesChapters, publishedChapters, readAudioChapters } from '../feed/episode';
import { fetchHead, fetchText, type Fetch } from '../feed/fetch';
import { findItem, titleKey } from '../feed/match';
import { closeTruncatedFeed, FEED_LIMITS, FeedError, readFeed, type FeedItem } from '../feed/read';
import { MAX_CHAPTERS_FILE } from '../feed/chapters';

export interface CliIo {
  /** The whole of standard input. */
  stdin: () => Promise<string>;
  /** Writes text as given; callers supply their own newlines. */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
  /** For --feed with an address, and the chapter files and audio a feed points at. */
  fetch?: Fetch;
}

export const EXIT_OK = 0;
/** `validate` found a broken rule: a finding, not a failure of the tool. */
export const EXIT_RULES_BROKEN = 1;
export const EXIT_USAGE = 2;
/** A bug in earmark itself (sysexits' EX_SOFTWARE), kept apart from the codes scripts act on. */
export const EXIT_INTERNAL = 70;

/**
 * Anything the user can fix by changing the command line or the input path: reported in one
 * line, exit 2.
 */
class UsageError extends Error {}

interface FlagSpec {
  /** Shown in usage after the flag; its presence means the flag takes a value. */
  value?: string;
  help: string;
}

interface ParsedArgs {
  /** A value flag maps to its (last) value, a switch to true. */
  flags: Map<string, string | true>;
  operands: string[];
}

interface CommandSpec {
  summary: string;
  flags: Record<string, FlagSpec>;
  operands: string;
  run: (args: ParsedArgs, io: CliIo) => Promise<number>;
}

const INPUT_FLAGS: Record<string, FlagSpec> = {
  duration: { value: 'SECONDS', help: "the episode's length, which bounds the chapters and ends the last one" },
  html: { help: 'read the input as HTML (otherwise HTML is detected)' },
};

const FEED_FLAGS: Record<string, FlagSpec> = {
  feed: { value: 'URL|FILE', help: "read the episode from a podcast feed (RSS) instead of notes, as Earmark's feed option does" },
  episode: { value: 'GUID|TITLE', help: "with --feed: the episode (default: the feed's newest)" },
};

const COMMANDS: Record<string, CommandSpec> = {
  chapters: {
    summary: 'print the chapters found in episode notes',
    operands: '<file|->',
    flags: {
      format: { value: CHAPTER_FORMATS.join('|'), help: 'output format (default json, Podcasting 2.0 JSON chapters)' },
      ...INPUT_FLAGS,
      ...FEED_FLAGS,
    },
    run: runChapters,
  },
  validate: {
    summary: "check the chapters against platforms' rules (exit 1 when one is broken)",
    operands: '<file|->',
    flags: {
      platform: { value: PLATFORMS.join('|'), help: 'check one platform (default: all of them)' },
      ...INPUT_FLAGS,
    },
    run: runValidate,
  },
  guests: {
    summary: "print the episode's guests (name, aliases, affiliations, summary) as JSON",
    operands: '<notes file|->',
    flags: {
      title: { value: 'TITLE', help: "the episode's title (required: most guests are named there)" },
      show: { value: 'SHOW', help: "the show's name, which is never a guest" },
      ...FEED_FLAGS,
    },
    run: runGuests,
  },
};

function usage(): string {
  const lines = ['Usage: earmark <command> [options] <file|->', '', 'Commands:'];
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  for (const name of names) lines.push(`  ${name.padEnd(width)}${COMMANDS[name]!.summary}`);
  for (const name of names) {
    const spec = COMMANDS[name]!;
    lines.push('', `earmark ${name} [options] ${spec.operands}`);
    const rows = Object.entries(spec.flags).map(([flag, f]) => [`--${flag}${f.value ? ` ${f.value}` : ''}`, f.help] as const);
    const w = Math.max(...rows.map(([left]) => left.length)) + 2;
    for (const [left, help] of rows) lines.push(`  ${left.padEnd(w)}${help}`);
  }
  lines.push(
    '',
    'Input is a file path, or - for standard input (none with --feed). Options also take the --name=value form.',
    'Exit status: 0 done, 1 validate found a broken rule, 2 bad arguments or unreadable input.',
    '',
  );
  return lines.join('\n');
}

function parseArgs(spec: CommandSpec, name: string, argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option '${arg}' for '${name}' (try --help)`);
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const flagSpec = Object.hasOwn(spec.flags, flag) ? spec.flags[flag] : undefined;
    if (!flagSpec) throw new UsageError(`unknown option '--${flag}' for '${name}' (try --help)`);
    if (flagSpec.value === undefined) {
      if (eq >= 0) throw new UsageError(`option '--${flag}' takes no value`);
      flags.set(flag, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      // A following option is almost surely a forgotten value, not a value that looks like an option.
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') throw new UsageError(`option '--${flag}' needs a value (${flagSpec.value})`);
    flags.set(flag, value);
  }
  return { flags, operands };
}

function valueFlag(args: ParsedArgs, flag: string): string | undefined {
  const v = args.flags.get(flag);
  return typeof v === 'string' ? v : undefined;
}

function durationOf(args: ParsedArgs): number | undefined {
  const raw = valueFlag(args, 'duration');
  if (raw === undefined) return undefined;
  // Number() alone would take '', '0x10', '1e3' and 'Infinity'; plain decimals are what people mean.
  const n = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
  // A zero-length episode would bound every chapter away, so it is refused like a negative one.
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`--duration needs a positive number of seconds, not '${raw}'`);
  return n;
}

function inputOf(args: ParsedArgs): string {
  const [input, extra] = args.operands;
  if (input === undefined) throw new UsageError('missing input: give a file path, or - for standard input');
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (give one input)`);
  return input;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function reasonOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return oneLine(err instanceof Error ? err.message : String(err));
}

async function readInput(input: string, io: CliIo): Promise<string> {
  let text: string;
  try {
    text = input === '-' ? await io.stdin() : await io.readFile(input);
  } catch (err) {
    throw new UsageError(`cannot read ${input === '-' ? 'standard input' : `'${input}'`}: ${reasonOf(err)}`);
  }
  // Editors on Windows like to start files with a byte-order mark, which is not part of the notes.
  return text.replace(/^\uFEFF/, '');
}

async function parseInput(input: string, args: ParsedArgs, io: CliIo, duration: number | undefined): Promise<ParseResult> {
  const text = await readInput(input, io);
  // Without --html, parseTimeline detects HTML itself.
  const html = args.flags.get('html') === true ? true : undefined;
  const result = parseTimeline(text, { ...(html ? { html } : {}), ...(duration === undefined ? {} : { duration }) });
  for (const w of result.warnings) io.stderr(`earmark: warning: ${oneLine(w.message)}\n`);
  return result;
}

async function runChapters(args: ParsedArgs, io: CliIo): Promise<number> {
  // Flags are checked before the input is read so a typo never waits on standard input.
  const rawFormat = valueFlag(args, 'format') ?? 'json';
  if (!isChapterFormat(rawFormat)) {
    throw new UsageError(`unknown format '${rawFormat}' (expected ${CHAPTER_FORMATS.join(', ')})`);
  }
  const format: ChapterFormat = rawFormat;
  const duration = durationOf(args);
  const feed = valueFlag(args, 'feed');
  if (feed !== undefined) {
    const { item } = await feedEpisode(feed, args, io);
    const { chapters, source } = await feedChapters(item, io);
    io.stderr(chapters.length ? `earmark: ${chapters.length} chapters ${SOURCE_LABEL[source]} for “${oneLine(item.title)}”\n` : `earmark: no chapters for “${oneLine(item.title)}”\n`);
    const length = duration ?? item.duration;
    io.stdout(formatChapters(chapters, format, length === undefined ? {} : { duration: length }));
    return EXIT_OK;
  }
  const input = inputOf(args);
  const { chapters } = await parseInput(input, args, io, duration);
  io.stdout(formatChapters(chapters, format, duration === undefined ? {} : { duration }));
  return EXIT_OK;
}

async function runValidate(args: ParsedArgs, io: CliIo): Promise<number> {
  const rawPlatform = valueFlag(args, 'platform');
  if (rawPlatform !== undefined && !isPlatform(rawPlatform)) {
    throw new UsageError(`unknown platform '${rawPlatform}' (expected ${PLATFORMS.join(', ')})`);
  }
  const platforms: readonly Platform[] = rawPlatform !== undefined ? [rawPlatform] : PLATFORMS;
  const duration = durationOf(args);
  const input = inputOf(args);
  const { chapters } = await parseInput(input, args, io, duration);
  // With every platform in one report, each line says which one it is about.
  const prefix = (p: Platform) => (rawPlatform === undefined ? `${p}: ` : '');
  const lines: string[] = [];
  let broken = false;
  for (const platform of platforms) {
    const violations = validateFor(chapters, platform);
    if (violations.length === 0) lines.push(`ok: no ${PLATFORM_RULES[platform].label} rule broken`);
    for (const v of violations) lines.push(`${prefix(platform)}${v.message}`);
    broken ||= violations.length > 0;
  }
  io.stdout(`${lines.join('\n')}\n`);
  return broken ? EXIT_RULES_BROKEN : EXIT_OK;
}

async function runGuests(args: ParsedArgs, io: CliIo): Promise<number> {
  const feed = valueFlag(args, 'feed');
  if (feed !== undefined) {
    const { item, show } = await feedEpisode(feed, args, io);
    // The podcast's own word (podcast:person, role guest) first, then those the engine reads in the notes.
    const named = feedGuests(item).map(({ name, group, img, href }) => ({ name, namedBy: 'podcast', ...(group ? { group } : {}), ...(img ? { img } : {}), ...(href ? { href } : {}) }));
    const seen = new Set(named.map((g) => titleKey(g.name)));
    const found = extractGuests({ title: item.title, notes: item.notes, ...(show ? { show } : {}) })
      .filter((g) => !seen.has(titleKey(g.name)))
      .map(({ name, aliases, affiliations, summary }) => ({ name, aliases, affiliations, summary }));
    io.stdout(`${JSON.stringify([...named, ...found], null, 2)}\n`);
    return EXIT_OK;
  }
  const title = valueFlag(args, 'title');
  if (title === undefined || !title.trim()) throw new UsageError('guests needs --title "<episode title>"');
  const show = valueFlag(args, 'show');
  const notes = await readInput(inputOf(args), io);
  const guests = extractGuests({ title, notes, ...(show !== undefined ? { show } : {}) });
  const out = guests.map(({ name, aliases, affiliations, summary }) => ({ name, aliases, affiliations, summary }));
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT_OK;
}

const isAddress = (s: string) => /^https?:\/\//i.test(s);

/** The feed's text, from an address or a file; a feed past the size limit is read up to its last whole episode. */
async function feedText(feed: string, io: CliIo): Promise<string> {
  if (!isAddress(feed)) return readInput(feed, io);
  if (!io.fetch) throw new UsageError('cannot fetch feeds here');
  const got = await fetchText(io.fetch, feed, { maxBytes: FEED_LIMITS.feedBytes });
  if (got.status !== 200) throw new UsageError(`the feed answered ${got.status}`);
  if (!got.truncated) return got.text;
  const closed = closeTruncatedFeed(got.text);
  if (closed === undefined) throw new UsageError('the feed is larger than Earmark reads and has no whole episode within that');
  io.stderr('earmark: warning: the feed is larger than Earmark reads: only its first episodes were read\n');
  return closed;
}

/** The episode --episode names (its guid, else its title), or the feed's newest. */
async function feedEpisode(feed: string, args: ParsedArgs, io: CliIo): Promise<{ item: FeedItem; show: string }> {
  if (args.operands.length) throw new UsageError(`unexpected argument '${args.operands[0]}' (with --feed, give no input)`);
  let doc;
  try {
    doc = readFeed(await feedText(feed, io));
  } catch (err) {
    if (err instanceof FeedError) throw new UsageError(`cannot read the feed: ${err.message}`);
    throw err;
  }
  const wanted = valueFlag(args, 'episode');
  const item = wanted === undefined ? doc.items[0] : (doc.items.find((i) => i.guid === wanted) ?? findItem(doc.items, { title: wanted }));
  if (!item) throw new UsageError(wanted === undefined ? 'the feed has no episodes' : `no episode '${wanted}' in the feed`);
  return { item, show: doc.title };
}

/** What Earmark would show for the item: the podcaster's chapters, else the timeline in the feed's notes. */
async function feedChapters(item: FeedItem, io: CliIo): Promise<{ chapters: Chapter[]; source: ChapterSource }> {
  const fetch = io.fetch;
  if (fetch) {
    const published = await publishedChapters(item, {
      chaptersFile: async (url) => {
        const got = await fetchText(fetch, url, { maxBytes: MAX_CHAPTERS_FILE });
        return got.status === 200 && !got.truncated ? got.text : undefined;
      },
      audioChapters: (url) => readAudioChapters(url, (u, length) => fetchHead(fetch, u, length)),
    });
    if (published) return published;
  }
  return { chapters: notesChapters(item), source: 'feed-notes' };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    io.stderr(usage());
    return EXIT_USAGE;
  }
  // `--` ends the options, so a file that happens to be named --help can still be read.
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    io.stdout(usage());
    return EXIT_OK;
  }
  try {
    const [name, ...rest] = argv as [string, ...string[]];
    const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!spec) {
      throw new UsageError(
        name.startsWith('-')
          ? `expected a command before options, got '${name}' (try --help)`
          : `unknown command '${name}' (expected ${Object.keys(COMMANDS).join(', ')})`,
      );
    }
    return await spec.run(parseArgs(spec, name, rest), io);
  } catch (err) {
    if (err instanceof UsageError) {
      // The message quotes user input, which may itself hold a line break.
      io.stderr(`earmark: ${oneLine(err.message)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`earmark: internal error: ${reasonOf(err)}\n`);
    return EXIT_INTERNAL;
  }
}
