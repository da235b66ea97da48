/**
 * Candidate people in an episode's title and notes: every name-like span (runs of capitalised words with initials,
 * hyphens, apostrophes, diacritics and particles; social handles; names in scripts without capitals next to a cue),
 * each with the places it occurs and the words around it. Which candidates are guests is the model's call
 * (features.ts, model.ts); this file only finds them and groups the spellings of one person. Pure: no DOM.
 */
import type { LinkSpan } from '../timeline/normalize';
import { AND_WORDS, FUNCTION_WORDS, GUEST_HEADINGS, HONORIFICS, ORG_WORDS, PAGE_WORDS, PARTICLES, ROLE_WORDS, SCRIPT_CUES_AFTER, SCRIPT_CUES_BEFORE, SCRIPT_HONORIFICS, SCRIPT_JOINS, SCRIPT_NOT_NAMES, KOREAN_WELCOME } from './lexicon';

export type Where = 'title' | 'notes';

export interface Occurrence {
  where: Where;
  /** Offsets of the name in its text (title or plain notes). */
  start: number;
  end: number;
  surface: string;
  /** The line it stands in, and the lower-cased text before and after it on that line. */
  line: string;
  before: string;
  after: string;
  /** The same, as written. */
  rawBefore: string;
  rawAfter: string;
  /** Index of the line in the notes (0 in the title). */
  lineIndex: number;
  /** Offset of the name in its line. */
  at: number;
  /** It opens its sentence (its capital says nothing). */
  sentenceInitial: boolean;
  honorific?: string;
  /** A social handle written right after the name ("Ada Byron (@ada)"). */
  handle?: string;
  /** The name is (part of) a link's text, or a link follows it on its line. */
  linked: boolean;
  kind: 'name' | 'handle' | 'script';
  /** Words before the name, within its run of capitalised words, that say what the person does ("Gründer"). */
  roleBefore: boolean;
  /** The last two words of a longer capitalised run. */
  subSpan?: boolean;
  /** A name without capitals with a cue right before it and a cue or honorific right after it. */
  framed?: boolean;
}

export interface Candidate {
  /** The fullest spelling (most words, then most frequent). */
  name: string;
  /** Every spelling met, the name included. */
  spellings: string[];
  occurrences: Occurrence[];
}

const FUNCTION = new Set(FUNCTION_WORDS);
const PARTICLE = new Set(PARTICLES);
const HONORIFIC = new Set(HONORIFICS);
const ROLE = new Set(ROLE_WORDS);
const ORG = new Set(ORG_WORDS);
const PAGE = new Set(PAGE_WORDS);
// German and Nordic compounds end in their role ("Softwareentwickler", "landsformand").
const ROLE_SUFFIXES = ROLE_WORDS.filter((w) => w.length >= 5 && !w.includes(' '));
const roleStem = (lower: string) => ROLE.has(lower) || (lower.length > 7 && ROLE_SUFFIXES.some((r) => lower.length > r.length + 2 && lower.endsWith(r)));
/** A word that says what someone does, plurals and compounds included ("editors", "Softwareentwicklerin"). */
export function isRoleWord(word: string): boolean {
  const known = roleWords.get(word);
  if (known !== undefined) return known;
  const lower = word.toLowerCase();
  // German feminines end in -in ("Historikerin"), their plurals in -innen.
  const role =
    roleStem(lower) ||
    roleStem(lower.replace(/(?:s|es|en|innen)$/, '')) ||
    (lower.endsWith('in') && roleStem(lower.slice(0, -2))) ||
    // Two roles in one word ("writer-director", "Heykeltraş-Ressam"): a role. Not a hyphenated name ("Jean-Luc"), nor
    // a compound with one role in it ("Höhlenforscher-Geschäft", a shop).
    (lower.includes('-') && lower.split('-').every((part) => part.length > 1 && roleStem(part)));
  remember(roleWords, word, role);
  return role;
}

/**
 * Answers for words and names already seen: an episode asks about the same few hundred words thousands of times
 * (every mention's neighbours, every pair of names), and a compound's role check walks the whole role list.
 * Bounded, so a service worker that reads many episodes does not grow without end.
 */
const MEMO_MAX = 20_000;
const roleWords = new Map<string, boolean>();
const foldedNames = new Map<string, string>();
function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
}
/** Particles that are also "and" in some language (AND_WORDS; "y"): between two single words they join two names. */
const CONJUNCTION_PARTICLES = new Set(AND_WORDS.split('|').filter((w) => PARTICLE.has(w)));
/** Particles that may be written with a capital inside a name ("Philippe Van Parijs", "Nicolas De Loof"). */
const CAPITAL_PARTICLES = new Set(['de', 'van', 'von', 'du', 'da', 'di', 'del', 'della', 'der', 'den', 'ten', 'ter', 'le', 'la', 'dos', 'das']);

