/**
 * The timeline engine: show notes in, chapters out.
 *
 * 0. Notes without any time-like mark are answered at once.
 * 1. Normalise the input to plain text, keeping links and headings (normalize.ts).
 * 2. Find every time-like token with its possible readings and its context (candidates.ts): clock times,
 *    durations written for people at the start of a line, and seek links whose text is a title.
 * 3. Read each line's layout: a time leading its line ("00:00 Intro"), ending it ("Intro (00:00)"), standing
 *    alone with its title on a neighbouring line, or several times in one flattened line. Flattened lines are
 *    split by a small dynamic programme that picks the readings that make one ascending, consistent list.
 * 4. Group entries into blocks (a block ends where the times start over or the layout changes), drop blocks
 *    whose times do not read as positions in one episode (`consistent`: lengths, verses, results, programmes)
 *    and pick the block that is the episode's table of contents; the other times become mentions.
 * Every step is linear in the input (the dynamic programme looks back a bounded number of candidates).
 */
import { MAX_CANDIDATES, findCandidates, type Candidate, type Reading } from './candidates';
import { isDigitCode, isSpaceCode } from './chars';
import { SEEK_PARAMS, timeFromUrl, withoutSeek } from './time';
import { readAsHtml, readText, type NormalizedText, type ReadText } from './normalize';
import { cleanTitle, cutTrailingMatter, gluedSentence, hasDate, hasDigit, hasWords, headerStrength, isClosing, isDecor, startsLikeProse } from './titles';
import type { Chapter, Mention, ParseOptions, ParseResult, Warning } from './types';
import { Spare } from './spare';

type EntryKind = 'lead' | 'trail' | 'bare' | 'flat';

interface Entry {
  kind: EntryKind;
  time: number;
  /** The time as its digits read (before a link's `t=` overrides it), for the link-time warning. */
  written: number;
  cand: Candidate;
  line: number;
  /** Offsets of the raw title text; empty for `bare` entries until their block decides where titles are. */
  titleStart: number;
  titleEnd: number;
  /** Flattened entries: how strongly a header announced the list (see `headerStrength`). */
  header: number;
  /** Title-first entries may carry a list number ("1. Intro 00:00"). */
  numbered: boolean;
}

interface Block {
  entries: Entry[];
  titles: string[];
  /** The line where the block's text begins (its first title may stand above its first time). */
  firstLine: number;
  /** `blockHeader`, once asked for. */
  header: number | undefined;
}

/**
 * Anything a time could be written with: digits around a colon (also full-width, and ":00"), a number with a
 * unit or a minute mark, a seek parameter in a link, or an encoded colon. Without any of these the notes hold no
 * time, whatever their markup.
 */
const TIME_EVIDENCE = new RegExp(
  `\\d[:：]\\d|[:：]\\d\\d|\\d[ \\u00a0]?(?:['’′]|[hms]\\b|min|std|hour|heure|hora|stunde)|[?&#;](?:${SEEK_PARAMS})=|&#0*(?:58|x0*3a);|&colon;`,
  'i',
);

/** Past this many times on one line, a line is not read as a flattened list. */
const MAX_FLAT_ENTRIES = 1000;
/** How many earlier candidates a flattened list may skip over (titles that contain times, decoys). */
const LOOKBACK = 12;
/** What leaving out a candidate that fits the order costs a flattened list, against 10 for taking one. */
const SKIP_COST = 4;
/**
 * How many timed lists compete for the table of contents at most. Real notes hold a handful; hostile ones may
 * hold thousands of tiny ones, and only the largest are worth resolving and ranking.
 */
const MAX_RANKED = 64;

/** The MAX_RANKED largest blocks, kept in text order. */
function largest(blocks: Entry[][]): Entry[][] {
  if (blocks.length <= MAX_RANKED) return blocks;
  const cut = blocks.map((b) => b.length).sort((x, y) => y - x)[MAX_RANKED - 1]!;
  const kept: Entry[][] = [];
  for (const b of blocks) if (b.length > cut && kept.length < MAX_RANKED) kept.push(b);
  for (const b of blocks) if (b.length === cut && kept.length < MAX_RANKED) kept.push(b);
  return kept.sort((x, y) => x[0]!.line - y[0]!.line);
}
/** Untimed non-empty lines allowed between two entries of one list (bullet lists under each entry). */
const MAX_GAP_LINES = 25;

/** The line starts of the last parse, for the next (see Spare). */
const spareStarts = new Spare<Int32Array>();

class Lines {
  /** Where each line starts; a typed array, as pushing onto an array cost more than finding the lines. */
  readonly starts: Int32Array;
  readonly count: number;

  constructor(readonly text: string) {
    let starts = spareStarts.take() ?? new Int32Array(64);
    starts[0] = 0;
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (n === starts.length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(starts);
        starts = bigger;
      }
      starts[n++] = i + 1;
    }
    this.starts = starts;
    this.count = n;
  }

  end(line: number): number {
    return line + 1 < this.count ? this.starts[line + 1]! - 1 : this.text.length;
  }

  get(line: number): string {
    return this.text.slice(this.starts[line]!, this.end(line));
  }

  /** Done with: the array goes to the next parse. */
  release(): void {
    spareStarts.give(this.starts);
  }

  /** True when the line holds more than whitespace. */
  filled(line: number): boolean {
    for (let i = this.starts[line]!, end = this.end(line); i < end; i++) {
      if (!isSpaceCode(this.text.charCodeAt(i))) return true;
    }
    return false;
  }

  /** True when more than `max` non-empty lines stand strictly between two lines. */
  moreFilledBetween(a: number, b: number, max: number): boolean {
    let n = 0;
    for (let l = a + 1; l < b; l++) if (this.filled(l) && ++n > max) return true;
    return false;
  }

  /**
   * Line index of an offset, walking on from line `from` when the offset lies at or after that line's start:
   * offsets read in text order cost one walk over the lines in all, not a search each.
   */
  lineFrom(offset: number, from: number): number {
    if (from < 0 || this.starts[from]! > offset) return this.lineOf(offset);
    let l = from;
    while (l + 1 < this.count && this.starts[l + 1]! <= offset) l++;
    return l;
  }

  /** Line index of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const spanEnd = (c: Candidate): number => (c.rangeEnd ?? c).outerEnd;
/** Where the text before a reading ends: the wrapper, or the reading's own digits when it was shortened. */
const segmentEnd = (c: Candidate, r: Reading): number => (r.shortened ? r.start : c.outerStart);
const timeOf = (c: Candidate, r: Reading): number => c.linkTime ?? r.seconds;

