/**
 * Finds every string in the text that could be a timestamp, with the readings it allows and the context
 * that rules it out (clock times, ratios, verses, durations, URLs). Which ones are chapters is decided later,
 * by the layout of the whole text.
 */
import { isAsciiLetterCode, isDigitCode, isLetter } from './chars';
import type { ReadText } from './normalize';
import { timeFromUrl } from './time';

export type Context = 'none' | 'weak' | 'strong';

export interface Reading {
  seconds: number;
  /** Offset where this reading's digits start (later than the token's start when leading digits are title). */
  start: number;
  /** True when leading digits of the written token were left to the text before it (`part 21:02:03`). */
  shortened: boolean;
}

export interface Candidate {
  /** Offsets of the whole written token (`01:02:03.500`). */
  start: number;
  end: number;
  readings: Reading[];
  parts: 2 | 3;
  /** Extent including the wrapper, e.g. the brackets of `[@12:30]`. */
  outerStart: number;
  outerEnd: number;
  /** Wrapper kind, e.g. `(`, `[`, `[@`, `**`; '' when bare. */
  wrap: string;
  /** The seek time of a link whose text this is (`<a href="?t=750">12:30</a>`). */
  linkTime?: number;
  /**
   * Context suggests this is not a position in the episode (clock time, ratio, verse, score, duration). Soft:
   * a list entry keeps it when most of its list is clean ("Cold open (00:00)"), a lone time loses it.
   */
  excluded: boolean;
  /** How strong that evidence is (see `contextOf`). */
  context: Context;
  /** The other end of a range written `00:00–05:30`. */
  rangeEnd?: Candidate;
  /** True for the second time of a range; it never starts a chapter. */
  isRangeEnd: boolean;
  /** Set by the parser when this time starts a chapter (so it is not also a mention). */
  used: boolean;
  /**
   * How the time is written: `clock` (`12:30`), `human` (`12m30s`, `2 Min.`, `12'30"` leading a line) or `link`
   * (a seek link whose text is a title, not a time: `<a href="?t=750">Interview</a>`). Only clock times are
   * also offered as mentions, as only they are linked in the notes.
   */
  form: 'clock' | 'human' | 'link';
  /** A written duration in a loose form ("5 min", "2 Min.", "13m"): a list of them must start at zero or be announced. */
  loose: boolean;
  /** The link a `link` time comes from. */
  href: string | undefined;
}

const isDigitAt = (text: string, i: number): boolean => isDigitCode(text.charCodeAt(i));
const isColonAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 58 || c === 0xff1a;
};

/**
 * Finds time-like tokens (`\d+(?:[:：]\d+)+(?:\.\d+)?`, leftmost and non-overlapping) by jumping from colon to
 * colon with indexOf, which searches far faster than a regex tries every position. Linear: each character is
 * looked at a bounded number of times, also on runs of "1:2:3:4:…".
 */
class TokenScanner {
  private colon = -2;
  private wide = -2;
  pos = 0;

  constructor(private readonly text: string) {}

  /** Where the last token found ends. */
  end = 0;

  /** The start of the next token (its end in `end`), or -1: a number, not a pair, as hostile notes hold 10 000s. */
  next(): number {
    const { text } = this;
    for (;;) {
      if (this.colon !== -1 && this.colon < this.pos) this.colon = text.indexOf(':', this.pos);
      if (this.wide !== -1 && this.wide < this.pos) this.wide = text.indexOf('：', this.pos);
      const c = this.colon === -1 ? this.wide : this.wide === -1 ? this.colon : Math.min(this.colon, this.wide);
      if (c === -1) return -1;
      if (c === this.pos || !isDigitAt(text, c - 1) || !isDigitAt(text, c + 1)) {
        this.pos = c + 1;
        continue;
      }
      let start = c - 1;
      while (start > this.pos && isDigitAt(text, start - 1)) start--;
      let end = c + 1;
      while (isDigitAt(text, end)) end++;
      while (isColonAt(text, end) && isDigitAt(text, end + 1)) {
        end++;
        while (isDigitAt(text, end)) end++;
      }
      if (text.charCodeAt(end) === 46 && isDigitAt(text, end + 1)) {
        end++;
        while (isDigitAt(text, end)) end++;
      }
      this.pos = end;
      this.end = end;
      return start;
    }
  }
}

