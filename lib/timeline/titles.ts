/** Text rules for the timeline parser: what counts as decoration, headers, trailing matter, and title cleanup. */
import { INVISIBLE_CLASS, OTHER_SPACE_CLASS, URL_START, isAsciiLetterCode, isDigitCode, isInvisibleCode, isLetter, isSpaceCode } from './chars';


// What may stand before a time that leads its line: bullets, markdown, brackets, emoji, list numbers ("12. ").
// Checked with a character loop: these run on every timed line, and Unicode-class regexes cost far more.
const DECOR = new Set(' \t-–—―−•·・*>+#|~=_►▶▸▹▪▫●○◦◆◇■□★☆✓✔➤➜→⇒»@([{（【〔「]\u00a0\ufe0f\u200d\u200b\u2060\ufeff');
// What may follow a time that ends its line ("Intro - *00:14:35*.").
const CLOSING = new Set(' \t.,;:!?)]}）】〕」*_-–—|\u00a0\ufe0f\u200d');
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u;

function onlyOf(s: string, allowed: Set<string>, numbering: boolean): boolean {
  if (s.length >= 200) return false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (allowed.has(ch)) continue;
    const code = s.charCodeAt(i);
    if (numbering && code >= 48 && code <= 57) {
      let j = i;
      while (j < s.length && j - i < 3 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      // "12. ", "3) ", or a table's numbering cell ("1" then a tab).
      if (((s[j] === '.' || s[j] === ')') && (j + 1 === s.length || /\s/.test(s[j + 1]!))) || s[j] === '\t') {
        i = j;
        continue;
      }
      return false;
    }
    if (code < 0x2000) return false;
    // Emoji may be astral (two UTF-16 units): test the whole code point.
    const cp = s.codePointAt(i)!;
    if (!EMOJI.test(String.fromCodePoint(cp))) return false;
    if (cp > 0xffff) i++;
  }
  return true;
}

export const isDecor = (s: string): boolean => onlyOf(s, DECOR, true);
export const isClosing = (s: string): boolean => onlyOf(s, CLOSING, false);

/** True when the text has a letter, digit or emoji: something a title can be made of. */
export function hasWords(s: string): boolean {
  // Most titles start with an ASCII letter or digit within their first few characters (after a space or a
  // separator): that answers without the Unicode regex.
  for (let i = 0; i < s.length && i < 4; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiLetterCode(c) || isDigitCode(c)) return true;
  }
  return /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(s);
}

interface Word {
  /** Lower-cased. */
  w: string;
  start: number;
  end: number;
  upper: boolean;
}

/** The words of a short text, in one pass: phrase lookups below are Set hits instead of regex scans. */
function wordsOf(s: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && !isLetter(s[i]!)) i++;
    const start = i;
    while (i < s.length && isLetter(s[i]!)) i++;
    if (i > start) {
      const raw = s.slice(start, i);
      const w = raw.toLowerCase();
      out.push({ w, start, end: i, upper: raw !== w && raw === raw.toUpperCase() });
    }
  }
  return out;
}


interface Phrases {
  all: Set<string>;
  /** First words of the multi-word phrases: only these make us build a longer key. */
  heads: Set<string>;
}

/** Index of the first word that begins one of the phrases (of up to three words), or -1. */
function findPhrase(words: Word[], phrases: Phrases): number {
  for (let i = 0; i < words.length; i++) {
    let p = words[i]!.w;
    if (phrases.all.has(p)) return i;
    if (!phrases.heads.has(p)) continue;
    for (let k = 1; k < 3 && i + k < words.length; k++) {
      p += ' ' + words[i + k]!.w;
      if (phrases.all.has(p)) return i;
    }
  }
  return -1;
}