export function parseTimeline(input: string, options: ParseOptions = {}): ParseResult {
  // Most notes hold no time at all: one native scan of the input as given answers for them, before any markup
  // is read.
  if (!TIME_EVIDENCE.test(input)) return { chapters: [], mentions: [], warnings: [] };
  return parseText(readText(input, readAsHtml(input, options.html)), options);
}

/**
 * The timeline of notes already read into text: what a browser rendered (a content script walks the page's own
 * notes element, whose markup the browser has repaired), with its links and headings. `parseTimeline` reads HTML
 * or text into the same form first.
 */
export function parseNormalized(norm: NormalizedText, options: Omit<ParseOptions, 'html'> = {}): ParseResult {
  if (!TIME_EVIDENCE.test(norm.text) && !norm.links.some((l) => TIME_EVIDENCE.test(l.href))) return { chapters: [], mentions: [], warnings: [] };
  return parseText(norm, options);
}

/** A line break written as the two characters `\n` (a description escaped twice on its way to the page). */
const ESCAPED_BREAK = /(?<!\\)\\n/g;

/**
 * Notes whose line breaks were published as literal `\n` ("…systems.\n\n00:00 Intro\n00:14 Knots"): read as the
 * lines they were, from two such breaks up. Each `\n` becomes a space and a line break, so every offset stays.
 */
function withEscapedBreaks(norm: ReadText): ReadText {
  if (!norm.text.includes('\\n')) return norm;
  ESCAPED_BREAK.lastIndex = 0;
  if (!ESCAPED_BREAK.test(norm.text) || !ESCAPED_BREAK.test(norm.text)) return norm;
  return { ...norm, text: norm.text.replace(ESCAPED_BREAK, ' \n') };
}

function parseText(read: ReadText, options: ParseOptions): ParseResult {
  const norm = withEscapedBreaks(read);
  const lines = new Lines(norm.text);
  try {
    return parseLines(norm, lines, options);
  } finally {
    lines.release();
  }
}

function parseLines(norm: ReadText, lines: Lines, options: ParseOptions): ParseResult {
  const duration =
    options.duration !== undefined && Number.isFinite(options.duration) && options.duration > 0
      ? options.duration
      : undefined;
  const { candidates: cands, truncated } = findCandidates(norm, lines);
  // Most notes write no ranges: then every candidate is usable and the list is not copied.
  const usable = cands.some((c) => c.isRangeEnd) ? cands.filter((c) => !c.isRangeEnd) : cands;

  const entries = readLayouts(norm, lines, usable, duration);
  // HTML heading lines, found once and only if a block needs them (times alone on their lines).
  const headingLines = new LazyHeadings(lines, norm.headings);
  // A lone entry is never a timeline: only blocks of two or more get their titles resolved.
  const eligible = largest(
    groupBlocks(entries, lines)
      .map((b) => (mostlyExcluded(b) ? b.filter((e) => !e.cand.excluded) : b))
      .filter((b) => b.length >= 2),
  )
    .map((b) => resolveBlock(b, norm, lines, headingLines))
    .filter((b) => b.entries.length >= 2 && consistent(b, lines));
  const warnings: Warning[] = [];
  let chosen: Block | undefined;
  if (eligible.length > 0) {
    chosen = eligible[0]!;
    if (eligible.length > 1) {
      const ranked = eligible
        .map((b) => ({ b, header: headerOf(b, lines) }))
        .map((r) => ({ ...r, score: blockScore(r.b, r.header) }))
        .sort((x, y) => y.score - x.score);
      chosen = ranked[0]!.b;
      warnings.push(severalGroupsWarning(ranked[0]!, eligible.filter((b) => b !== chosen)));
    }
  }

  if (truncated) {
    warnings.push({
      code: 'truncated',
      message: `The text holds more than ${MAX_CANDIDATES} time-like strings; only the first ${MAX_CANDIDATES} were read.`,
    });
  }
  // "00:17 Podcasting" in a list that, read as minutes and seconds, would end three minutes into a three-hour
  // show: the notes write hours and minutes, and so do their other times of that form.
  const hoursMinutes = chosen !== undefined && duration !== undefined && readsAsHoursMinutes(chosen, duration, norm.text);
  if (hoursMinutes) {
    for (const e of chosen!.entries) e.time *= 60;
    warnings.push({ code: 'hours-minutes', message: 'The times read as hours:minutes: as minutes:seconds the list would end in the first sixtieth of the episode.' });
  }
  const chapters = chosen ? toChapters(chosen, norm, duration, warnings) : [];
  if (chosen) for (const e of chosen.entries) e.cand.used = true;
  // One loop, no intermediate arrays: hostile notes hold thousands of times that all end up here.
  const mentions: Mention[] = [];
  for (const c of usable) {
    if (c.used || c.excluded || c.form !== 'clock') continue;
    const read = timeOf(c, c.readings[0]!);
    const time = hoursMinutes && c.parts === 2 && c.linkTime === undefined ? read * 60 : read;
    if (duration === undefined || time < duration) mentions.push({ time, text: norm.text.slice(c.start, c.end), offset: c.start });
  }
  return { chapters, mentions, warnings };
}