// Context that says a time is not a position in the episode. The word before a time is read by a short
// backwards scan (a `…$` regex would retry from every position, per candidate); the word after, by a lookup.
const words = (list: string): Set<string> => new Set(list.split('|'));
const CLOCK_BEFORE = words('at|from|until|till|til|by|um|ab|bis|gegen|à|starting|starts|doors|open|opens|tonight|today|tomorrow|a las|alle');
const SCORE_BEFORE = words('score|scored|scores|won|lost|beat|beats|defeated|vs|versus|halftime|final score');
const RATIO_BEFORE = words('aspect|ratio|verhältnis|seitenverhältnis|ratio of|aspect ratio');
const DURATION_BEFORE = words(
  'dauer|duration|length|länge|laufzeit|runtime|running time|run time|durée|duración|durata|spielzeit|total|total time|runs|lasts',
);
const VERSE_BEFORE = words(
  'genesis|exodus|leviticus|numbers|deuteronomy|joshua|judges|ruth|samuel|kings|chronicles|ezra|nehemiah|esther|job|' +
    'psalm|psalms|proverbs|ecclesiastes|isaiah|jeremiah|lamentations|ezekiel|daniel|hosea|joel|amos|obadiah|jonah|' +
    'micah|nahum|habakkuk|zephaniah|haggai|zechariah|malachi|matthew|mark|luke|john|acts|romans|corinthians|' +
    'galatians|ephesians|philippians|colossians|thessalonians|timothy|titus|philemon|hebrews|james|peter|jude|' +
    'revelation|matthäus|markus|lukas|johannes|offenbarung|gen|matt|rom|rev|ps|cor|jn|mt|mk|lk',
);
/** Last words of the two-word phrases above: only after one of these is a two-word key built. */
const SECOND_WORDS = new Set(
  [...CLOCK_BEFORE, ...SCORE_BEFORE, ...RATIO_BEFORE, ...DURATION_BEFORE, ...VERSE_BEFORE]
    .filter((p) => p.includes(' '))
    .map((p) => p.split(' ').pop()!),
);
// Words right after a time, looked up whole (a prefix match would take "Höhepunkte" for "h"). Each counts only in
// the case it is written in as a unit, since a capital more likely starts a title: "am"/"pm"/"Uhr" in any case;
// "h"/"hr" in lower case ("12:30 H. P. Lovecraft" is a title); time zones in capitals ("1:00 Et voilà" is one
// too); ratio, duration and score words in lower case ("04:30 Video editing", "03:15 Win of the week").
const CLOCK_ANY_CASE = words('am|pm|uhr');
const LOWER_AFTER = words(
  'h|hr|hrs|monitor|display|screen|aspect|ratio|format|video|vertical|widescreen|bildformat|seitenverhältnis|long|' +
    'lang|minute|minutes|min|mins|hour|hours|stunden|minuten|std|win|victory|defeat|loss|lead|sieg|niederlage',
);
const UPPER_AFTER = words('UTC|GMT|CET|CEST|EST|EDT|PST|PDT|CST|CDT|BST|JST|IST|AEST|ET|PT|CT|MEZ');
/**
 * By ASCII letter (lower-cased): bit 1 when a word above starts with it in capitals, bit 2 in lower case. Most
 * title words are ruled out by this one lookup.
 */
