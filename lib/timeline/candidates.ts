/**
 * Finds every string in the text that could be a timestamp, with the readings it allows and the context
 * that rules it out (clock times, ratios, verses, durations, URLs). Which ones are chapters is decided later,
 * by the layout of the whole text.
 */
import type { NormalizedText } from './normalize';
import { timeFromUrl } from './time';

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
  /** Context says this is not a position in the episode (clock time, ratio, verse, score, duration). */
  excluded: boolean;
  /** The other end of a range written `00:00–05:30`. */
  rangeEnd?: Candidate;
  /** True for the second time of a range; it never starts a chapter. */
  isRangeEnd: boolean;
}

// Greedy and unambiguous (digits and colons alternate), so linear on "1:2:3:4:…" runs.
const TOKEN = /\d+(?:[:：]\d+)+(?:\.\d+)?/g;
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"]{1,2000}/gi;

// Context that says a time is not a position in the episode. Words before the time are read by a short
// backwards scan (a `…$` regex would retry from every position, per candidate); words after, by anchored regexes.
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
const AFTER =
  /^\s?(?:[ap]\.?m\b\.?|uhr\b|hrs?\b|h\b|o'?clock\b|(?:utc|gmt|cet|cest|est|edt|pst|pdt|cst|cdt|bst|jst|ist|aest|et|pt|ct|mez)\b|(?:monitor|display|screen|aspect|ratio|format|video|vertical|widescreen|crop|bildformat|seitenverhältnis|frame)|(?:long|lang|minutes?|mins?|hours?|stunden|minuten|std)\b|(?:win|victory|defeat|loss|lead|sieg|niederlage)\b)/i;

const isLetter = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return c > 127 && /\p{L}/u.test(ch);
};

/** The word (and the two words) right before `pos`, and what separates them from it. */
function wordsBefore(text: string, pos: number): { sep: string; one: string; two: string } {
  let i = pos;
  while (i > 0 && pos - i < 6 && /[\s:="'„“.]/.test(text[i - 1]!)) i--;
  const sep = text.slice(i, pos);
  let j = i;
  while (j > 0 && i - j < 24 && isLetter(text[j - 1]!)) j--;
  const one = text.slice(j, i).toLowerCase();
  let k = j;
  while (k > 0 && j - k < 2 && text[k - 1] === ' ') k--;
  let m = k;
  while (m > 0 && k - m < 24 && isLetter(text[m - 1]!)) m--;
  return { sep, one, two: k < j ? `${text.slice(m, k).toLowerCase()} ${one}` : one };
}

function excludedByContext(text: string, start: number, end: number): boolean {
  if (AFTER.test(text.slice(end, end + 20))) return true;
  const { sep, one, two } = wordsBefore(text, start);
  // A word glued to the time ("Why tabs won11:45") ends the previous title of a flattened list: no context.
  if (!one || !/\s/.test(sep)) return false;
  const has = (set: Set<string>) => set.has(one) || set.has(two);
  if (/^[.\s]+$/.test(sep) && (has(CLOCK_BEFORE) || has(SCORE_BEFORE) || has(RATIO_BEFORE) || has(VERSE_BEFORE))) return true;
  return /^\s*[:=]?\s*["'„“]?$/.test(sep) && has(DURATION_BEFORE);
}

function urlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const OPENERS: Array<[string, string]> = [
  ['[@', ']'], ['**', '**'], ['(', ')'], ['[', ']'], ['【', '】'], ['（', '）'], ['〔', '〕'], ['{', '}'],
  ['@', ''], ['*', '*'], ['_', '_'], ['`', '`'], ['<', '>'],
];

/** Finds the wrapper around a token: `(12:30)`, `[@12:30]`, `**12:30**`, `(00:00 )`. */
function findWrap(text: string, start: number, end: number): { wrap: string; outerStart: number; outerEnd: number } {
  let l = start;
  while (l > 0 && text[l - 1] === ' ') l--;
  let r = end;
  while (r < text.length && text[r] === ' ') r++;
  for (const [open, close] of OPENERS) {
    if (l >= open.length && text.startsWith(open, l - open.length)) {
      if (close === '') return { wrap: open, outerStart: l - open.length, outerEnd: end };
      if (text.startsWith(close, r)) return { wrap: open, outerStart: l - open.length, outerEnd: r + close.length };
    }
  }
  return { wrap: '', outerStart: start, outerEnd: end };
}

const RANGE_SEP = /^\s*(?:-->|[-–—~〜]|to|bis)\s*$/;

export function findCandidates(norm: NormalizedText): Candidate[] {
  const { text, links } = norm;
  const urls = urlSpans(text);
  const out: Candidate[] = [];
  let urlIdx = 0;
  let linkIdx = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const [clock, frac] = m[0].split('.') as [string, string | undefined];
    const fields = clock.split(/[:：]/);
    if (fields.length > 3) continue; // 4-field editor timecodes and digit/colon runs are not times
    if (frac !== undefined && frac.length > 3) continue;
    const tail = fields.slice(1);
    if (tail.some((f) => f.length !== 2 || Number(f) > 59)) continue;
    while (urlIdx < urls.length && urls[urlIdx]![1] <= start) urlIdx++;
    const inUrl = urlIdx < urls.length && urls[urlIdx]![0] <= start;
    const prevChar = text[start - 1] ?? '';
    if (inUrl || /[/=#?&%+]/.test(prevChar) || text[end] === '/') continue;

    const parts = fields.length as 2 | 3;
    const lead = fields[0]!;
    const maxLead = parts === 2 ? 3 : 2;
    const rest = tail.reduce((acc, f, i) => acc + Number(f) * (i === tail.length - 1 ? 1 : 60), 0);
    const fraction = frac ? Number(`0.${frac}`) : 0;
    const readings: Reading[] = [];
    // Every suffix of the leading digits is a reading: in flattened text the digits before the colon may end
    // the previous title ("part 21:02:03" is "part 2" + "1:02:03"). Layout and consistency pick one later.
    for (let len = Math.min(lead.length, maxLead); len >= 1; len--) {
      const digits = lead.slice(lead.length - len);
      if (len === 3 && digits[0] === '0') continue;
      const seconds = Number(digits) * (parts === 2 ? 60 : 3600) + rest + fraction;
      if (readings.some((r) => r.seconds === seconds)) continue;
      readings.push({ seconds, start: start + lead.length - len, shortened: len < lead.length });
    }
    if (readings.length === 0) continue;

    while (linkIdx < links.length && links[linkIdx]!.end <= start) linkIdx++;
    const link = links[linkIdx];
    const linkTime = link && link.start <= start && end <= link.end ? timeFromUrl(link.href) : undefined;
    const wrap = findWrap(text, start, end);
    out.push({
      start,
      end,
      readings,
      parts,
      wrap: wrap.wrap,
      outerStart: wrap.outerStart,
      outerEnd: wrap.outerEnd,
      linkTime,
      excluded: excludedByContext(text, wrap.outerStart, wrap.outerEnd),
      isRangeEnd: false,
    });
  }
  markRanges(text, out);
  return out;
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