/** Shortest episode, and list, read as hours and minutes. */
const HOURS_MINUTES_MIN_S = 1800;
const HOURS_MINUTES_MIN_ENTRIES = 3;

/**
 * Whether a list of clock-like `HH:MM` times (two digits before the colon, no seconds field, no seek links) reads as
 * hours and minutes: read so it still fits in the episode, which means that as minutes and seconds it would all lie
 * in the first sixtieth of an episode of half an hour or more (three minutes of a three-hour show), where no
 * chapter list ends. YouTube's own form ("0:10") is never read so.
 */
function readsAsHoursMinutes(b: Block, duration: number, text: string): boolean {
  if (duration < HOURS_MINUTES_MIN_S || b.entries.length < HOURS_MINUTES_MIN_ENTRIES) return false;
  let max = 0;
  for (const e of b.entries) {
    const c = e.cand;
    if (c.form !== 'clock' || c.parts !== 2 || c.linkTime !== undefined || e.time !== e.written) return false;
    if (!(isDigitCode(text.charCodeAt(c.start)) && isDigitCode(text.charCodeAt(c.start + 1)) && !isDigitCode(text.charCodeAt(c.start + 2)))) return false;
    // Hours run to 23.
    if (e.time >= 24 * 60) return false;
    if (e.time > max) max = e.time;
  }
  return max > 0 && max * 60 < duration;
}

/** HTML heading lines, marked on first use. A class, not a closure: closures cost on every call (see hasKey). */
class LazyHeadings {
  private marks: Uint8Array | undefined;
  constructor(private readonly lines: Lines, private readonly ranges: ArrayLike<number>) {}
  get(): Uint8Array {
    return (this.marks ??= lineMarks(this.lines, this.ranges));
  }
}

/** 1 for each line that [start, end) pairs (sorted, flat) touch: one walk over both, as both are in text order. */
function lineMarks(lines: Lines, ranges: ArrayLike<number>): Uint8Array {
  const marks = new Uint8Array(lines.count);
  let l = 0;
  for (let k = 0; k + 1 < ranges.length; k += 2) {
    const start = ranges[k]!;
    const end = Math.max(ranges[k + 1]!, start + 1);
    while (l + 1 < lines.count && lines.starts[l + 1]! <= start) l++;
    for (let m = l; m < lines.count && lines.starts[m]! < end; m++) marks[m] = 1;
  }
  return marks;
}

/** Step 3: one pass over the lines that hold candidates. */
function readLayouts(norm: ReadText, lines: Lines, usable: Candidate[], duration?: number): Entry[] {
  const { text } = norm;
  // The lines holding candidates, as runs of `usable` (in text order): where each run begins (and, last, where the
  // final one ends) and its line. Parallel arrays, not an object and an array per line.
  const runStart: number[] = [];
  const runLine: number[] = [];
  for (let i = 0, line = -1; i < usable.length; i++) {
    const next = lines.lineFrom(usable[i]!.start, line);
    if (next === line) continue;
    line = next;
    runStart.push(i);
    runLine.push(line);
  }
  const runs = runLine.length;
  runStart.push(usable.length);

  // A line with one time that leads it: the shape most lists have. Flattened lines next to such lines are
  // list entries whose titles contain a time ("12:30 The 24:00 rule"), not lists of their own.
  const leads: boolean[] = [];
  const singleLead: boolean[] = [];
  for (let r = 0; r < runs; r++) {
    const lead = leadsLine(text, lines, runLine[r]!, usable[runStart[r]!]!);
    leads.push(lead);
    singleLead.push(runStart[r + 1]! - runStart[r]! === 1 && lead);
  }

  const entries: Entry[] = [];
  for (let r = 0; r < runs; r++) {
    const line = runLine[r]!;
    const from = runStart[r]!;
    const to = runStart[r + 1]!;
    const start = lines.starts[line]!;
    const end = lines.end(line);
    let c = usable[from]!;
    let count = 1;
    if (to - from > 1) {
      // A line with written times reads them; a seek link whose text is a title counts where it is alone.
      const all = usable.slice(from, to);
      const written = all.filter((x) => x.form !== 'link');
      const cands = written.length > 0 ? written : all.slice(0, 1);
      if (cands.length > 1) {
        // Only near neighbours count (blank lines between list entries allowed): a time paragraphs away says nothing.
        const neighbourIsList = nearLead(runLine, singleLead, r - 1, line) || nearLead(runLine, singleLead, r + 1, line);
        // A flattened chapter list holds at most a few hundred entries; a line with thousands of times is a glued
        // transcript or hostile text, and its times stay mentions (the chain search is the costliest step).
        const flat = neighbourIsList || cands.length > MAX_FLAT_ENTRIES ? undefined : readFlattened(norm, lines, line, cands, duration);
        if (flat) {
          for (const e of flat) entries.push(e);
          continue;
        }
      }
      c = cands[0]!;
      count = cands.length;
    }
    const reading = c.readings[0]!;
    if (reading.shortened) continue;
    const time = timeOf(c, reading);
    // Plain literals, not `{ ...base }`: object spread takes a slow path here and dominated the profile.
    if (c.form === 'link') {
      // The link's own text is the title when it leads its line ("[Interview](#t=12:30) with Ada"); otherwise
      // the text before it ("Interview — [listen](…?t=750)"), or the link's text when nothing stands before.
      const before = text.slice(start, c.start);
      if (isDecor(before)) {
        entries.push({ kind: 'lead', time, written: reading.seconds, cand: c, line, titleStart: c.start, titleEnd: end, header: 0, numbered: false });
      } else if (isClosing(text.slice(c.end, end))) {
        const titleEnd = hasWords(before) ? c.start : c.end;
        entries.push({ kind: 'trail', time, written: reading.seconds, cand: c, line, titleStart: start, titleEnd, header: 0, numbered: true });
      }
    } else if (leads[r]!) {
      const titleStart = spanEnd(c);
      const kind = hasWords(text.slice(titleStart, end)) ? 'lead' : 'bare';
      const titleEnd = kind === 'lead' ? end : titleStart;
      entries.push({ kind, time, written: reading.seconds, cand: c, line, titleStart, titleEnd, header: 0, numbered: false });
    } else if (count === 1 && closesTitle(text.slice(spanEnd(c), end))) {
      const titleEnd = c.outerStart;
      entries.push({ kind: 'trail', time, written: reading.seconds, cand: c, line, titleStart: start, titleEnd, header: 0, numbered: true });
    }
  }
  return entries;
}