const AFTER_FIRST = new Uint8Array(26);
for (const w of [...CLOCK_ANY_CASE, ...UPPER_AFTER, 'o']) AFTER_FIRST[(w.charCodeAt(0) | 32) - 97]! |= 1;
for (const w of [...CLOCK_ANY_CASE, ...LOWER_AFTER, 'o']) if (isAsciiLetterCode(w.charCodeAt(0))) AFTER_FIRST[w.charCodeAt(0) - 97]! |= 2;
/** "a.m.", "p.m.", "o'clock": units written with punctuation. */
const CLOCK_PUNCT_AFTER = /^\s?(?:[ap]\.m\.?|o'clock)/i;

/** What may stand between a context word and its time: spaces, a colon or `=` (durations), quotes, a dot. */
const SEP_CHARS = new Set(' \t\n\u00a0:="\'„“.');

/**
 * Whether a letter stands before the separators that end at `pos` (as wordsBefore skips them): without one there is
 * no word before a time, which most times in lists ("- 12:30", "(12:30)") have, and no strings need making.
 */
function letterBeforeSeparators(text: string, pos: number): boolean {
  let i = pos;
  while (i > 0 && pos - i < 6 && SEP_CHARS.has(text[i - 1]!)) i--;
  return i > 0 && isLetter(text[i - 1]!);
}

/** The word right before `pos`, the two words when they can form a phrase, and what separates them from it. */
function wordsBefore(text: string, pos: number): { sep: string; one: string; two: string | undefined } {
  let i = pos;
  while (i > 0 && pos - i < 6 && SEP_CHARS.has(text[i - 1]!)) i--;
  const sep = text.slice(i, pos);
  let j = i;
  while (j > 0 && i - j < 24 && isLetter(text[j - 1]!)) j--;
  const one = text.slice(j, i).toLowerCase();
  // Two-word keys are built only when the word can end one ("a las", "final score"): fresh strings hash slowly.
  if (!SECOND_WORDS.has(one)) return { sep, one, two: undefined };
  let k = j;
  while (k > 0 && j - k < 2 && text[k - 1] === ' ') k--;
  let m = k;
  while (m > 0 && k - m < 24 && isLetter(text[m - 1]!)) m--;
  return { sep, one, two: k < j ? `${text.slice(m, k).toLowerCase()} ${one}` : undefined };
}

/**
 * What the words around a time say: 'strong' when they name it a clock time, ratio, duration or score
 * ("10:30 pm", "16:18 monitor", "Dauer: 2:40:19"); 'weak' for a bare word before it ("from 13:30", "John 3:16"),
 * which in a flattened list is as likely the end of the previous title ("Cold open 3:10").
 */
function contextOf(text: string, start: number, end: number): Context {
  const after = text.charCodeAt(end) === 32 ? end + 1 : end;
  const code = text.charCodeAt(after);
  const upper = code >= 65 && code <= 90;
  const first = isAsciiLetterCode(code) ? AFTER_FIRST[(code | 32) - 97]! & (upper ? 1 : 2) : code > 127 ? 3 : 0;
  if (after < text.length && first !== 0 && isLetter(text[after]!)) {
    let e = after;
    while (e < text.length && e - after < 20 && isLetter(text[e]!)) e++;
    const word = text.slice(after, e);
    if (e - after < 20 && !isDigitCode(text.charCodeAt(e))) {
      const lower = word.toLowerCase();
      if (CLOCK_ANY_CASE.has(lower) || (word === lower && LOWER_AFTER.has(word)) || UPPER_AFTER.has(word)) return 'strong';
    }
    if (e - after === 1 && CLOCK_PUNCT_AFTER.test(text.slice(end, end + 10))) return 'strong';
  }
  if (start === 0 || !SEP_CHARS.has(text[start - 1]!) || text.charCodeAt(start - 1) === 10) return 'none';
  if (!letterBeforeSeparators(text, start)) return 'none';
  const { sep, one, two } = wordsBefore(text, start);
  if (!one) return 'none';
  // "Dauer: 2:40:19", "duration=1:00:00", 'duration: "53:43"': a label names a duration.
  if (/^\s*[:=]\s*["'„“]?$/.test(sep) && hasKey(DURATION_BEFORE, one, two)) return 'strong';
  // Otherwise only a word a space away counts; glued ("Why tabs won11:45") it ends a flattened title.
  if (!/^\.?\s+$/.test(sep)) return 'none';
  return hasKey(CLOCK_BEFORE, one, two) ||
    hasKey(SCORE_BEFORE, one, two) ||
    hasKey(RATIO_BEFORE, one, two) ||
    hasKey(VERSE_BEFORE, one, two) ||
    hasKey(DURATION_BEFORE, one, two)
    ? 'weak'
    : 'none';
}

/**
 * The word, or the two words, in a set. Module-level functions rather than closures in the hot paths throughout:
 * a closure is made (and, under tsx's keepNames, named by a defineProperty) on every call of its outer function.
 */
const hasKey = (set: Set<string>, one: string, two: string | undefined): boolean =>
  set.has(one) || (two !== undefined && set.has(two));

/** Characters that end a URL (and so a scan back through one), CJK punctuation and spaces included. */
const isUrlStop = (c: number): boolean =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 60 || c === 62 || c === 34 ||
  c === 0x3000 || c === 0x3001 || c === 0x3002 || c === 0xff0c || c === 0xff09 || c === 0x300d || c === 0x3011;

/**
 * Tracks whether each time sits inside a URL (`overcast.fm/+abc/16:45`), scanning back from the time to the
 * start of its word. A scan stops at the previous time when both share a word, and takes over that time's
 * answer plus what lies between, so glued input ("a0:00ba0:00b…") costs the text's length, not its square.
 */
class UrlTracker {
  private prevStart = -1;
  private prevWordStart = 0;
  private prevInUrl = false;

  constructor(private readonly text: string) {}

  inUrl(start: number): boolean {
    const { text } = this;
    let i = start;
    while (i > 0 && !isUrlStop(text.charCodeAt(i - 1))) {
      if (i - 1 === this.prevStart) {
        const inUrl = this.prevInUrl || hasScheme(text, this.prevStart, start);
        return this.remember(start, this.prevWordStart, inUrl);
      }
      i--;
    }
    return this.remember(start, i, hasScheme(text, i, start) || startsWithWww(text, i));
  }

  private remember(start: number, wordStart: number, inUrl: boolean): boolean {
    this.prevStart = start;
    this.prevWordStart = wordStart;
    this.prevInUrl = inUrl;
    return inUrl;
  }
}

/** `://` within [from, to): checked by hand, as indexOf would search on past `to`. */
const hasScheme = (text: string, from: number, to: number): boolean => {
  for (let i = from; i + 2 < to; i++) {
    if (text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) return true;
  }
  return false;
};
const startsWithWww = (text: string, at: number): boolean => (text.charCodeAt(at) | 32) === 119 && /^www\./i.test(text.slice(at, at + 4));

/** The closing mark for each opening one a time may be wrapped in. `@` closes with nothing (`- @2:25`). */
const CLOSERS: Record<string, string> = {
  '(': ')', '[': ']', '【': '】', '（': '）', '〔': '〕', '{': '}', '*': '*', _: '_', '`': '`', '<': '>', '@': '',
};

/** Finds the wrapper around a token: `(12:30)`, `[@12:30]`, `**12:30**`, `(00:00 )`. */
function findWrap(text: string, start: number, end: number): { wrap: string; outerStart: number; outerEnd: number } {
  let l = start;
  while (l > 0 && text.charCodeAt(l - 1) === 32) l--;
  const last = l > 0 ? text[l - 1]! : '';
  const single = CLOSERS[last];
  if (single === undefined) return { wrap: '', outerStart: start, outerEnd: end };
  // Two-character openers: "[@" and "**".
  const pair = l > 1 ? text[l - 2]! + last : '';
  const open = pair === '[@' || pair === '**' ? pair : last;
  const close = pair === '[@' ? ']' : pair === '**' ? '**' : single;
  if (close === '') return { wrap: open, outerStart: l - 1, outerEnd: end };
  let r = end;
  while (r < text.length && text.charCodeAt(r) === 32) r++;
  if (text.startsWith(close, r)) return { wrap: open, outerStart: l - open.length, outerEnd: r + close.length };
  // "[@" without its "]" may still be a plain "@" ("- [@2:25(…" is rare, "@2:25" in a link label is not).
  return open === '[@' ? { wrap: '@', outerStart: l - 1, outerEnd: end } : { wrap: '', outerStart: start, outerEnd: end };
}

/** A tilde or wave dash right after a time with no second time after it: the time opens a range left open. */
function openRangeMark(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 126 && c !== 0x301c && c !== 0xff5e) return false;
  let k = end + 1;
  while (text.charCodeAt(k) === 32) k++;
  return !isDigitAt(text, k);
}

// Dashes (and WebVTT's arrow) on the same line. Not words such as "to": a title "to" must not join two times.
// A tab alone is a table's start and end cells ("00:00 | 05:00 | Intro").
const RANGE_SEP = /^[ \t]*(?:-->|[-–—~〜])[ \t]*$|^\t$/;
/**
 * `/ = # & % +` right before a time: it is part of a path or query, not text. Not `?`: in a URL a query's
 * value follows `=`, while in flattened notes a question ends a title ("…the LLM era?03:14 — Embodiment").
 */
const isUrlPunct = (c: number): boolean => c === 47 || c === 61 || c === 35 || c === 38 || c === 37 || c === 43;

/**
 * Reads the token `text[start, end)`, such as `01:02:03.500`: where its leading digits end (its first colon) and
 * the seconds the other fields add. Undefined when it is no time: four fields, fields after the first not two
 * digits below 60, long fractions. Read in place: hostile notes hold tens of thousands of tokens, and a string per
 * token cost more than the reading.
 */
function parseToken(text: string, start: number, end: number): { parts: 2 | 3; colon: number; rest: number; fraction: number } | undefined {
  let dot = -1;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 46) {
      dot = i;
      break;
    }
  }
  const clockEnd = dot === -1 ? end : dot;
  if (dot !== -1 && end - dot - 1 > 3) return undefined;
  let colon = -1;
  for (let i = start; i < clockEnd; i++) {
    if (isColonAt(text, i)) {
      colon = i;
      break;
    }
  }
  let rest = 0;
  let fields = 1;
  for (let i = colon; i < clockEnd; i += 3) {
    // Each later field is a separator and exactly two digits.
    if (i + 3 > clockEnd || (i + 3 < clockEnd && !isColonAt(text, i + 3))) return undefined;
    const v = (text.charCodeAt(i + 1) - 48) * 10 + (text.charCodeAt(i + 2) - 48);
    if (v > 59) return undefined;
    rest = rest * 60 + v;
    fields++;
  }
  if (fields > 3) return undefined;
  let fraction = 0;
  if (dot !== -1) {
    // Up to three digits: the same value as Number("0.xyz").
    let digits = 0;
    let scale = 1;
    for (let i = dot + 1; i < end; i++) {
      digits = digits * 10 + text.charCodeAt(i) - 48;
      scale *= 10;
    }
    fraction = digits / scale;
  }
  return { parts: fields as 2 | 3, colon, rest, fraction };
}