function phrases(list: string): Phrases {
  const all = new Set(list.split('|'));
  return { all, heads: new Set([...all].filter((p) => p.includes(' ')).map((p) => p.split(' ')[0]!)) };
}
const HEADER_PHRASES = phrases(
  'timestamps|timestamp|time stamps|timecodes|time codes|timemarks|chapters|chapter|chapter markers|outline|' +
    'timeline|table of contents|table of content|contents|agenda|topics|episode guide|episode highlights|' +
    'episode breakdown|highlights|in this episode|in this video|show notes|shownotes|zeitmarken|zeitstempel|' +
    'kapitel|inhalt|themen|capítulos|tiempos|marcas de tiempo|índice|chapitres|sommaire|horodatage|capitoli|' +
    'indice|hoofdstukken|главы|содержание|таймкоды|тайм-коды|темы',
);
const CJK_HEADERS = ['目次', 'チャプター', 'タイムスタンプ', '章节', '目录', '时间轴', '목차', 'タイムライン'];
// A track list is a table of contents for a music upload, but an episode's own chapters outrank it.
const MUSIC_PHRASES = phrases('tracklist|track list|setlist|set list|playlist|songs');
const SPONSOR_PHRASES = phrases('sponsors|sponsor|sponsored|ads|advertisers|advertiser|werbung|anzeige|anzeigen|partners');

/** How strongly a line (or the text before a flattened list) announces a timeline: -1 sponsors, 0 none, 1 weak, 2 strong. */
export function headerStrength(s: string): number {
  if (s.length >= 120) return 0;
  const words = wordsOf(s);
  if (findPhrase(words, SPONSOR_PHRASES) !== -1) return -1;
  if (findPhrase(words, HEADER_PHRASES) !== -1 || CJK_HEADERS.some((h) => s.includes(h))) return 2;
  return findPhrase(words, MUSIC_PHRASES) !== -1 ? 1 : 0;
}


// Where the last title of a flattened list stops: a labelled section ("Music:", "LINKS:"), a call to action
// ("Learn more"), a URL, or a bullet that starts another list.
const LABELS = phrases(
  'music|música|musica|musique|musik|link|links|sponsor|sponsors|about|credit|credits|support|resources|' +
    'references|quellen|transcript|newsletter|website|social|contact|follow|subscribe|patreon|timestamps|host|' +
    'hosts|enlaces|redes|créditos|liens',
);
const CALLS = phrases(
  'learn more|follow us|follow me|subscribe to|find us|find me|find out more|check out our|check out my|' +
    'check out the|sponsored by|produced by|support the show|support the podcast|support this show|' +
    'support this podcast|music by|credits',
);

/** Where a known label starts inside a word after a lower-case letter ("goodMusic"), or -1. */
function gluedLabel(title: string, word: Word): number {
  for (let k = word.start + 1; k < word.end - 2; k++) {
    const c = title[k]!;
    if (c === c.toLowerCase() || title[k - 1] !== title[k - 1]!.toLowerCase()) continue;
    if (LABELS.all.has(title.slice(k, word.end).toLowerCase())) return k;
  }
  return -1;
}

/**
 * A word that is a section heading glued to a name after it ("HostsAda Byron", "LinksGrace Hopper"): the next word
 * is capitalised too, so "Why MusicBrainz matters" keeps its product name.
 */
function headingGlued(title: string, word: Word, next: Word | undefined): boolean {
  const first = title[word.start]!;
  if (first === first.toLowerCase() || !next) return false;
  const nextFirst = title[next.start]!;
  if (nextFirst === nextFirst.toLowerCase()) return false;
  for (let k = word.start + 2; k < word.end - 1; k++) {
    const c = title[k]!;
    if (c === c.toLowerCase()) continue;
    return LABELS.all.has(title.slice(word.start, k).toLowerCase());
  }
  return false;
}

/**
 * Words that open a sentence and never end a name glued before them: pronouns, articles and possessives. "In", "It"
 * and "A" are not among them ("LinkedIn", "GitIt"-like names).
 */
const SENTENCE_OPENERS = new Set(
  'she|he|they|we|you|the|this|our|his|her|their|wir|sie|er|die|der|das|nous|elle|les|el|los|las'.split('|'),
);

/**
 * Where a sentence glued to a flattened entry's title starts ("Rigor at SeaShe explains why charts matter."): a
 * word whose tail, capitalised after a lower-case letter and lower-case after that, opens a sentence of three words
 * or more whose next word is in lower case, and the entry ends as a sentence does. -1 for none.
 */