/** A short note in brackets after a title's time, and nothing else: "(Incomplete)", "(first live since 2011)". */
const TRAILING_NOTE = /^\s*[(\[][^()[\]:：]{1,60}[)\]][\s.,;]*$/;

/**
 * What may follow a title's time on its line: closing marks, or a short note in brackets ("Banana Tune 4:26
 * (Incomplete)"), which stays out of the title.
 */
const closesTitle = (after: string): boolean => isClosing(after) || TRAILING_NOTE.test(after);

/** Whether run `k` is a line led by its one time, within three lines of `line`. */
function nearLead(runLine: number[], singleLead: boolean[], k: number, line: number): boolean {
  return k >= 0 && k < runLine.length && Math.abs(runLine[k]! - line) <= 3 && singleLead[k] === true;
}

function leadsLine(text: string, lines: Lines, line: number, c: Candidate): boolean {
  return !c.readings[0]!.shortened && isDecor(text.slice(lines.starts[line]!, c.outerStart));
}

/**
 * Splits a line holding several times into entries, choosing readings by consistency: strictly ascending
 * times, the line's usual wrapper, plausible gaps, a title between each pair, within the duration.
 */
function readFlattened(
  norm: ReadText,
  lines: Lines,
  line: number,
  cands: Candidate[],
  duration?: number,
): Entry[] | undefined {
  const { text } = norm;
  const wrapCount = new Map<string, number>();
  for (const c of cands) wrapCount.set(c.wrap, (wrapCount.get(c.wrap) ?? 0) + 1);
  // The most frequent wrapper, the first seen among equals.
  let usualWrap = '';
  let usualCount = 0;
  for (const [wrap, count] of wrapCount) {
    if (count > usualCount) {
      usualWrap = wrap;
      usualCount = count;
    }
  }

  // Loops, not nested maps: a closure per candidate, on lines of hundreds of times.
  const nodes: Node[][] = [];
  // Whether the text between two neighbouring candidates holds a title. Skipping candidates always leaves
  // words (the skipped digits), so only neighbours need the check: linear in the line.
  const titledGap: boolean[] = [];
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci]!;
    const own: Node[] = [];
    for (const r of c.readings) {
      const time = timeOf(c, r);
      let score = 10;
      if (r.shortened) score -= 1;
      if (time >= 10 * 3600) score -= 12;
      if (duration !== undefined && time >= duration) score -= 15;
      if (c.wrap !== usualWrap) score -= 5;
      // Clock, ratio or score words around it: it joins the list only where it fits the others, and strong
      // evidence ("9:16 video") keeps it out unless nothing else fits.
      if (c.context === 'weak') score -= 4;
      else if (c.context === 'strong') score -= 12;
      own.push({ ci, r, time, score, prev: undefined });
    }
    nodes.push(own);
    titledGap.push(ci + 1 < cands.length ? hasWords(text.slice(spanEnd(c), cands[ci + 1]!.outerStart)) : true);
  }
  let best: Node | undefined;
  let bestScore = -Infinity;
  // The common case, a clean list: every first reading scores full, rises and has a title after it. Taking all of
  // them is then the one best chain (any other drops a full-score node or takes a shortened reading), so the
  // search below is skipped.
  let clean = true;
  for (let k = 0; clean && k < cands.length; k++) {
    const node = nodes[k]![0]!;
    const prev = k > 0 ? nodes[k - 1]![0]! : undefined;
    clean = node.score === 10 && titledGap[k]! && (!prev || (prev.time < node.time && node.time - prev.time <= 3 * 3600));
    if (clean && prev) node.prev = prev;
  }
  if (clean) best = nodes[cands.length - 1]![0]!;
  else {
    // What fitsBetween reads for every pair the search weighs, in flat arrays rather than behind two objects each:
    // the first reading's time, and whether strong context leaves the candidate out of the count.
    const firstTimes = new Float64Array(cands.length);
    const counted = new Uint8Array(cands.length);
    for (let k = 0; k < cands.length; k++) {
      firstTimes[k] = nodes[k]![0]!.time;
      counted[k] = cands[k]!.context !== 'strong' ? 1 : 0;
    }
    for (let j = 0; j < cands.length; j++) {
      for (const node of nodes[j]!) {
        node.prev = undefined;
        const own = node.score;
        for (let i = Math.max(0, j - LOOKBACK); i < j; i++) {
          for (const p of nodes[i]!) {
            if (p.time >= node.time) continue;
            // Every chapter of a time-first list has a title: neighbours with nothing between are not both starts.
            if (i === j - 1 && !node.r.shortened && !titledGap[i]) continue;
            let s = p.score + own;
            if (node.time - p.time > 3 * 3600) s -= 12;
            // Skips only lower the score: no need to count them for a link that cannot win anyway.
            if (s <= node.score) continue;
            s -= SKIP_COST * fitsBetween(firstTimes, counted, i, j, p.time, node.time);
            if (s > node.score) {
              node.score = s;
              node.prev = p;
            }
          }
        }
        // A chain that stops before later times that would still fit leaves them in its last title.
        const final = node.score - SKIP_COST * fitsBetween(firstTimes, counted, j, Math.min(cands.length, j + LOOKBACK + 1), node.time, Infinity);
        if (!best || final > bestScore) {
          best = node;
          bestScore = final;
        }
      }
    }
  }
  const chain: Node[] = [];
  for (let n = best; n; n = n.prev) chain.push(n);
  chain.reverse();
  if (chain.length < 2) return undefined;

  const lineStart = lines.starts[line]!;
  const lineEnd = lines.end(line);
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  const firstCand = cands[first.ci]!;
  const lastCand = cands[last.ci]!;
  const atStart = !first.r.shortened && isDecor(text.slice(lineStart, firstCand.outerStart));
  const titleFirst = !atStart && isClosing(text.slice(spanEnd(lastCand), lineEnd));
  const preamble = text.slice(lineStart, segmentEnd(firstCand, first.r));
  const prevLine = line > 0 ? lines.get(line - 1) : '';
  const header = Math.max(headerStrength(preamble.slice(-60)), headerStrength(prevLine));

  const entries: Entry[] = chain.map((n, k) => {
    const c = cands[n.ci]!;
    let titleStart: number;
    let titleEnd: number;
    if (titleFirst) {
      titleStart = k === 0 ? lineStart : spanEnd(cands[chain[k - 1]!.ci]!);
      titleEnd = segmentEnd(c, n.r);
    } else {
      titleStart = spanEnd(c);
      const next = chain[k + 1];
      titleEnd = next ? segmentEnd(cands[next.ci]!, next.r) : lineEnd;
    }
    const { time, r } = n;
    return { kind: 'flat', time, written: r.seconds, cand: c, line, titleStart, titleEnd, header, numbered: titleFirst };
  });

  if (titleFirst) {
    // The first title starts after the prose before the list: cut at the last sentence or label boundary.
    const head = entries[0]!;
    const lead = text.slice(head.titleStart, head.titleEnd);
    const boundary = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf(': '), lead.lastIndexOf('! '), lead.lastIndexOf('? '));
    if (boundary !== -1) head.titleStart += boundary + 2;
    if (entries.slice(1).some((e) => startsLikeProse(text.slice(e.titleStart, e.titleEnd)))) return undefined;
  } else {
    const tail = entries[entries.length - 1]!;
    tail.titleEnd = tail.titleStart + cutTrailingMatter(text.slice(tail.titleStart, tail.titleEnd)).length;
    // Flattening joined each title to the description under it: "Rigor at Sea" + "She explains …".
    for (const e of entries) {
      const cut = gluedSentence(text.slice(e.titleStart, e.titleEnd));
      if (cut > 0) e.titleEnd = e.titleStart + cut;
    }
  }

  const titled = entries.filter((e) => hasWords(text.slice(e.titleStart, e.titleEnd))).length;
  if (mostlyExcluded(entries)) return undefined;
  const startsAtZero = entries[0]!.time < 1;
  const plausible = entries.length >= 3 || header > 0 || startsAtZero;
  if (!plausible || titled < entries.length * 0.8) return undefined;
  return entries;
}