/** `. : ; ! ? ,` right before `at`, after a letter: digits from `at` on begin something new rather than end a word. */
function endsSentence(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  return (c === 46 || c === 58 || c === 59 || c === 33 || c === 63 || c === 44) && isLetter(text[at - 2] ?? ' ');
}

/** Whether a reading of these seconds is already listed (a loop: `some` made a closure per reading tried). */
function hasSeconds(readings: Reading[], seconds: number): boolean {
  for (const r of readings) if (r.seconds === seconds) return true;
  return false;
}

/**
 * Real notes hold a few hundred times at most (a long transcript, a few thousand). Past this many the text is
 * not show notes; reading on would only let hostile input buy time. The parser warns when it stops here.
 */
export const MAX_CANDIDATES = 10_000;

/** Where the text's lines start (the parser's own line index, so the text is split into lines once). */
export interface LineStarts {
  readonly starts: Int32Array;
  readonly count: number;
}

export function findCandidates(norm: ReadText, lines: LineStarts): { candidates: Candidate[]; truncated: boolean } {
  const { text, links } = norm;
  const urls = new UrlTracker(text);
  const out: Candidate[] = [];
  let linkIdx = 0;
  // Each link's seek time, read once: a time written inside a seek link and the link itself both ask for it.
  const seeks = links.map((l) => timeFromUrl(l.href));
  const scanner = new TokenScanner(text);
  let start: number;
  for (start = scanner.next(); start !== -1 && out.length < MAX_CANDIDATES; start = scanner.next()) {
    const end = scanner.end;
    if (isUrlPunct(text.charCodeAt(start - 1)) || text.charCodeAt(end) === 47) continue;
    const token = parseToken(text, start, end);
    if (!token) continue;
    // A time in brackets right after an address ("…/wirecutter/Sprungmarken(00:00:00) Intro") starts a flattened
    // entry: addresses hold no bracketed times. So does one after a word and a colon ("…example.org/Timestamps:00:00
    // Intro", a label glued to the address before it): addresses hold no `word:00:00` either.
    if (urls.inUrl(start) && !bracketed(text, start, end) && !labelled(text, start)) continue;

    const { parts, colon, rest, fraction } = token;
    const leadLength = colon - start;
    const maxLead = parts === 2 ? 3 : 2;
    const readings: Reading[] = [];
    // Every suffix of the leading digits is a reading: in flattened text the digits before the colon may end
    // the previous title ("part 21:02:03" is "part 2" + "1:02:03"). Layout and consistency pick one later.
    for (let len = Math.min(leadLength, maxLead); len >= 1; len--) {
      // Leftover digits right after a sentence's punctuation ("…evidence-based.22:15", "talk about:10:45") end no
      // title: the whole number is the time. After a digit ("Web 2.01:02:03"), a letter or a space they may.
      if (len < leadLength && endsSentence(text, start)) continue;
      let value = 0;
      for (let k = colon - len; k < colon; k++) value = value * 10 + text.charCodeAt(k) - 48;
      if (len === 3 && text.charCodeAt(colon - 3) === 48) continue;
      const seconds = value * (parts === 2 ? 60 : 3600) + rest + fraction;
      if (hasSeconds(readings, seconds)) continue;
      readings.push({ seconds, start: colon - len, shortened: len < leadLength });
    }
    if (readings.length === 0) continue;

    while (linkIdx < links.length && links[linkIdx]!.end <= start) linkIdx++;
    const link = links[linkIdx];
    const linkTime = link && link.start <= start && end <= link.end ? seeks[linkIdx] : undefined;
    // "1:02:03h" carries a duration's hour mark ("10:30h" is a clock time, read by contextOf below).
    const hourMark = parts === 3 && text.charCodeAt(end) === 104 && !isLetter(text[end + 1] ?? ' ');
    // "(7:26~)", "7:26〜": a start written as an open range (Japanese notes) ends at its mark; a range's second
    // time after the mark ("7:26~9:10") leaves the mark to markRanges.
    const tokenEnd = hourMark ? end + 1 : openRangeMark(text, end) ? end + 1 : end;
    const wrap = findWrap(text, start, tokenEnd);
    // A seek link's text is a position in the episode whatever words stand around it ("starts at 4:29").
    const context = linkTime === undefined && !hourMark ? contextOf(text, wrap.outerStart, wrap.outerEnd) : 'none';
    out.push({
      start,
      end: tokenEnd,
      readings,
      parts,
      wrap: wrap.wrap,
      outerStart: wrap.outerStart,
      outerEnd: wrap.outerEnd,
      linkTime,
      excluded: context !== 'none',
      context,
      // Every field is set here, so all candidates share one hidden class (V8 keeps the code monomorphic).
      rangeEnd: undefined,
      isRangeEnd: false,
      used: false,
      form: 'clock',
      loose: false,
      href: undefined,
    });
  }
  const human = humanTimes(text, lines);
  const linked = linkTimes(norm, seeks, out);
  const extra = linked.length === 0 ? human : human.length === 0 ? linked : human.concat(linked);
  const merged = extra.length === 0 ? out : mergeByStart(out, extra);
  const all = merged.length > MAX_CANDIDATES ? merged.slice(0, MAX_CANDIDATES) : merged;
  markRanges(text, all);
  // Stopped at the cap with tokens left: say so. Exactly MAX_CANDIDATES tokens is not a truncation.
  return { candidates: all, truncated: start !== -1 || merged.length > MAX_CANDIDATES };
}