// Words and handles (what lies between them is read from the line). One pattern compiled once: Unicode classes
// compile slowly.
const TOKEN_RE = /@[A-Za-z0-9_][A-Za-z0-9_.]{0,29}[A-Za-z0-9_]|[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*/gu;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]/u;
const ARABIC = /[\p{Script=Arabic}]/u;

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
/** A lower-case letter after the first character (a loop: spreading a long word into an array cost more than the word). */
function lowerAfterFirst(t: string): boolean {
  for (const c of t.slice(1)) if (isLower(c)) return true;
  return false;
}

/** Folds a name for comparison: case, accents, punctuation. */
export function foldName(s: string): string {
  let folded = foldedNames.get(s);
  if (folded === undefined) {
    folded = s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    // Long texts (affiliations, lines) are folded once each: only names and words are worth keeping.
    if (s.length <= 64) remember(foldedNames, s, folded);
  }
  return folded;
}

interface Tok {
  text: string;
  start: number;
  end: number;
}

function tokenize(line: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(line); m; m = TOKEN_RE.exec(line)) {
    // A trailing hyphen or apostrophe belongs to the punctuation ("Ada Byron’" in quotes).
    let text = m[0];
    while (text.length > 1 && /['’-]$/.test(text)) text = text.slice(0, -1);
    out.push({ text, start: m.index, end: m.index + text.length });
  }
  return out;
}

type Shape = 'name' | 'initial' | 'particle' | 'other';
/** Shapes of words met lately: a word is asked for several times, and notes repeat their words. */
const SHAPES = new Map<string, Shape>();
const SHAPES_MAX = 4000;

/** The word's shape as a name part. */
function shape(t: string): Shape {
  if (t.length > 40) return wordShape(t);
  let s = SHAPES.get(t);
  if (s === undefined) {
    if (SHAPES.size >= SHAPES_MAX) SHAPES.clear();
    s = wordShape(t);
    SHAPES.set(t, s);
  }
  return s;
}

function wordShape(t: string): Shape {
  const lower = t.toLowerCase();
  if (PARTICLE.has(lower) && (isLower(t[0]!) || CAPITAL_PARTICLES.has(lower))) return 'particle';
  // "deGrasse", "diCaprio": a particle written onto the capitalised rest of a surname is one word of the name.
  if (!isUpper(t[0]!)) return /^(?:d['’]|O['’]|Mc|Mac|(?:de|da|di|du|la|le|van|von|del)\p{Lu}\p{Ll})/u.test(t) ? 'name' : 'other';
  if (t.length === 1) return FUNCTION.has(lower) ? 'other' : 'initial';
  // A French elided "je" or "ce" before a lower-case word ("J'en", "J'ai", "C'est"), unlike "D'Angelo".
  if (/^[jJcC]['’]\p{Ll}/u.test(t)) return 'other';
  // Contractions of function words ("We're", "It’s", "L'homme" is not a name either).
  const apostrophe = /^([\p{L}]{2,})['’]/u.exec(t);
  if (apostrophe && FUNCTION.has(apostrophe[1]!.toLowerCase())) return 'other';
  if (/\d/.test(t)) return 'other';
  if (FUNCTION.has(lower) || HONORIFIC.has(lower) || isRoleWord(t)) return 'other';
  // A possessor ("Noclip's") is not part of the name after it.
  if (/['’]s$/.test(t)) return 'other';
  // All capitals ("NASA", "TU") are organisations unless the text is in capitals throughout (handled by the caller).
  if (!lowerAfterFirst(t)) return 'other';
  return 'name';
}

/** A line written in capitals ("CAPÍTULO 3 - GUSTAVO GONZALEZ: …") read as Title Case, offsets kept. */
function decapitalise(line: string): string {
  const letters = [...line].filter((c) => isUpper(c) || isLower(c));
  if (letters.length < 8 || letters.filter(isUpper).length / letters.length < 0.8) return line;
  return line.replace(/[\p{L}\p{M}'’-]+/gu, (w) => {
    const t = w[0]! + w.slice(1).toLowerCase();
    return t.length === w.length ? t : w;
  });
}

interface Line {
  text: string;
  start: number;
  index: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let index = 0;
  for (const part of text.split('\n')) {
    out.push({ text: part, start, index: index++ });
    start += part.length + 1;
  }
  return out;
}

/** Offsets in `line` where a sentence starts. */
function sentenceStarts(line: string): Set<number> {
  const starts = new Set<number>();
  const first = line.search(/\S/);
  if (first >= 0) starts.add(first);
  for (const m of line.matchAll(/[.!?…:;"“”»]\s+|^\s*(?:[-*•·#>]+|\d+[.)])\s+/gu)) starts.add(m.index + m[0].length);
  return starts;
}

const BEFORE_CHARS = 70;
const AFTER_CHARS = 90;

/** The occurrence of `read.slice(start, end)` on `line` (`read` is the line as read: same length, maybe recased). */
function occurrenceAt(
  line: Line,
  read: string,
  where: Where,
  start: number,
  end: number,
  links: readonly LinkSpan[],
  extra: Pick<Occurrence, 'kind' | 'sentenceInitial' | 'roleBefore'> & Partial<Occurrence>,
): Occurrence {
  const rawBefore = line.text.slice(Math.max(0, start - BEFORE_CHARS), start);
  const rawAfter = line.text.slice(end, end + AFTER_CHARS);
  return {
    where,
    start: line.start + start,
    end: line.start + end,
    surface: read.slice(start, end).trim(),
    line: line.text,
    before: rawBefore.toLowerCase(),
    after: rawAfter.toLowerCase(),
    rawBefore,
    rawAfter,
    lineIndex: line.index,
    at: start,
    // The span is a link's text, or a link follows it ("Ada Byron (https://…)", "Ada Byron :: her blog").
    linked: links.some((l) => l.start < line.start + end && l.end > line.start + start) || /^\s*(?:\(\s*)?(?:<?https?:\/\/|::|\[)/.test(rawAfter.slice(0, 12)),
    ...extra,
  };
}

/** Finds the name-like spans of one text. */
export function findOccurrences(text: string, where: Where, links: readonly LinkSpan[] = [], lowerWords: ReadonlySet<string> = new Set()): Occurrence[] {
  const out: Occurrence[] = [];
  // Where the names found so far end (of one word, or of several), looked up by offset: a scan of `out` for each
  // handle or script name made long notes quadratic.
  const nameEnds = new Map<number, 'one' | 'several'>();
  const starts = new Set<number>();
  const ends = new Set<number>();
  const emit = (o: Occurrence) => {
    out.push(o);
    starts.add(o.start);
    ends.add(o.end);
    if (o.kind === 'name' && nameEnds.get(o.end) !== 'several') nameEnds.set(o.end, o.surface.includes(' ') ? 'several' : 'one');
  };
  /**
   * The last line with text before this one: a guest heading ("## 分享者自我介绍", "嘉宾：") opens the lines under it,
   * and each that starts with a name keeps the list open.
   */
  let previous = '';
  let listOpen = false;
  for (const line of linesOf(text)) {
    if (!line.text.trim()) continue;
    const underHeading = listOpen || isGuestHeading(previous.toLowerCase());
    previous = line.text;
    listOpen = false;
    const read = where === 'title' ? decapitalise(line.text) : line.text;
    const toks = tokenize(read);
    const sentences = sentenceStarts(read);
    const push = (first: number, last: number, kind: Occurrence['kind'], roleBefore: boolean, more: { honorific?: string; subSpan?: boolean } = {}) => {
      const start = toks[first]!.start;
      const end = toks[last]!.end;
      const handle = kind === 'name' ? /^\s*[(,]?\s*(@[A-Za-z0-9_.]{2,30}[A-Za-z0-9_])/.exec(read.slice(end, end + 40))?.[1] : undefined;
      const sentenceInitial = sentences.has(start) || (more.honorific !== undefined && first > 0 && sentences.has(toks[first - 1]!.start));
      emit(occurrenceAt(line, read, where, start, end, links, { kind, sentenceInitial, roleBefore, ...(handle ? { handle } : {}), ...more }));
    };
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      if (t.text.startsWith('@')) {
        // A handle standing alone (one right after a name is that name's alias, see `handle`).
        const prev = toks[i - 1];
        const gap = prev ? read.slice(prev.end, t.start) : '';
        // Beside a name: in brackets after it, or after a name of two words or more ("Follow @ada" is no name's).
        const ending = prev && nameEnds.get(line.start + prev.end);
        const besideName = !!ending && /^\s*[(,]?\s*$/.test(gap) && (gap.includes('(') || ending === 'several');
        if (!besideName) push(i, i, 'handle', false);
        i++;
        continue;
      }
      const initialWithStop = (k: number) => shape(toks[k]!.text) === 'initial' && read[toks[k]!.end] === '.';
      const page = (k: number) => PAGE.has(toks[k]!.text.toLowerCase());
      if ((shape(t.text) !== 'name' && !initialWithStop(i)) || page(i)) {
        i++;
        continue;
      }
      // A run of name words joined by single spaces (an initial may carry its full stop).
      let j = i;
      const run = [i];
      while (j + 1 < toks.length) {
        const next = toks[j + 1]!;
        const gap = read.slice(toks[j]!.end, next.start);
        const joined = gap === ' ' || gap === '\u00a0' || (toks[j]!.text.length === 1 && /^\.\s?$/.test(gap));
        if (!joined || next.text.startsWith('@')) break;
        const s = shape(next.text);
        if (page(j + 1)) break;
        if (s === 'name' || (s === 'initial' && initialWithStop(j + 1))) {
          run.push(j + 1);
          j++;
          continue;
        }
        // Particles only between two name words ("Martijn van Dijk", "Ursula von der Leyen"). A particle that is also
        // "and" ("y") joins no single word to the name word right after it: "Ada y Juan" are two people (a Spanish
        // surname joined by "y" follows a given name, "José Ortega y Gasset").
        if (s === 'particle' && run.length === 1 && !(CONJUNCTION_PARTICLES.has(next.text) && toks[j + 2] !== undefined && shape(toks[j + 2]!.text) === 'name')) {
          let k = j + 1;
          while (k + 1 < toks.length && shape(toks[k + 1]!.text) === 'particle' && read.slice(toks[k]!.end, toks[k + 1]!.start) === ' ') k++;
          const after = toks[k + 1];
          const beyond = toks[k + 2];
          const moreAfter = !!after && !!beyond && read.slice(after.end, beyond.start) === ' ' && shape(beyond.text) === 'name';
          if (after && !moreAfter && read.slice(toks[k]!.end, after.start) === ' ' && shape(after.text) === 'name') {
            for (let q = j + 1; q <= k + 1; q++) run.push(q);
            j = k + 1;
            continue;
          }
        }
        break;
      }
      // Honorific and role words before the run ("Dr. Ada Byron", "Nextcloud founder Ada Byron").
      const prev = toks[i - 1];
      const prevLower = prev?.text.toLowerCase();
      const honorific =
        prev && HONORIFIC.has(prevLower!) && /^\.?\s$/.test(read.slice(prev.end, t.start)) && isUpper(prev.text[0]!) ? prev.text : undefined;
      const roleBefore = !!prev && isRoleWord(prev.text) && read.slice(prev.end, t.start) === ' ';
      // Trailing initials are not part of a name; a run of five or more words is a phrase, not a name.
      while (run.length > 1 && shape(toks[run[run.length - 1]!]!.text) !== 'name') run.pop();
      // A sentence's first word that the text also writes in lower case is a word, not a name ("Entra Ada Byron"):
      // the name starts after it. Two words stay: many given names are words too ("Will", "Grace").
      if (run.filter((r) => shape(toks[r]!.text) === 'name').length >= 3 && sentences.has(t.start) && lowerWords.has(t.text.toLowerCase())) {
        run.shift();
        while (run.length && shape(toks[run[0]!]!.text) !== 'name') run.shift();
        if (!run.length) {
          i = j + 1;
          continue;
        }
      }
      const isParticle = (r: number) => shape(toks[r]!.text) === 'particle';
      const firstParticle = run.findIndex(isParticle);
      const lastParticle = run.length - 1 - [...run].reverse().findIndex(isParticle);
      // Two names of two words joined by a particle that is also a conjunction ("Ada Byron y Alan Turing") are two.
      if (firstParticle >= 2 && run.length - 1 - lastParticle >= 2 && !run.slice(0, firstParticle).some(isParticle)) {
        const tail = run.slice(lastParticle + 1);
        run.length = firstParticle;
        if (tail.length <= 4 && !tail.some((r) => ORG.has(toks[r]!.text.toLowerCase()))) push(tail[0]!, tail[tail.length - 1]!, 'name', false);
      }
      const words = run.filter((r) => !isParticle(r)).length;
      if (words <= 4 && shape(toks[run[run.length - 1]!]!.text) === 'name') {
        // Organisation words end the name before them ("Ada Byron Institute" is a place, not a person); a role word
        // after a comma ends a job title ("…, Open Source Lead at Oceanlab").
        const after = toks[j + 1];
        const titled = run.length >= 2 && !!after && read.slice(toks[j]!.end, after.start) === ' ' && isUpper(after.text[0]!) && isRoleWord(after.text) && commaBefore(read, t.start);
        if (!titled && !run.some((r) => ORG.has(toks[r]!.text.toLowerCase()))) {
          push(run[0]!, run[run.length - 1]!, 'name', roleBefore, honorific ? { honorific } : {});
          // Three or four words may be an organisation and a name ("Radikal Ungdom Zenia Stampe"): the last two are
          // a candidate of their own, which the model weighs (`sub_span`).
          if (words >= 3 && run.length === words) push(run[run.length - 2]!, run[run.length - 1]!, 'name', false, { subSpan: true });
          // Around a particle, the name may be the words before it ("Ada Byron von Oceanlab") or after it ("Blog de
          // Ada Byron"): both are candidates the model weighs.
          const p = run.findIndex(isParticle);
          if (p >= 2 && isLower(toks[run[p]!]!.text[0]!)) push(run[0]!, run[p - 1]!, 'name', roleBefore, { subSpan: true, ...(honorific ? { honorific } : {}) });
          const q = run.length - 1 - [...run].reverse().findIndex(isParticle);
          if (p >= 0 && run.length - 1 - q >= 2) push(run[q + 1]!, run[run.length - 1]!, 'name', false, { subSpan: true });
        }
      }
      i = j + 1;
    }
    // A nickname in quotes between the names ("Ada “Sonar” Byron") is not part of the name.
    if (NICKNAME_QUOTE.test(read)) for (const m of read.matchAll(NICKNAMED)) {
      const end = m.index + m[0].length;
      const sentenceInitial = sentences.has(m.index);
      emit(occurrenceAt(line, read, where, m.index, end, links, { kind: 'name', sentenceInitial, roleBefore: false, surface: `${m[1]} ${m[2]}` }));
    }
    if (underHeading && where === 'notes') listOpen = findListedScriptName(line, read, links, emit, starts);
    if (where === 'notes') findLabelledScriptNames(line, read, links, emit, starts);
    findScriptNames(line, read, where, links, emit, starts, ends);
  }
  return out;
}

// Each part at most 40 letters: from every letter of a long hyphenated chain the pattern read to the chain's end.
const NICKNAMED = /(?<![\p{L}\p{M}])(\p{Lu}\p{Ll}[\p{L}\p{M}'’-]{0,40})\s["“‘«][^"”’»\n]{2,30}["”’»]\s(\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*)/gu;
const NICKNAME_QUOTE = /\s["“‘«]/;

const SCRIPT_BEFORE = [...SCRIPT_CUES_BEFORE].sort((a, b) => b.length - a.length);
/** Cues read inside a run of letters: the guest word and a particle or a copula after it. */
const INLINE_CUES = new Set(['ゲスト', 'ゲストは', 'ゲストに', '嘉宾是', '嘉賓是', '嘉宾为', '嘉賓為', '邀请到了', '邀請到了', '请到了', '請到了']);
const GUEST_HEADING_SET = new Set(GUEST_HEADINGS);
/** Longest line read as a guest heading. */
const MAX_HEADING = 40;

/** A line that is only a guest heading, lower-cased: markdown's `#`, a bullet, emphasis and a colon aside. */
export function isGuestHeading(lower: string): boolean {
  if (lower.length > MAX_HEADING) return false;
  const bare = lower
    .replace(/^\s*(?:#{1,6}\s*|[-*•·>]+\s*)?(?:[\p{So}\p{Sk}\uFE0F\u200D]+\s*)*/u, '')
    .replace(/^(?:about|meet|introducing)\s+(?:the|our)\s+/, '')
    .replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '')
    .replace(/[\s:：*_]+$/u, '')
    // Brackets that set a heading off in Chinese notes ("【本期嘉宾】：", "｜嘉宾｜", "|嘉宾|").
    .replace(/^[【〖|｜]\s*([^【】〖〗|｜]{1,12}?)\s*[】〗|｜]$/u, '$1')
    .replace(/[\s:：]+$/u, '')
    // Markdown's closed headings ("### Guests ###").
    .replace(/\s+#{1,6}$/, '')
    .trim();
  return GUEST_HEADING_SET.has(bare);
}

/**
 * Under a guest heading, a line that starts with a name in a script without capitals, set off by a comma, a colon, a
 * bracket, a bar, a handle or the name they go by in English ("王小明，开源爱好者…", "- 李小龙：后端工程师", "胡恒 ｜ …",
 * "@吕东 | …", "門脇 諭 @kado", "侯泰羽 Kolento，…"). Whether one was found: the list goes on to the next line.
 */
function findListedScriptName(line: Line, read: string, links: readonly LinkSpan[], emit: (o: Occurrence) => void, starts: ReadonlySet<number>): boolean {
  // A family name and a given name may be parted by a space ("門脇 諭 @kado").
  const first = /^(\s*(?:[-*•]\s*)?@?)([\p{Script=Han}\p{Script=Katakana}ー・]{2,4}|[\p{Script=Han}\p{Script=Katakana}ー・]{1,4}[ \u3000][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]{1,4})(?:[，,、：:（(@]|\s*[|｜]|\s+@|\s+\p{Lu}\p{Ll}+\s*[，,])/u.exec(read);
  if (!first || starts.has(line.start + first[1]!.length)) return false;
  const start = first[1]!.length;
  emit(occurrenceAt(line, read, 'notes', start, start + first[2]!.length, links, { kind: 'script', sentenceInitial: false, roleBefore: false, framed: true }));
  return true;
}

/**
 * A credits line that labels the guests in a script without capitals: "嘉宾 / 老狼、钟立风", "ゲスト：山田花子さん、佐藤
 * 太郎さん", "게스트: 흥반장 님", also after the hosts' label on the same line ("主播｜小伙子 嘉宾｜李治中"). The label, a colon,
 * slash or bar, then names parted by "、", a slash or a space (Chinese and Japanese write no space inside a name); a
 * comma ends them. Korean parts words by spaces: its name is the word before 님.
 */
export const SCRIPT_GUEST_LABEL = /^(\s*(?:[-*•]\s*)?(?:[^\s|｜]{1,12}\s*[|｜]\s*[^\s|｜]{1,30}\s+)?(?:今回の|本期|特邀)?(?:ゲスト|嘉宾|嘉賓|게스트)\s*[:：/／|｜]\s*)(\S.*)$/u;
const HANGUL = /\p{Script=Hangul}/u;
const HONORIFIC_END = new RegExp(`(?:${SCRIPT_HONORIFICS.join('|')})$`, 'u');
const KOREAN_NAME_WELCOMED = new RegExp(`([\\p{Script=Hangul}A-Za-z]{2,8})(?=\\s*${KOREAN_WELCOME})`, 'gu');

function findLabelledScriptNames(line: Line, read: string, links: readonly LinkSpan[], emit: (o: Occurrence) => void, starts: ReadonlySet<number>): void {
  const m = SCRIPT_GUEST_LABEL.exec(read);
  if (!m) return;
  const rest = m[2]!;
  const base = m[1]!.length;
  const korean = HANGUL.test(rest);
  for (const t of rest.matchAll(korean ? /([^\s,，、님]{1,8})\s*님/gu : /[^\s,，、/／|｜:：]+|[,，:：]/gu)) {
    // Names are parted by "、", a slash or a space; a comma or a colon starts what the last one does ("张悦然，作家")
    // or the next label ("后期剪辑：小野").
    if (!korean && /^[,，:：]$/.test(t[0])) break;
    // A word right before a colon labels what comes next ("后期剪辑：小野"): the guests end there.
    if (!korean && /^\s*[:：]/u.test(rest.slice(t.index + t[0].length))) break;
    const token = korean ? t[1]! : t[0].replace(HONORIFIC_END, '');
    const start = base + t.index + (korean ? t[0].indexOf(token) : 0);
    // A name: two to eight letters with at least one in these scripts ("阿Ray" too), no handle or link.
    if (token.length < 2 || token.length > 8 || !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(token) || /[@[\]()]/.test(token)) continue;
    if (starts.has(line.start + start)) continue;
    emit(occurrenceAt(line, read, 'notes', start, start + token.length, links, { kind: 'script', sentenceInitial: false, roleBefore: false, framed: true }));
  }
}

/** A comma right before `at`, spaces aside: read backwards, so a long line costs nothing per run. */
function commaBefore(read: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (read[k] === ' ' || read[k] === '\t' || read[k] === '\u00a0')) k--;
  return k >= 0 && read[k] === ',';
}

/** Names in scripts without capitals, found only beside a cue ("ゲスト：山田花子さん", "和陈金洲聊", "گفتگو با …"). */
function findScriptNames(
  line: Line,
  read: string,
  where: Where,
  links: readonly LinkSpan[],
  emit: (o: Occurrence) => void,
  starts: ReadonlySet<number>,
  ends: ReadonlySet<number>,
): void {
  if (!HAN_OR_KANA.test(read) && !ARABIC.test(read) && !HANGUL.test(read)) return;
  const add = (start: number, end: number, framed = false) => {
    if (read.slice(start, end).trim().length < 2 || starts.has(line.start + start)) return;
    emit(occurrenceAt(line, read, where, start, end, links, { kind: 'script', sentenceInitial: false, roleBefore: false, ...(framed ? { framed } : {}) }));
  };
  // Korean: the name right before 님 and a welcome ("송우일 님을 모시고", "김정(@godrm) 님을 모시고").
  if (HANGUL.test(read)) {
    for (const m of read.matchAll(KOREAN_NAME_WELCOMED)) {
      add(m.index, m.index + m[1]!.length, true);
    }
  }
  // Han/Kana names: 2–4 characters right after a cue, or right before a cue that follows names.
  for (const m of read.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]+/gu)) {
    const run = m[0];
    for (const cue of SCRIPT_BEFORE) {
      if (!HAN_OR_KANA.test(cue)) continue;
      // The cue ends right before this run (possibly with a colon and space), or opens it.
      const beforeRun = read.slice(Math.max(0, m.index - cue.length - 2), m.index).replace(/[:：\s]+$/, '');
      let from = -1;
      let inside = false;
      if (beforeRun.endsWith(cue)) from = m.index;
      else if (run.startsWith(cue) && run.length > cue.length + 1) from = m.index + cue.length;
      else if (INLINE_CUES.has(cue)) {
        // Inside a run, only cues that end in a particle or a copula ("今回のゲストは山田さん", "本期嘉宾是王小明"): a role
        // word ("工程师") or "和" inside a run is the inside of other words.
        // After を or が the name came first ("山田さんをゲストに迎え"): what follows is the verb.
        const at = run.indexOf(cue);
        if (at > 0 && run.length > at + cue.length + 1 && !/[をが]/u.test(run[at - 1]!)) {
          from = m.index + at + cue.length;
          inside = true;
        }
      }
      if (from < 0) continue;
      const rest = read.slice(from, m.index + run.length);
      // A particle right after the cue starts no name: "ゲストで登場" (appeared as a guest). Cues that end in a particle
      // ("ゲストは") are longer and were tried first.
      if (SCRIPT_NOT_NAMES.some((w) => rest.startsWith(w)) || /^[でにをがとのもへ的们們是在]/u.test(rest)) break;
      const stop = SCRIPT_CUES_AFTER.map((a) => rest.indexOf(a)).filter((x) => x >= 2 && x <= 6);
      // After a cue inside a run, with nothing after it to end the name, a run that goes on past a name's length says
      // no more than where it starts ("嘉宾是知名作家…" is "a well-known writer", not a name "知名作").
      if (inside && !stop.length && rest.length > 4) break;
      // "与" (with) opens many phrases ("与焦虑共舞", dancing with anxiety): a name after it needs a word that ends it
      // ("与李小龙对谈").
      if ((cue === '与' || cue === '與') && !stop.length) break;
      const len = stop.length ? Math.min(...stop) : Math.min(rest.length, 3);
      // Framed: a cue before and a stop after ("ゲスト：山田花子さん", "和李小龙聊").
      if (len >= 2 && len <= 6) add(from, from + len, stop.length > 0);
      break;
    }
    // "…湊川さん": a name right before an honorific.
    for (const a of SCRIPT_HONORIFICS) {
      let at = run.indexOf(a);
      while (at >= 2) {
        // A name a cue already found ends here ("ゲスト：おもちねこさん"): no shorter reading of it.
        if (!ends.has(line.start + m.index + at)) {
          // Up to six characters from the start of the run, else four.
          const from = at <= 6 ? 0 : at - 4;
          let s = from;
          // The name starts after the last particle before the honorific, after a cue opening the run ("ゲスト湊川さん"),
          // and after the kana ending of a verb before a name in kanji or katakana ("教える湊川さん").
          const seg = run.slice(from, at);
          // A run that opens with the name and the welcome after it ("もりもとさんをゲストに") keeps its kana whole:
          // "も" and "と" there are letters of the name, not particles.
          const cut = from === 0 && SCRIPT_JOINS.test(run.slice(at)) ? -1 : Math.max(...['の', 'は', 'と', 'に', 'で', 'を', 'が', 'も'].map((p) => seg.lastIndexOf(p)));
          if (cut >= 0) s = from + cut + 1;
          const cue = SCRIPT_BEFORE.find((c) => HAN_OR_KANA.test(c) && run.startsWith(c, s) && at - s - c.length >= 2);
          if (cue) s += cue.length;
          for (let k = at - 2; k > s; k--) {
            if (/\p{Script=Hiragana}/u.test(run[k - 1]!) && /[\p{Script=Han}\p{Script=Katakana}]/u.test(run[k]!)) {
              s = k;
              break;
            }
          }
          if (at - s >= 2) add(m.index + s, m.index + at);
        }
        at = run.indexOf(a, at + a.length);
      }
    }
  }
  // A Latin handle or name written just before さん ("gami さん"), or before a welcome ("dessanをゲストに迎え").
  for (const m of read.matchAll(/([A-Za-z][A-Za-z0-9_]{1,30})\s?(?:さん|氏|(?=(?:を|が)ゲスト))/g)) add(m.index, m.index + m[1]!.length);
  // Arabic-script names: up to three words after a cue.
  if (ARABIC.test(read)) {
    for (const cue of SCRIPT_BEFORE) {
      if (!ARABIC.test(cue)) continue;
      let at = read.indexOf(cue);
      while (at >= 0) {
        const from = at + cue.length;
        // A whole word: "با" (with) is also the inside of many words.
        if ((at > 0 && !/[\s:،(]/.test(read[at - 1]!)) || (from < read.length && !/[\s:]/.test(read[from]!))) {
          at = read.indexOf(cue, from);
          continue;
        }
        const m = /^[\s:]*((?:[\p{Script=Arabic}\u200c]+\s?){1,3})/u.exec(read.slice(from));
        if (m) {
          const start = from + m[0].length - m[1]!.length;
          add(start, start + m[1]!.trimEnd().length);
        }
        at = read.indexOf(cue, at + cue.length);
      }
    }
  }
}

/** Equal, or one is a word-wise part of the other ("Jon" and "Jon Gjengset"), after folding. */
export function sameOrPart(a: string, b: string): boolean {
  const x = foldName(a).split(' ').filter(Boolean);
  const y = foldName(b).split(' ').filter(Boolean);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 1) return long.includes(short[0]!) && (long[0] === short[0] || long[long.length - 1] === short[0]);
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, k) => long[i + k] === w)) return true;
  return short.length >= 2 && short[short.length - 1] === long[long.length - 1] && long.includes(short[0]!);
}

/** Two names of two words or more that differ in one letter, or two letters swapped, of one long word. */
function misspelt(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  const diff = a.map((w, i) => [w, b[i]!] as const).filter(([x, y]) => x !== y);
  if (diff.length !== 1) return false;
  const [x, y] = diff[0]!;
  if (Math.min(x.length, y.length) < 5 || Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  if (x.length === y.length) return x.slice(i + 1) === y.slice(i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2));
  return x.length > y.length ? x.slice(i + 1) === y.slice(i) : x.slice(i) === y.slice(i + 1);
}

/** Two names written on one line with at most six characters between them ("A y B", "A and B", "A, B"). */
const sideBySide = (a: readonly Occurrence[], b: readonly Occurrence[]) =>
  a.some((x) => b.some((y) => x.where === y.where && x.lineIndex === y.lineIndex && Math.min(Math.abs(y.start - x.end), Math.abs(x.start - y.end)) <= 6));

/**
 * Groups occurrences into people: equal spellings, then a one-word spelling ("Frank") joins the one longer name
 * it is the first or last word of ("Frank Karlitschek"), and a handle written beside a name joins that name.
 */
export function groupCandidates(occurrences: readonly Occurrence[]): Candidate[] {
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = o.kind === 'handle' ? foldName(o.surface.slice(1)) : foldName(o.surface);
    if (!key) continue;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(o);
  }
  const groups = [...byKey.entries()].map(([key, occ]) => ({ key, words: key.split(' '), occ }));
  // Longest names first, so a short spelling joins a person already formed.
  groups.sort((a, b) => b.words.length - a.words.length || b.occ.length - a.occ.length || a.occ[0]!.start - b.occ[0]!.start);
  const people: Array<{ words: string[]; occ: Occurrence[] }> = [];
  const handleOwner = new Map<string, number>();
  for (const g of groups) {
    const handleKey = g.occ[0]!.kind === 'handle' ? g.key : undefined;
    let target = -1;
    if (handleKey !== undefined && handleOwner.has(handleKey)) target = handleOwner.get(handleKey)!;
    else if (g.occ[0]!.kind !== 'handle') {
      const matches = people
        .map((p, index) => ({ p, index }))
        .filter(({ p }) => p.words.length > g.words.length && p.occ[0]!.kind !== 'handle' && sameOrPart(p.words.join(' '), g.key))
        // The last two words of a longer run stand alone: they are the model's other reading of that run.
        .filter(({ p }) => g.words.length === 1 || !g.occ.every((o) => o.subSpan) || !p.occ.some((o) => !o.subSpan && g.occ.some((x) => x.start >= o.start && x.end <= o.end)));
      // A surname two people named side by side share ("Pablo Quintero y Diego Quintero … los Quintero") is neither's.
      const shared = g.words.length === 1 && matches.length >= 2 && matches.every(({ p }) => p.words.length === 2 && p.words[1] === g.words[0]) && sideBySide(matches[0]!.p.occ, matches[1]!.p.occ);
      if (shared) target = -1;
      else if (matches.length >= 1) target = matches[0]!.index;
      // The same name with a slip of the keyboard ("Martjin van Dijk" beside "Martijn van Dijk") is that person.
      else target = people.findIndex((p) => p.occ[0]!.kind !== 'handle' && misspelt(p.words, g.words));
    }
    if (target < 0 && handleKey !== undefined) {
      // "@adabyron" or "@ada_byron" is Ada Byron's handle wherever it stands.
      const squashed = handleKey.replace(/ /g, '');
      target = people.findIndex((p) => p.occ[0]!.kind !== 'handle' && p.words.length >= 2 && p.words.join('') === squashed);
    }
    if (target >= 0) people[target]!.occ.push(...g.occ);
    else {
      people.push({ words: g.words, occ: [...g.occ] });
      target = people.length - 1;
    }
    for (const o of g.occ) if (o.handle) handleOwner.set(foldName(o.handle.slice(1)), target);
  }
  // Each person's name is its fullest spelling, a handle only when there is nothing else.
  return people.map((p) => {
    const counts = new Map<string, number>();
    for (const o of p.occ) {
      const s = o.kind === 'handle' ? o.surface.slice(1) : o.surface;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const spellings = [...counts.keys()];
    // A handle written in two cases ("@adabyron", "@AdaByron") is two spellings and still only a handle.
    const written = spellings.filter((s) => p.occ.find((o) => o.surface === s || o.surface === `@${s}`)?.kind !== 'handle');
    const name = (written.length ? written : spellings).sort((a, b) => b.split(' ').length - a.split(' ').length || counts.get(b)! - counts.get(a)!)[0]!;
    for (const o of p.occ) if (o.handle && !spellings.includes(o.handle)) spellings.push(o.handle);
    return { name, spellings, occurrences: p.occ.sort((a, b) => (a.where === b.where ? a.start - b.start : a.where === 'title' ? -1 : 1)) };
  });
}