/** A reading of a candidate in a flattened line's chain search. */
interface Node { ci: number; r: Reading; time: number; score: number; prev: Node | undefined }

/**
 * Candidates strictly between two chain members whose time would fit between theirs: skipping one needs a
 * reason ("Why 5:50 is the new 6:00" inside a title is skipped for free, as 5:50 cannot follow 8:00).
 */
function fitsBetween(firstTimes: Float64Array, counted: Uint8Array, i: number, j: number, lo: number, hi: number): number {
  let n = 0;
  for (let k = i + 1; k < j; k++) {
    const t = firstTimes[k]!;
    if (t > lo && t < hi) n += counted[k]!;
  }
  return n;
}

/** More than half of the times have clock, score or verse words around them: prose, not a list. */
function mostlyExcluded(entries: Entry[]): boolean {
  let excluded = 0;
  for (const e of entries) if (e.cand.excluded) excluded++;
  return excluded * 2 > entries.length;
}

const family = (e: Entry): string => (e.kind === 'trail' ? 'title-first' : e.kind === 'flat' ? 'flat' : 'time-first');

/** Step 4a: consecutive entries form one block until the times start over, the layout flips or a long gap. */
function groupBlocks(entries: Entry[], lines: Lines): Entry[][] {
  const blocks: Entry[][] = [];
  let cur: Entry[] = [];
  // Line lists and flattened lists are different layouts: a line entry after a flattened list starts anew.
  for (const e of entries) {
    const prev = cur[cur.length - 1];
    // A seek link that goes back amid a list of written times points into another video ("[Talk](…?t=69)" in a
    // chapter's links): it is left out rather than starting a list of its own.
    if (prev && e.cand.form === 'link' && e.time < prev.time && cur.every((x) => x.cand.form !== 'link')) continue;
    if (prev) {
      const first = cur[0]!;
      // Starting over at the list's first time starts another list, and so does a step back after a break (a
      // blank line, a "Sponsors:" heading); a step back on the very next line is a list written out of order (a
      // segment moved), judged as a whole by `consistent`.
      let restarts = e.time < prev.time && (e.time <= first.time + 1 || e.line > prev.line + 1);
      // Entries that stand apart (headings with paragraphs between them) where one is out of place: when this
      // time still follows the one before the previous entry, that entry is the odd one, not a new list's start
      // — unless a label between them ("Sponsors:") announces another list.
      if (restarts && cur.length >= 2 && e.time > first.time + 1 && standsApart(cur, e) && !labelBetween(lines, prev.line, e.line)) restarts = false;
      const gap = lines.moreFilledBetween(prev.line, e.line, MAX_GAP_LINES);
      // A seek link takes its layout from its line (a list may link some titles and write times for others).
      // A time alone on its line takes its title from the line above or below (placeBareTitles): either family's.
      const flips = family(e) !== family(prev) && e.cand.form !== 'link' && prev.cand.form !== 'link' && e.kind !== 'bare' && prev.kind !== 'bare';
      if (restarts || gap || flips) {
        blocks.push(cur);
        cur = [];
      }
    }
    cur.push(e);
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/**
 * Whether `e` continues `cur` past one entry out of place: its time follows the entry before the previous one, it is
 * written in the same form, and the list's entries were already set apart by other lines, as `e` is.
 */
function standsApart(cur: readonly Entry[], e: Entry): boolean {
  const prev = cur[cur.length - 1]!;
  const before = cur[cur.length - 2]!;
  return e.time > before.time && prev.line > before.line + 1 && e.cand.form === prev.cand.form && e.cand.form === before.cand.form;
}

/** Lines read between two entries for a label that would start another list. */
const LABEL_LOOKBACK = 12;

/** A line between two entries' lines that labels what follows ("Sponsors:", "Music", "Chapters"). */
function labelBetween(lines: Lines, from: number, to: number): boolean {
  for (let l = Math.max(from + 1, to - LABEL_LOOKBACK); l < to; l++) {
    const line = lines.get(l);
    if (/[:：]\s*$/.test(line) || headerStrength(line) !== 0) return true;
  }
  return false;
}

/**
 * Step 4b: titles for a block. A time alone on its line takes its title from a neighbouring line: the next
 * one by default (Oxide, Syntax), the previous one when those are headings (Podlove OSF `<h2>Title</h2> 00:01:21`).
 */
function resolveBlock(entries: Entry[], norm: ReadText, lines: Lines, headingLines: LazyHeadings): Block {
  const { text } = norm;
  if (entries.some((e) => e.kind === 'bare')) placeBareTitles(entries, lines, headingLines.get());
  const kept: Entry[] = [];
  const titles: string[] = [];
  for (const e of entries) {
    if (e.titleEnd <= e.titleStart) continue;
    const title = withoutSecondsEcho(cleanTitle(text.slice(e.titleStart, e.titleEnd), e.numbered), e.time);
    if (!title) continue;
    kept.push(e);
    titles.push(title);
  }
  // Entries are in text order, so the first one's title (possibly on the line above it) opens the block.
  const firstLine = kept[0] ? lines.lineOf(Math.min(kept[0].titleStart, lines.starts[kept[0].line]!)) : 0;
  return { entries: kept, titles, firstLine, header: undefined };
}

/** "Harbour lights (915s)": the entry's own start again, in seconds, closing its title. */
const SECONDS_ECHO = /\s*[([](\d{1,6})\s?s(?:ec)?[)\]]$/;

/** The title without an echo of its start in seconds (pages built from a video's sections write them so). */
function withoutSecondsEcho(title: string, time: number): string {
  if (title.charCodeAt(title.length - 1) !== 41 && title.charCodeAt(title.length - 1) !== 93) return title;
  const m = SECONDS_ECHO.exec(title);
  return m && Math.abs(Number(m[1]) - time) <= 1 && m.index > 0 ? title.slice(0, m.index) : title;
}

/** Gives each time alone on its line the neighbouring line its block takes titles from (see resolveBlock). */
function placeBareTitles(entries: Entry[], lines: Lines, htmlHeadings: Uint8Array): void {
  const bare = entries.filter((e) => e.kind === 'bare');
  // HTML headings come from the markup; markdown ones are recognised from the line itself.
  const isHeading = (l: number) => htmlHeadings[l] === 1 || /^#{1,6}[ \t]/.test(lines.get(l));
  const timedLines = new Set(entries.map((e) => e.line));
  /** The nearest line with words above (-1) or below (1), and how many empty lines lie between. */
  const near = (line: number, step: 1 | -1): { line: number; gap: number } | undefined => {
    for (let l = line + step, seen = 0, gap = 0; l >= 0 && l < lines.count && seen < 3; l += step) {
      if (timedLines.has(l)) return undefined;
      if (!lines.filled(l)) {
        gap++;
        continue;
      }
      seen++;
      if (hasWords(lines.get(l))) return { line: l, gap };
    }
    return undefined;
  };
  const prevs = bare.map((e) => near(e.line, -1));
  const nexts = bare.map((e) => near(e.line, 1));
  const headed = prevs.filter((p) => p !== undefined && isHeading(p.line)).length;
  // A line that ends with a colon ("Opening:", "开场介绍：") introduces what follows it, when the line below the time
  // is farther off (an empty line between) or does not end with one too ("Intro:" under every time is the titles').
  const colon = (l: number) => /[:：]\s*$/.test(lines.get(l));
  const introduced = prevs.filter((p, i) => {
    const next = nexts[i];
    return p !== undefined && colon(p.line) && (next === undefined || !colon(next.line) || p.gap < next.gap);
  }).length;
  // Lines with colons on both sides: the direction that leaves fewer times without a title ("Opening:\n00:00\n
  // Tools:\n17:46" gives the last time no line below, "Timestamps:\n00:00\nIntro:\n…\n17:46\nTools:" one above).
  const colonAbove = prevs.filter((p) => p !== undefined && colon(p.line)).length;
  const untitled = (side: typeof prevs) => side.filter((l) => l === undefined).length;
  // Each time with the line right above it and an empty line below: the lines are grouped by the empty ones.
  const closerAbove = prevs.filter((p, i) => p !== undefined && nexts[i] !== undefined && p.gap < nexts[i]!.gap).length;
  const usePrev =
    headed * 2 > bare.length ||
    introduced * 2 > bare.length ||
    closerAbove * 2 > bare.length ||
    (colonAbove * 2 > bare.length && untitled(nexts) > untitled(prevs)) ||
    nexts.every((l) => l === undefined);
  bare.forEach((e, i) => {
    const l = (usePrev ? prevs[i] : nexts[i])?.line;
    if (l === undefined) return;
    e.titleStart = lines.starts[l]!;
    e.titleEnd = lines.end(l);
  });
}

/**
 * -1 a sponsor header, 0 none, 1 a track list's, 2 a chapter list's ("Chapters", "Timestamps", "目次"): from a
 * flattened list's own preamble, else from the two non-empty lines above the block. Only asked for when
 * several blocks compete.
 */
function blockHeader(b: Block, lines: Lines): number {
  let header = b.entries.reduce((h, e) => Math.max(h, e.header), 0);
  for (let l = b.firstLine - 1, seen = 0; header === 0 && l >= 0 && seen < 2; l--) {
    if (!lines.filled(l)) continue;
    seen++;
    header = headerStrength(lines.get(l));
  }
  return header;
}

function headerOf(b: Block, lines: Lines): number {
  return (b.header ??= blockHeader(b, lines));
}

/** A chapter header announces the block: it vouches for a short or unusual list. */
const announced = (b: Block, lines: Lines): boolean => headerOf(b, lines) >= 2;

/** Below this median step between entries a list counts seconds or verses, not chapters. */
const MIN_MEDIAN_STEP_S = 10;
/** Lists of lengths (songs, segments) stay under this. */
const MAX_LENGTH_S = 900;
/** Share of steps that may go back in a chapter list written out of order (a segment moved, a typo); one always may. */
const MAX_BACK_STEPS = 0.25;

/**
 * Whether a block's times read as positions in one episode. A chapter header vouches for a short list; without
 * one, the list must not:
 * - go back more than now and then (track lengths after song titles go up and down);
 * - step by a few seconds (verse numbers 1:10, 1:11, …), or sit in a narrow band of lengths far from the start;
 * - start at whole hours only (a schedule: "0h News, 6h Morning show, 12h …");
 * - name a day in most titles while starting late (a programme: "9 October: Some event (16:30)");
 * - be two entries far from the start, unless seek links ("Real time: 3:44:32", "Official time: 3:57:42");
 * - be written durations in loose forms ("5 min - whisk", "2 Min. - …") that do not start at zero;
 * - be seek links to different pages (a list of other videos' moments).
 */
function consistent(b: Block, lines: Lines): boolean {
  const times = b.entries.map((e) => e.time);
  const n = times.length;
  let back = 0;
  for (let i = 1; i < n; i++) if (times[i]! < times[i - 1]!) back++;
  if (back > Math.max(1, Math.floor((n - 1) * MAX_BACK_STEPS))) return false;
  if (!sameTarget(b) || pointsElsewhere(b, lines)) return false;
  const sorted = sortNumbers(times.slice());
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (b.entries.some((e) => e.cand.loose) && min > 0 && !announced(b, lines)) return false;
  // Each rule below asks for the header only once its list has failed it: most lists pass without one.
  if (n >= 3) {
    const steps: number[] = [];
    for (let i = 1; i < n; i++) steps.push(sorted[i]! - sorted[i - 1]!);
    sortNumbers(steps);
    // Far from the start, all under a quarter of an hour and spanning less than the part before them: the
    // lengths of songs or segments (3:55, 4:12, 5:01), not where they start.
    const fails =
      steps[Math.floor(steps.length / 2)]! < MIN_MEDIAN_STEP_S ||
      (min >= 60 && max < MAX_LENGTH_S && max - min < min) ||
      times.every((t) => t % 3600 === 0);
    if (fails && !announced(b, lines)) return false;
  }
  if (min >= 60 && b.titles.filter(hasDigit).length * 2 > n && b.titles.filter(hasDate).length * 2 > n && !announced(b, lines)) return false;
  // Two entries far from the start are as often two lengths or two results as a short list: they need a header,
  // or to be seek links into this page. Their times stay mentions either way.
  return n > 2 || min < 60 || announced(b, lines) || b.entries.every((e) => e.cand.linkTime !== undefined);
}

/** Lists this short are sorted by insertion: a sort with a comparator calls back into it for every comparison. */
const SHORT_SORT = 64;

/** Sorts numbers ascending in place (what `sort((x, y) => x - y)` does), for the short lists blocks are. */
function sortNumbers(xs: number[]): number[] {
  if (xs.length > SHORT_SORT) return xs.sort((x, y) => x - y);
  for (let i = 1; i < xs.length; i++) {
    const v = xs[i]!;
    let j = i - 1;
    for (; j >= 0 && xs[j]! > v; j--) xs[j + 1] = xs[j]!;
    xs[j + 1] = v;
  }
  return xs;
}

/** A line that is only an address ("- https://…/episodes/32/"), the address captured. */
const ADDRESS_LINE = /^\s*(?:[-*•·>]\s*)?<?(https?:\/\/\S+?)>?\s*$/;

/**
 * Times alone on their lines, most right under a line that is only an address, and those addresses differ: each
 * time points into the page above it ("ep32 …" / its address / "49:17 ~" / what is said there), not into this one.
 */
function pointsElsewhere(b: Block, lines: Lines): boolean {
  if (!b.entries.every((e) => e.kind === 'bare')) return false;
  const addresses = new Set<string>();
  let pointed = 0;
  for (const e of b.entries) {
    let l = e.line - 1;
    while (l >= 0 && !lines.filled(l)) l--;
    const m = l >= 0 ? ADDRESS_LINE.exec(lines.get(l)) : null;
    if (!m) continue;
    pointed++;
    addresses.add(m[1]!);
  }
  return pointed * 2 > b.entries.length && addresses.size >= 2;
}

/** Seek links whose text is a title must all point at one page (this episode), whatever their times. */
function sameTarget(b: Block): boolean {
  let target: string | undefined;
  for (const e of b.entries) {
    if (e.cand.form !== 'link') continue;
    const page = withoutSeek(e.cand.href ?? '');
    if (target === undefined) target = page;
    else if (page !== target) return false;
  }
  return true;
}


/** Step 4c: the table of contents is long, announced, starts near zero and has short titles (not a transcript). */
function blockScore(b: Block, header: number): number {
  let score = b.entries.length;
  if (transcriptLike(b)) score *= 0.15;
  // A chapter header outweighs sheer length: 4 announced chapters beat a 10-entry unannounced list.
  score *= [0.5, 1, 1.2, 3][header + 1]!;
  if (b.entries[0]!.time < 60) score *= 1.3;
  return score;
}

/** Long titles (median over 150 characters): speaker paragraphs of a transcript, not a table of contents. */
function transcriptLike(b: Block): boolean {
  const lengths = b.titles.map((t) => t.length).sort((x, y) => x - y);
  return (lengths[Math.floor(lengths.length / 2)] ?? 0) > 150;
}

function severalGroupsWarning({ b: chosen, header }: { b: Block; header: number }, others: Block[]): Warning {
  const where = (b: Block) => `line ${b.entries[0]!.line + 1}`;
  const why = [
    header > 0 ? 'announced by a header' : '',
    chosen.entries[0]!.time < 60 ? 'starts at the beginning' : '',
    transcriptLike(chosen) ? '' : 'short titles',
    `${chosen.entries.length} entries`,
  ].filter(Boolean).join(', ');
  const listed = others.slice(0, 3).map((b) => `${b.entries.length} at ${where(b)}`);
  if (others.length > 3) listed.push(`${others.length - 3} more`);
  const rest = listed.join('; ');
  return {
    code: 'several-groups',
    message: `Found ${others.length + 1} timed lists; used the one at ${where(chosen)} (${why}) as chapters and kept the others (${rest}) as links.`,
  };
}

function toChapters(block: Block, norm: ReadText, duration: number | undefined, warnings: Warning[]): Chapter[] {
  let linkDiffers = 0;
  let chapters: Chapter[] = block.entries.map((e, i) => {
    const written = e.written;
    if (e.cand.linkTime !== undefined && Math.abs(e.cand.linkTime - written) > 1) linkDiffers++;
    const chapter: Chapter = { startTime: e.time, title: block.titles[i]! };
    const url = titleLink(norm, e, chapter.title);
    if (url) chapter.url = url;
    return chapter;
  });
  if (linkDiffers > 0) {
    warnings.push({
      code: 'link-time-differs',
      message: `${linkDiffers} chapter time(s) were taken from their links' t= values, which differ from the text.`,
    });
  }
  if (chapters.some((c, i) => i > 0 && c.startTime < chapters[i - 1]!.startTime)) {
    warnings.push({ code: 'unordered', message: 'The list was not in time order; chapters were sorted by start.' });
    chapters = [...chapters].sort((a, b) => a.startTime - b.startTime);
  }
  const dupes = chapters.filter((c, i) => i > 0 && c.startTime === chapters[i - 1]!.startTime).length;
  if (dupes > 0) {
    warnings.push({ code: 'duplicate-start', message: `${dupes} chapter(s) start at the same time as the one before.` });
  }
  if (duration !== undefined) {
    const within = chapters.filter((c) => c.startTime < duration);
    if (within.length < chapters.length) {
      warnings.push({
        code: 'past-duration',
        message: `Dropped ${chapters.length - within.length} chapter(s) starting at or after the end of the episode.`,
      });
      chapters = within;
    }
  }
  chapters.forEach((c, i) => {
    const end = i + 1 < chapters.length ? chapters[i + 1]!.startTime : duration;
    if (end !== undefined) c.endTime = end;
  });
  return chapters;
}

/** A chapter's own link: one web link that makes up (nearly) all of its title, not a seek link. */
function titleLink(norm: ReadText, e: Entry, title: string): string | undefined {
  const { links } = norm;
  // Links are in text order and do not overlap: find the first one ending after the title starts.
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.end <= e.titleStart) lo = mid + 1;
    else hi = mid;
  }
  const link = links[lo];
  if (!link || link.start >= e.titleEnd) return undefined;
  const next = links[lo + 1];
  if (next && next.start < e.titleEnd) return undefined;
  if (!/^https?:\/\//i.test(link.href) || timeFromUrl(link.href) !== undefined) return undefined;
  return link.end - link.start >= title.length * 0.8 ? link.href : undefined;
}