function mergeByStart(a: Candidate[], b: Candidate[]): Candidate[] {
  b.sort((x, y) => x.start - y.start);
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!);
  return out;
}

function plainCandidate(
  start: number,
  end: number,
  seconds: number,
  form: Candidate['form'],
  text: string,
  extra: { linkTime?: number; href?: string; loose?: boolean } = {},
): Candidate {
  const wrap = form === 'link' ? { wrap: '', outerStart: start, outerEnd: end } : findWrap(text, start, end);
  return {
    start,
    end,
    readings: [{ seconds, start, shortened: false }],
    parts: seconds >= 3600 ? 3 : 2,
    wrap: wrap.wrap,
    outerStart: wrap.outerStart,
    outerEnd: wrap.outerEnd,
    linkTime: extra.linkTime,
    excluded: false,
    context: 'none',
    rangeEnd: undefined,
    isRangeEnd: false,
    used: false,
    form,
    loose: extra.loose ?? false,
    href: extra.href,
  };
}

// Durations written for people, at the start of a line: `1h02m30s`, `2m40s`, `13m`, `0s`, `1 h 2 min`, `2 Min.`,
// `16 min`, and `12'30"`. Groups: minutes and seconds of the quote form; then hours, minutes, seconds.
const HUMAN_AT =
  /(\d{1,3})['’′](\d{2})(?:["”″]|'')?|(?:(\d{1,2})[ \u00a0]?(?:stunden|stunde|heures|heure|horas|hora|hours|hour|hrs|hr|h|std)\.?[ \u00a0]?)?(?:(\d{1,3})[ \u00a0]?(?:minuten|minutes|minute|mins|min|m)\.?[ \u00a0]?)?(?:(\d{1,2})[ \u00a0]?(?:sekunden|seconds|second|secs|sec|sek|s)\.?)?/iy;
/** What may stand before a written duration that leads its line: bullets, markdown or brackets (at most 8). */
const isHumanLeadCode = (c: number): boolean =>
  c === 32 || c === 9 || c === 45 || c === 42 || c === 62 || c === 43 || c === 35 || c === 124 || c === 95 ||
  c === 91 || c === 40 || (c > 127 && (c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 0x3010 || c === 0xff08 || c === 0xa0));
const MAX_HUMAN_LEAD = 8;
const isHumanUnitCode = (c: number): boolean =>
  c === 39 || c === 0x2019 || c === 0x2032 || c === 104 || c === 109 || c === 115 || c === 72 || c === 77 || c === 83;

/** Where a line's first mark after its bullets and brackets is (at most MAX_HUMAN_LEAD of them), or -1. */
function humanLeadEnd(text: string, lineStart: number): number {
  let i = lineStart;
  while (isHumanLeadCode(text.charCodeAt(i))) {
    if (i - lineStart === MAX_HUMAN_LEAD) return -1;
    i++;
  }
  return i;
}

/**
 * Where a line that may lead with a written duration has its number: after at most 8 bullets, markdown marks or
 * brackets, 1 to 3 digits then (a space and) a unit (`'`, h, m, s, "std"), or ":00" not followed by a digit. -1
 * for any other line. Checked by hand per line start: most lines fail on their first character, and a regex tried
 * at every line break cost more than the rest of the search for times.
 */
function humanLineStart(text: string, lineStart: number): number {
  const i = humanLeadEnd(text, lineStart);
  if (i === -1) return -1;
  if (isColonAt(text, i)) return isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && !isDigitAt(text, i + 3) ? i : -1;
  let d = i;
  while (isDigitAt(text, d)) if (++d - i > 3) return -1;
  if (d === i) return -1;
  const c = text.charCodeAt(d);
  if (c === 32 || c === 160) return isHumanUnitCode(text.charCodeAt(d + 1)) ? i : -1;
  return isHumanUnitCode(c) ? i : -1;
}
/**
 * "* 0: Intro" above "* 15:10: Games": a list's first start written as a bare zero, read only when the next line,
 * after the same bullet, starts with a clock time. Where the zero is, or -1.
 */
function bareZero(text: string, lineStart: number, nextStart: number): number {
  if (nextStart === -1) return -1;
  const i = humanLeadEnd(text, lineStart);
  if (i === -1 || text.charCodeAt(i) !== 48) return -1;
  const after = text.charCodeAt(i + 1);
  // "0: Title", "0 Title", "0 - Title": the zero stands alone before its title.
  if (!(after === 32 || after === 58 || after === 9)) return -1;
  let k = i + 1;
  while (k < nextStart && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 58 || text.charCodeAt(k) === 45 || text.charCodeAt(k) === 9)) k++;
  if (k >= nextStart - 1 || !isLetter(text[k]!) || JOINER_AFTER.test(text.slice(k - 1, k + 8))) return -1;
  const lead = text.slice(lineStart, i);
  if (!text.startsWith(lead, nextStart)) return -1;
  const t = nextStart + lead.length;
  return CLOCK_START.test(text.slice(t, t + 9)) ? i : -1;
}
/** A clock time at the start of a text ("15:10", "1:02:03"). */
const CLOCK_START = /^\d{1,2}:[0-5]\d(?![\d])/;

