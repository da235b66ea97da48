/** Text rules for the timeline parser: what counts as decoration, headers, trailing matter, and title cleanup. */

// What may stand before a time that leads its line: bullets, markdown, brackets, emoji, list numbers ("12. ").
// Checked with a character loop: these run on every timed line, and Unicode-class regexes cost far more.
const DECOR = new Set(' \t-–—―−•·・*>+#|~=_►▶▸▹▪▫●○◦◆◇■□★☆✓✔➤➜→⇒»@([{（【〔「]\u00a0\ufe0f\u200d');
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
      if ((s[j] === '.' || s[j] === ')') && (j + 1 === s.length || /\s/.test(s[j + 1]!))) {
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
export const hasWords = (s: string): boolean => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(s);

const HEADER_WORDS =
  'time ?stamps?|time ?codes?|time ?marks?|chapters?|chapter markers|outline|timeline|table of contents?|contents|' +
  'agenda|topics|episode (?:guide|highlights|breakdown)|highlights|in this (?:episode|video)|show ?notes|' +
  'zeitmarken|zeitstempel|kapitel|inhalt|themen|capítulos|tiempos|marcas de tiempo|índice|' +
  'chapitres|sommaire|horodatage|capitoli|indice|hoofdstukken|главы|содержание|таймкоды|тайм-коды|темы';
const HEADER_RE = new RegExp(`(?:^|[^\\p{L}])(?:${HEADER_WORDS})(?![\\p{L}])|目次|チャプター|タイムスタンプ|章节|目录|时间轴|목차|タイムライン`, 'iu');
// A track list is a table of contents for a music upload, but an episode's own chapters outrank it.
const MUSIC_HEADER_RE = /(?:^|[^\p{L}])(?:track ?list|set ?list|playlist|songs)(?![\p{L}])/iu;
const SPONSOR_HEADER_RE = /(?:^|[^\p{L}])(?:sponsors?|sponsored|ads|advertisers?|werbung|anzeigen?|partners)(?![\p{L}])/iu;

/** How strongly a line (or the text before a flattened list) announces a timeline: 0 none, 1 weak, 2 strong. */
export function headerStrength(s: string): number {
  if (s.length >= 120) return 0;
  if (SPONSOR_HEADER_RE.test(s)) return -1;
  if (HEADER_RE.test(s)) return 2;
  return MUSIC_HEADER_RE.test(s) ? 1 : 0;
}

export const isHeader = (s: string): boolean => headerStrength(s) > 0;

// Where the last title of a flattened list stops: a URL, a labelled section, or a call to action.
const TRAILING_RES = [
  /(?:https?:\/\/|www\.)/i,
  /(?:^|[^\p{L}])(?:music|música|musica|musique|musik|links?|sponsors?|about|credits?|support|resources|references|quellen|transcript|newsletter|website|social|contact|follow|subscribe|patreon|timestamps|hosts?|enlaces|redes|créditos|liens)\s*[:：]/iu,
  /(?:^|[^\p{L}])(?:Learn more|Follow (?:us|me)|Subscribe to|Find (?:us|me|out more)|Check out (?:our|my|the)|Sponsored by|Produced by|Support (?:the|this) (?:show|podcast)|Music by|Credits)(?![\p{L}])/u,
  /(?:^|[^\p{L}])\p{Lu}{3,30}(?:\s\p{Lu}{2,30}){0,3}\s?[:：]/u,
  /\s(?:○|●|•|►|▶|➤)\s/u,
];

/** Cuts what follows the last entry of a flattened list ("Q&A Music: …", "… Learn more: https://…"). */
export function cutTrailingMatter(full: string): string {
  const title = full.slice(0, MAX_TITLE);
  let cut = title.length;
  for (const re of TRAILING_RES) {
    const m = re.exec(title);
    if (!m) continue;
    // The match may include the non-letter before the keyword; keep that character on the title side.
    const at = m.index + (m[0].length > 0 && !/\p{L}/u.test(m[0][0]!) && m.index > 0 ? 1 : 0);
    if (at > 0 && at < cut) cut = at;
  }
  return title.slice(0, cut);
}

const LEADING_JUNK = new Set('* \t\n-–—―−:：|｜,;·•・●○◦▪▫■□►▶▸➤→⇒>#~〜=+)]】）」』@');
// Trimmed with loops: a `[…]+$` regex retries from every position of a long run (quadratic).
const TRAILING_JUNK = new Set(' \t\n-–—―−:：|｜,;·•・([【（「=~〜>@');
const MAX_TITLE = 1000;
const NUMBERING = /^\d{1,3}(?:\s*[.)]\s+|\s+[-–—]\s+)/;
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', "'": "'", '‘': '’', '「': '」', '『': '』' };

function trimJunk(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && LEADING_JUNK.has(s[start]!)) start++;
  while (end > start && TRAILING_JUNK.has(s[end - 1]!)) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** True when whitespace needs collapsing: anything but single spaces between words. */
function needsCollapse(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : c < 32 || c === 160 || (c >= 0x2000 && c <= 0x200a)) return true;
  }
  return false;
}

/** Removes markdown emphasis and code marks; `*`/`_` only where they wrap words, so `snake_case` survives. */
function stripMarkdown(s: string): string {
  if (!s.includes('*') && !s.includes('_') && !s.includes('`')) return s;
  return s
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[\s([])[*_]{1,3}(?=[^\s*_])/gu, '$1')
    .replace(/([^\s*_])[*_]{1,3}(?=$|[\s.,;:!?)\]])/gu, '$1');
}

/**
 * A chapter title as a listener should read it: markdown, separators, bullets, wrapping quotes and a
 * trailing URL removed, whitespace collapsed. `numbered` strips a leading "1. " list number. Regexes run
 * only when a quick check says they have work: this runs for every entry of every list.
 */
export function cleanTitle(raw: string, numbered = false): string {
  // No chapter title is longer than this; the cap also bounds the work on hostile input.
  let t = raw.length > MAX_TITLE ? raw.slice(0, MAX_TITLE) : raw;
  if (needsCollapse(t)) t = t.replace(/\s+/g, ' ');
  t = stripMarkdown(t);
  if (t.includes('http') || t.includes('www.')) {
    const url = /(?:https?:\/\/|www\.)\S*/i.exec(t);
    if (url && url.index > 0) t = t.slice(0, url.index);
  }
  t = trimJunk(t);
  if (numbered && t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57) t = t.replace(NUMBERING, '');
  const close = QUOTES[t[0] ?? ''];
  if (close && t.length > 2 && t.endsWith(close) && !t.slice(1, -1).includes(close)) t = trimJunk(t.slice(1, -1));
  return t;
}

/** A title-first segment that starts like the middle of a sentence: the times sit in prose, not a list. */
export function startsLikeProse(segment: string): boolean {
  return /^\s*[,;]|^\s*(?:and|or|but|from|with|then|und|oder|et|y|e)\s/i.test(segment);
}