export function gluedSentence(title: string): number {
  // A description is sentences: the entry ends with one's closing mark.
  if (!/[.!?…]\s*$/.test(title.slice(-8))) return -1;
  // Titles are short: the join is looked for near the start, by one native scan (entries of hostile lines are many).
  const head = title.slice(0, GLUE_WINDOW);
  GLUED_OPENER.lastIndex = 0;
  for (let m = GLUED_OPENER.exec(head); m; m = GLUED_OPENER.exec(head)) {
    if (SENTENCE_OPENERS.has(m[1]!.toLowerCase())) return m.index + 1;
  }
  return -1;
}

/** How far into a title a glued description is looked for. */
const GLUE_WINDOW = 200;
/** A lower-case letter, then a title-case word (group 1), then two more words, the first in lower case. */
const GLUED_OPENER = /\p{Ll}(\p{Lu}\p{Ll}+)(?=\s+\p{Ll}\S*\s+\S)/gu;

/** Cuts what follows the last entry of a flattened list ("Q&A Music: …", "… Learn more: https://…"). */
export function cutTrailingMatter(full: string): string {
  const title = full.slice(0, MAX_TITLE);
  let cut = title.length;
  const url = URL_START.exec(title);
  if (url && url.index > 0) cut = url.index;
  const bullet = /\s[○●•►▶➤]\s/u.exec(title);
  if (bullet && bullet.index > 0 && bullet.index < cut) cut = bullet.index;
  const words = wordsOf(title);
  const colonAfter = (k: number): boolean => /^\s?[:：]/.test(title.slice(words[k]!.end, words[k]!.end + 2));
  for (let i = 1; i < words.length && words[i]!.start < cut; i++) {
    const word = words[i]!;
    // A label: a known section word with a colon, or a run of up to four capitalised words with a colon.
    let capsEnd = i;
    while (capsEnd < words.length && capsEnd - i < 4 && words[capsEnd]!.upper && words[capsEnd]!.w.length >= 2) capsEnd++;
    const capsLabel = capsEnd > i && word.w.length >= 3 && colonAfter(capsEnd - 1);
    const call = title[word.start]! !== title[word.start]!.toLowerCase() && findPhrase([word, ...words.slice(i + 1, i + 4)], CALLS) === 0;
    if ((LABELS.all.has(word.w) && colonAfter(i)) || capsLabel || call) {
      cut = word.start;
      break;
    }
    // Flattened notes lose the break before a label: "…for goodMusic: …" is "…for good" + "Music: …".
    const glued = colonAfter(i) ? gluedLabel(title, word) : -1;
    if (glued !== -1) {
      cut = glued;
      break;
    }
    // …and after a section heading: "… Re-Org HostsAda Byron (…)" is a title, then "Hosts" + "Ada Byron".
    if (headingGlued(title, word, words[i + 1])) {
      cut = word.start;
      break;
    }
  }
  return title.slice(0, cut);
}

const LEADING_JUNK = new Set('* \t\n-–—―−:：|｜,;·•・●○◦▪▫■□►▶▸➤→⇒>#~〜=+)]】）」』@');
// Trimmed with loops: a `[…]+$` regex retries from every position of a long run (quadratic).
const TRAILING_JUNK = new Set(' \t\n-–—―−:：|｜,;·•・([【（「=~〜>@');
const MAX_TITLE = 1000;
const NUMBERING = /^\d{1,3}(?:\s*[.)]\s+|\s+[-–—]\s+)/;
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', "'": "'", '‘': '’', '「': '」', '『': '』' };

// Bit 1: may lead a title as junk; bit 2: may end one. Indexed by char code below U+0080, Sets above.
const ASCII_JUNK = new Uint8Array(128);
for (const ch of LEADING_JUNK) if (ch.charCodeAt(0) < 128) ASCII_JUNK[ch.charCodeAt(0)]! |= 1;
for (const ch of TRAILING_JUNK) if (ch.charCodeAt(0) < 128) ASCII_JUNK[ch.charCodeAt(0)]! |= 2;

function isJunk(s: string, i: number, bit: 1 | 2): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (ASCII_JUNK[c]! & bit) !== 0;
  return (bit === 1 ? LEADING_JUNK : TRAILING_JUNK).has(s[i]!);
}