/** What tells that a written duration is a list entry's time: a separator after it ("13m - Title"). */
const HUMAN_SEPARATOR = /^[*_)\]】）]{0,2}\s*(?:[-–—:|•·]|$)/;

/**
 * Durations written in words or units (`2m40s - Topic`), only where they lead a line: there they are a list's
 * times, in prose they are lengths ("a 13m download"). A spaced or one-unit form ("2 Min.", "13m") needs a
 * separator after it, so "5 minutes to prepare" in a recipe stays prose; a compact form of two units or more
 * (`2m40s`) may be followed by its title directly.
 */
function humanTimes(text: string, lines: LineStarts): Candidate[] {
  const out: Candidate[] = [];
  const { starts, count } = lines;
  // Lines whose first mark after their bullets is a number with a unit, or ":00".
  for (let line = 0; line < count && out.length < MAX_CANDIDATES; line++) {
    const lineStart = starts[line]!;
    const i = humanLineStart(text, lineStart);
    const lineEnd = line + 1 < count ? starts[line + 1]! - 1 : text.length;
    const found = i !== -1 && isDigitAt(text, i) ? readHuman(text, i, lineEnd, text.slice(lineStart, i)) : undefined;
    if (found) out.push(plainCandidate(i, found.end, found.seconds, 'human', text, { loose: found.loose }));
    else if (i === -1 || isDigitAt(text, i)) {
      // No duration here ("0 Harbour talk" is no "0 h"): perhaps a list's bare zero.
      const zero = bareZero(text, lineStart, line + 1 < count ? starts[line + 1]! : -1);
      if (zero !== -1) out.push(plainCandidate(zero, zero + 1, 0, 'human', text));
    } else if (HUMAN_SEPARATOR.test(text.slice(i + 3, Math.min(lineEnd, i + 11)))) {
      // ":00-16:34 - Review": a list's first start with its zero minutes left out, seen before a range or a title.
      out.push(plainCandidate(i, i + 3, Number(text.slice(i + 1, i + 3)), 'human', text));
    }
  }
  return mergeFlatHuman(text, out);
}

/** Compact durations anywhere in a line: `1h02m30s`, `1h19m`, `2m40s`, `13m`, `0s`. */
const HUMAN_COMPACT = /(?<![\p{L}\p{N}'’:.,])(?:(\d{1,2})h(?:(\d{1,2})m)?(?:(\d{1,2})s)?|(\d{1,3})m(?:(\d{1,2})s)?|(\d{1,5})s)(?![\p{L}\p{N}])/gu;
/** A flattened list of written durations: three or more on one line. */
const MIN_FLAT_HUMAN = 3;

/** A flattened list's entries are at least a chapter apart (YouTube's minimum, 10 s). */
const MIN_FLAT_STEP_S = 10;
/** What may follow a list's zero, and not its title: "0s and 1s" is prose. */
const JOINER_AFTER = /^\s*(?:and|or|to|&|und|oder|bis|et|ou|y|o|e)\b/i;

/**
 * Flattened notes lose the line starts durations lead ("0s Intro 2m40s Knots 16m27s Sails" on one line): a line
 * whose first compact duration is a zero followed by a title, and that holds at least three of them each a chapter
 * apart, offers them all to the flattened reading. A zero start is what tells a list from prose that names
 * lengths ("5m in the morning, 10m at noon …"). At most 2 × MAX_CANDIDATES durations are looked at.
 */
function mergeFlatHuman(text: string, leading: Candidate[]): Candidate[] {
  if (!hasZeroDuration(text)) return leading;
  const taken = new Set(leading.map((c) => c.start));
  const found: Candidate[] = [];
  // [start, end, seconds] of the current line's durations, made into candidates only if the line qualifies.
  let line: number[] = [];
  let lineEnd = -1;
  let looked = 0;
  const room = () => MAX_CANDIDATES - leading.length - found.length;
  const flush = () => {
    const count = line.length / 3;
    let ok = count >= MIN_FLAT_HUMAN && line[2] === 0 && !JOINER_AFTER.test(text.slice(line[1]!, line[1]! + 8));
    for (let k = 3; ok && k < line.length; k += 3) ok = line[k + 2]! - line[k - 1]! >= MIN_FLAT_STEP_S;
    for (let k = 0; ok && k < line.length && room() > 0; k += 3) {
      if (!taken.has(line[k]!)) found.push(plainCandidate(line[k]!, line[k + 1]!, line[k + 2]!, 'human', text));
    }
    line = [];
  };
  HUMAN_COMPACT.lastIndex = 0;
  for (let m = HUMAN_COMPACT.exec(text); m && room() > 0 && looked++ < 2 * MAX_CANDIDATES; m = HUMAN_COMPACT.exec(text)) {
    if (m.index > lineEnd) {
      flush();
      const nl = text.indexOf('\n', m.index);
      lineEnd = nl === -1 ? text.length : nl;
    }
    const [, h, hm, hs, mm, ms, ss] = m;
    if ([hm, hs, ms].some((v) => v !== undefined && Number(v) > 59) || Number(h ?? 0) > MAX_HUMAN_HOURS) continue;
    line.push(m.index, m.index + m[0].length, Number(h ?? 0) * 3600 + Number(hm ?? mm ?? 0) * 60 + Number(hs ?? ms ?? ss ?? 0));
  }
  flush();
  return found.length === 0 ? leading : mergeByStart(leading, found);
}
/**
 * A zero duration next to a unit (a run of zeros not after a number, then h, m or s): only notes with one can hold a
 * flattened list of durations. Searched as the literal-led `0[hms]`, with the start of the zeros checked by hand: a
 * Unicode lookbehind tried at every position cost more than finding all the clock times.
 */
function hasZeroDuration(text: string): boolean {
  ZERO_UNIT.lastIndex = 0;
  while (ZERO_UNIT.test(text)) {
    let q = ZERO_UNIT.lastIndex - 2;
    while (q > 0 && text.charCodeAt(q - 1) === 48) q--;
    if (!numberBefore(text, q)) return true;
  }
  return false;
}
const ZERO_UNIT = /0[hms]/g;
const NUMBER = /^\p{N}/u;

/** Whether the code point that ends at `at` is a number of any script (`\p{N}`). */
function numberBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return c >= 48 && c <= 57;
  const low = c >= 0xdc00 && c <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800;
  return NUMBER.test(text.slice(low ? at - 2 : at - 1, at));
}

/** Marks that may wrap a duration (`**2m**`, `(13m)`), with what closes them. */
const HUMAN_WRAPS: Record<string, string> = { '*': '*', _: '_', '(': ')', '[': ']' };

/** Written durations stop here: "24h - Livestream" counts days, not a position in an episode. */
const MAX_HUMAN_HOURS = 12;

function readHuman(text: string, at: number, lineEnd: number, lead: string): { end: number; seconds: number; loose: boolean } | undefined {
  HUMAN_AT.lastIndex = at;
  const m = HUMAN_AT.exec(text);
  if (!m || m[0].trim() === '') return undefined;
  const written = m[0].replace(/[\s\u00a0]+$/, '');
  const end = at + written.length;
  // Glued to a letter or digit ("13mb", "2m40sx"): a word, not a time.
  const next = text.charCodeAt(end);
  if (end < lineEnd && (isDigitCode(next) || isLetter(text[end]!))) return undefined;
  let seconds: number;
  let units: number;
  if (m[1] !== undefined) {
    seconds = Number(m[1]) * 60 + Number(m[2]);
    units = 2;
    if (Number(m[2]) > 59) return undefined;
  } else {
    const [h, min, sec] = [m[3], m[4], m[5]];
    if ((h !== undefined && min !== undefined && Number(min) > 59) || (sec !== undefined && (h !== undefined || min !== undefined) && Number(sec) > 59)) {
      return undefined;
    }
    seconds = Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(sec ?? 0);
    units = Number(h !== undefined) + Number(min !== undefined) + Number(sec !== undefined);
    if (Number(h ?? 0) > MAX_HUMAN_HOURS) return undefined;
    // "100m – Ada", "5 m - safety stop": metres. Minutes alone are written "13m" or "5 min", never "5 m" or "400m".
    const minutesOnly = min !== undefined && h === undefined && sec === undefined;
    if (minutesOnly && /\d\s+m\.?$/i.test(written)) return undefined;
    if (minutesOnly && /^\d+\s*m$/i.test(written) && Number(min) >= 100) return undefined;
  }
  const compact = !/[\s\u00a0]/.test(written) && /^[\d'’′"”″hms]+$/i.test(written);
  const separated = HUMAN_SEPARATOR.test(text.slice(end, Math.min(lineEnd, end + 8)));
  // Set apart by its own marks ("**2m** Title"): emphasis or brackets that close right after it.
  const opener = lead.trimEnd().slice(-1);
  const wrapped = opener in HUMAN_WRAPS && text[end] === HUMAN_WRAPS[opener];
  // A compact form of two units, or a zero ("0s Intro": no prose names a length of nothing), may be followed by
  // its title directly.
  const bare = compact && (units >= 2 || seconds === 0) && text.charCodeAt(end) === 32;
  if (!separated && !wrapped && !bare) return undefined;
  return { end, seconds, loose: !(compact && units >= 2) };
}

/**
 * Seek links whose text is not a time (`<a href="…?t=750">Interview</a>`, `[Topic](#t=12:30)`): the link holds the
 * time and its text or the text beside it the title. Links that already hold a clock time are read as those.
 * `seeks`: each link's seek time (timeFromUrl), in link order.
 */
function linkTimes(norm: ReadText, seeks: Array<number | undefined>, clock: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  let k = 0;
  for (let i = 0; i < norm.links.length; i++) {
    const link = norm.links[i]!;
    const t = seeks[i];
    if (t === undefined) continue;
    while (k < clock.length && clock[k]!.end <= link.start) k++;
    if (k < clock.length && clock[k]!.start < link.end) continue;
    // A link showing an address ("example.com/page") points somewhere; it names no part of the episode.
    const shown = norm.text.slice(link.start, link.end);
    if (!/\s/.test(shown) && /[./]\w/.test(shown)) continue;
    out.push(plainCandidate(link.start, link.end, t, 'link', norm.text, { linkTime: t, href: link.href }));
  }
  return out;
}

/** `Timestamps:00:00`: the token right after a colon that ends a word (endsSentence's colon). */
function labelled(text: string, start: number): boolean {
  return text.charCodeAt(start - 1) === 58 && endsSentence(text, start);
}

/** `(00:00:00)` or `[00:00]`: the token alone between a bracket pair. */
function bracketed(text: string, start: number, end: number): boolean {
  const open = text.charCodeAt(start - 1);
  const close = text.charCodeAt(end);
  return (open === 40 && close === 41) || (open === 91 && close === 93);
}

/** `00:00–05:30 Intro`: the second time ends the first one's span and never starts a chapter. */
function markRanges(text: string, cands: Candidate[]): void {
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1]!;
    if (a.isRangeEnd || b.outerStart - a.outerEnd > 8) continue;
    if (!RANGE_SEP.test(text.slice(a.outerEnd, b.outerStart))) continue;
    if (b.readings[0]!.seconds <= a.readings[0]!.seconds) continue;
    a.rangeEnd = b;
    b.isRangeEnd = true;
  }
}