function trimJunk(s: string): string {
  let start = 0;
  let end = s.length;
  // "@dynamicMemberLookup", "@ada's picks": an at sign before a word is part of it (a handle, an attribute).
  while (start < end && isJunk(s, start, 1) && !(s.charCodeAt(start) === 64 && /[\p{L}\p{N}_]/u.test(s[start + 1] ?? ''))) start++;
  while (end > start && isJunk(s, end - 1, 2)) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

const CLOSES_EMPHASIS = new Set('.,;:!?)]');
// What cleanTitle may have to act on: group 1, markdown marks or odd or doubled whitespace (tidy); group 2, a
// URL (cut). One native scan answers for most titles, which need neither.
const TITLE_WORK = new RegExp(`([*_\`\\\\${OTHER_SPACE_CLASS}${INVISIBLE_CLASS}]| {2})|(https?:\\/\\/|www\\.)`, 'i');

/**
 * Where tidy has something to do, one character at a time: whitespace other than a lone space (a space before
 * more whitespace, any other space), a code mark, an invisible character, or an emphasis mark. A native search
 * jumps over the plain text between them, which a loop over every character took longer to walk.
 */
const TIDY_AT = new RegExp(`[${OTHER_SPACE_CLASS}${INVISIBLE_CLASS}\`*_\\\\]| (?=[ ${OTHER_SPACE_CLASS}])`, 'g');

/** ASCII punctuation, what CommonMark lets a backslash escape. */
const isAsciiPunct = (c: number): boolean => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/**
 * One pass over a title: collapses whitespace, drops code marks, markdown emphasis and markdown's escaping
 * backslashes. A `*`/`_` run goes only where it opens or closes a word (`*Intro*`, `**Q&A**`), so `snake_case` and
 * `2 * 3` survive. Regex replaces here cost several times more, and this runs for every chapter title.
 */
function tidy(s: string): string {
  let out = '';
  let from = 0;
  const n = s.length;
  TIDY_AT.lastIndex = 0;
  while (TIDY_AT.test(s)) {
    // Every match is one character long.
    const i = TIDY_AT.lastIndex - 1;
    const c = s.charCodeAt(i);
    let next = i + 1;
    if (isSpaceCode(c)) {
      let j = i + 1;
      while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
      if (c !== 32 || j > i + 1) {
        out += s.slice(from, i) + ' ';
        from = j;
      }
      next = j;
    } else if (c === 96 || isInvisibleCode(c)) {
      out += s.slice(from, i);
      from = i + 1;
    } else if (c === 92) {
      // A markdown escape (`\"`, `\*`, `\...`): the mark is kept as written, the backslash goes. Any other backslash stays.
      if (i + 1 < n && isAsciiPunct(s.charCodeAt(i + 1))) {
        out += s.slice(from, i);
        from = i + 1;
        next = i + 2;
      }
    } else {
      // `*` or `_`.
      let j = i + 1;
      while (j < n && s.charCodeAt(j) === c) j++;
      const prev = i > 0 ? s.charCodeAt(i - 1) : 32;
      const opens = (isSpaceCode(prev) || prev === 40 || prev === 91) && j < n && !isSpaceCode(s.charCodeAt(j));
      const closes = !isSpaceCode(prev) && (j === n || isSpaceCode(s.charCodeAt(j)) || CLOSES_EMPHASIS.has(s[j]!));
      // "**" is always markdown; "__" only where it wraps words, as in `__init__` it does not.
      if ((j - i === 2 && c === 42) || (j - i <= 3 && (opens || closes))) {
        out += s.slice(from, i);
        from = j;
      }
      next = j;
    }
    TIDY_AT.lastIndex = next;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Words that tie a title to the time after it ("Advice starts at 52:26", "Interview ab 12:30"): part of the
 * sentence, not of the title. Last words only, so "at" inside a title stays.
 */
const TIME_CONNECTORS = new Set(
  ('at|starts at|start at|starting at|begins at|begin at|beginning at|from|ab|um|à|à partir de|a partir de|' +
    'desde|vanaf|om|od|från|fra|kl').split('|'),
);

/** A title-first text that ends with a separator before its time. */
const SEPARATED_END = /[-–—:|•·]\s*$/;

/** Last words of the connectors: a title ending in anything else is left alone without splitting it into words. */
const CONNECTOR_ENDS = new Set([...TIME_CONNECTORS].map((c) => c.slice(c.lastIndexOf(' ') + 1)));

/** The title without a connector before its time; unchanged when the connector would be all there is. */
function cutConnector(t: string): string {
  let end = t.length;
  while (end > 0 && end > t.length - 3 && !isLetter(t[end - 1]!)) end--;
  let start = end;
  while (start > 0 && end - start < 8 && isLetter(t[start - 1]!)) start--;
  // Connectors are written in lower case: "Chanting Om" ends in a title word.
  if (!CONNECTOR_ENDS.has(t.slice(start, end))) return t;
  const words = wordsOf(t.slice(-30));
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const tail = words.slice(-k);
    // Only a connector that ends the text (after it: at most a separator such as ":" or "@").
    if (!TIME_CONNECTORS.has(tail.map((w) => w.w).join(' ')) || tail.some((w) => w.upper || /\p{Lu}/u.test(t.slice(t.length - Math.min(30, t.length) + w.start, t.length - Math.min(30, t.length) + w.start + 1)))) continue;
    const offset = t.length - Math.min(30, t.length);
    if (/[\p{L}\p{N}]/u.test(t.slice(offset + tail[tail.length - 1]!.end))) continue;
    const cut = t.slice(0, offset + tail[0]!.start);
    return hasWords(cut) ? cut : t;
  }
  return t;
}

/**
 * A chapter title as a listener should read it: markdown, separators, bullets, wrapping quotes and a
 * trailing URL removed, whitespace collapsed. `titleFirst` (a title written before its time) strips a leading
 * "1. " list number and a connector before the time ("… starts at"). Regexes run only when a quick check says
 * they have work: this runs for every entry of every list.
 */
export function cleanTitle(raw: string, titleFirst = false): string {
  // No chapter title is longer than this; the cap also bounds the work on hostile input.
  let t = raw.length > MAX_TITLE ? raw.slice(0, MAX_TITLE) : raw;
  const work = TITLE_WORK.exec(t);
  if (work?.[2] !== undefined && work.index > 0) {
    // A URL before anything to tidy: the title ends there, and what stays needs no tidying.
    t = t.slice(0, work.index);
  } else if (work) {
    t = tidy(t);
    const url = URL_START.exec(t);
    if (url && url.index > 0) t = t.slice(0, url.index);
  }
  t = trimJunk(t);
  if (titleFirst && t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57) t = t.replace(NUMBERING, '');
  // A connector stands right before its time; after a separator ("Where it's at - 20:00") it is the title's.
  if (titleFirst && !SEPARATED_END.test(raw)) t = trimJunk(cutConnector(t));
  const first = t.charCodeAt(0);
  const close = first === 34 || first === 39 || first > 127 ? QUOTES[t[0]!] : undefined;
  if (close && t.length > 2 && t.endsWith(close) && !t.slice(1, -1).includes(close)) t = trimJunk(t.slice(1, -1));
  return t;
}

/** A title-first segment that starts like the middle of a sentence: the times sit in prose, not a list. */
export function startsLikeProse(segment: string): boolean {
  return /^\s*[,;]|^\s*(?:and|or|but|from|with|then|und|oder|et|y|e)\s/i.test(segment);
}

// Month names (and common abbreviations) of the languages notes come in: a day beside one makes a date.
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|' +
  'jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|' +
  'juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|' +
  'septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|' +
  'dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maart|mei|' +
  'augustus';
/**
 * A calendar day: a day number beside a month name ("9 October", "9. Oktober", "October 9th", "Oct. 9") or a
 * numeric date (9.10., 09.10.2024, 9/10/24, 2024-10-09). One native scan; titles without a digit never get here.
 */
const DATE = new RegExp(
  `(?:^|[^\\d.:/-])(?:\\d{1,2}[./]\\d{1,2}[./](?:\\d{2,4})?|\\d{4}-\\d{2}-\\d{2})(?!\\d)|` +
    `\\d(?:st|nd|rd|th|er|º|\\.)?\\s*(?:${MONTHS})(?![\\p{L}])|(?<![\\p{L}])(?:${MONTHS})\\.?\\s*\\d{1,2}(?!\\d)`,
  'iu',
);
const HAS_DIGIT = /\d/;

export const hasDigit = (s: string): boolean => HAS_DIGIT.test(s);

/** True when a title names a calendar day ("9 October: Harbour fair", "09.10.: Regatta"). */
export function hasDate(title: string): boolean {
  return HAS_DIGIT.test(title) && DATE.test(title);
}
