/**
 * Who is on this episode, read from its title and notes the way a careful listener would: names come only from
 * the places episodes introduce guests ("… with Ada Byron", "Ada Byron: …", "we sit down with …", "joined by
 * …"), never from any capitalised words; hosts, credits and people merely mentioned are left out. Pure: no DOM,
 * no `browser`.
 */
import { looksLikeHtml, toPlainText } from '../timeline/normalize';

/** A person as structured data names them (`podcast:person`, JSON-LD): it wins over reading the text. */
export interface PersonRecord {
  name: string;
  /** `guest`, `host`, … (podcast:person roles); only guests are kept. */
  role?: string;
  affiliation?: string;
  description?: string;
}

export interface GuestInput {
  title: string;
  persons?: readonly PersonRecord[];
  /** Notes as HTML, markdown or text. */
  notes: string;
  show?: string;
  showDescription?: string;
  hosts?: readonly string[];
}

/** A page the notes give for a guest (site, Mastodon, X, LinkedIn, GitHub): https only. */
export interface GuestLink {
  url: string;
  /** The URL's host without `www.`, shown as the link's text. */
  host: string;
}

export interface Guest {
  name: string;
  aliases: string[];
  affiliations: string[];
  /** One sentence about the guest from the notes (or the title when the notes say nothing). */
  summary: string;
  /** The text each finding came from, for "why we think so". */
  evidence: string[];
  /** 0–1: a title cue is strong, a notes cue a little less. */
  confidence: number;
  /** Pages the notes give for this guest, https only. */
  links: GuestLink[];
}

// A name token: a capital, then letters, apostrophes or hyphens (O'Dwyer, Jean-Luc, McGinnis, Héritier).
// Connectives written with a capital in titles ("Stuart Begg And Matt Byrne") are not tokens.
const STOP =
  "(?!(?:And|Et|Und|With|Mit|Avec|Of|At|The|On|Sur|From|For|By|In|Part|Partie|Episode|Interview|Podcast|Guest|Star|Special|Live|Feat|Ft|Mais|Aussi|Show|Talk|Talks|Chat|Q)\\b)";
// All-capital words ("TU", "NASA") are organisations: a name token has a lower-case letter after its capital.
// The letters after the capital are "anything but a separator": a negated ASCII-ish class compiles in
// microseconds where [\p{L}\p{M}] compiles in milliseconds, and these patterns repeat it dozens of times (the
// first page load paid ~100 ms compiling them).
const INNER = `[^\\s\\d.,;:!?()\\[\\]{}"“”„«»/\\\\|&@#<>*_=+~^$%–—…·•]`;
// Capitals and small letters of the Latin, Greek and Cyrillic scripts, spelled out for the same reason (blocks
// that alternate cases, such as Latin Extended-A, sit in both: "Łukasz" and "Dvořák" still read as names).
const UPPER = 'A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫϒϘ-ϯЀ-ЯѠ-ԯḀ-ỿ';
const LOWER = 'a-zß-öø-ÿĀ-ɏά-ώϘ-ϯа-џѠ-ԯḀ-ỿ';
const TOKEN = `${STOP}[${UPPER}]${INNER}*?[${LOWER}]${INNER}*(?!${INNER})`;
const PARTICLE = "(?:de|De|van|von|der|da|di|du|le|la|dos|del|ten|ter)";
// Two to four tokens, with particles ("Nicolas De Loof") and a nickname in parentheses ("Augusta Ada (Ada) Byron").
const NAME = `${TOKEN}(?:[ \\t]+(?:\\(${TOKEN}\\)[ \\t]+)?(?:${PARTICLE}[ \\t]+)?${TOKEN}){1,3}`;
const CONJ = "(?:[Aa]nd|&|[Ee]t|[Uu]nd|y|e|mais aussi|as well as)";
// After a comma, words followed by "at …" are a role ("…, Independent Contractors at Sensis"), not a name.
const NAME_LIST = `${NAME}(?:(?:[ \\t]*,[ \\t]*(?:${CONJ}[ \\t]+)?|[ \\t]+${CONJ}[ \\t]+)${NAME}(?![ \\t]+(?:at|of|from|bei|chez|@)\\b))*`;

/** Case-insensitive first letters for cue words, without the `i` flag (which would let \p{Lu} match any letter). */
const anyCase = (words: string) => words.replace(/(^|[|(:\s])([a-z])/g, (_, before: string, c: string) => `${before}[${c}${c.toUpperCase()}]`);

const re = (source: string, flags = 'u') => new RegExp(source, flags);

/** Indexes of the title cues below that need the name confirmed by the notes. */
const CONFIRMED_CUES = new Set([1, 2, 3]);
/** Title cues, each capturing a list of names (group 1). */
const TITLE_CUES: RegExp[] = [
  re(`(?:^|\\s)(?:with|With|w/|ft\\.?|Ft\\.?|feat\\.?|featuring|Featuring|avec|con|mit|zu Gast:?|Guest:?|guest:?|Gast:?|ゲスト[:：]?\\s*|Interview(?:\\s+(?:de|with|With|mit|avec|of))?|interview(?:\\s+(?:de|with|mit|avec|of))?|Guest star|guest star|by)\\s+(${NAME_LIST})`),
  // "Ada Byron: Deep Sea Mapping", "#212 – Ada Byron: …", "Ada Byron — Deep Sea Mapping"
  re(`^(?:#?\\d+\\s*[-–—:|.]\\s*)?(${NAME})\\s*(?::|\\s[-–—|]\\s)`),
  // "Deep Sea Mapping | Ada Byron"
  re(`\\s[|]\\s*(${NAME})\\s*$`),
  // "Ada Byron on Deep Sea Mapping"
  re(`^(${NAME})\\s+on\\s+\\S`),
  // "ゲスト：山田花子さん": CJK names have no capitals; the name runs to the next space, punctuation or honorific.
  re(`ゲスト[:：]\\s*([\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー・]{2,12}?)(?:さん|氏|様)?(?=[\\s、，。,)）]|$)`),
  // German genitive at the end: "Die Open Source Reise des Jan Lenhardt"
  re(`\\s(?:des|der|von)\\s+(${NAME})\\s*$`),
  // A list of two or more names after a dash: "Interview part 1 - Ada Byron, Alan Turing et Grace Hopper …"
  re(`\\s[-–—]\\s+(${NAME}(?:[ \\t]*,[ \\t]*${NAME})+(?:[ \\t]*,?[ \\t]+${CONJ}[ \\t]+${NAME})?)`),
];

/**
 * Cheap tests, one per title cue, that pass whenever the cue could match. The cues with their Unicode classes
 * take milliseconds each to compile on first use; most titles and sentences need none of them, and a page's
 * first load should not pay for them all (it paid ~100 ms).
 */
const TITLE_GATES: RegExp[] = [
  /(?:^|\s)(?:with|w\/|ft|feat|avec|con|mit|zu gast|guest|gast|interview|by)|ゲスト/i,
  /:|\s[-–—|]\s/,
  /\s\|/,
  /\son\s/,
  /ゲスト/,
  /\s(?:des|der|von)\s/,
  /\s[-–—]\s.*,/s,
];

// A single name word is accepted only right after a notes cue and before an apposition ("with Daniel, the
// original author of cURL"): alone it would take every capitalised word.
const NOTES_CUE = anyCase(
  "(?:talks? (?:with|to)|talked (?:with|to)|chats? with|chatted with|sits? down with|sat down with|speaks? (?:with|to)|spoke (?:with|to)|interviews?|interviewed|welcomes?|welcomed|(?:is|are) joined by|joined by|catches up with(?:\\s+(?:his|her|their|our))?(?:\\s+(?:old|good|dear|longtime))*(?:\\s+(?:internet|online))?(?:\\s+(?:friend|colleague|pal))?|(?:my|our) guests? (?:today |this week |this episode )?(?:is|are)|(?:today'?s|this week'?s) guests? (?:is|are)|in conversation with|uns mit|zu Gast (?:ist|sind)|avec)",
);
const NOTES_CUES: RegExp[] = [
  re(`${NOTES_CUE}\\s+(${NAME_LIST})`, 'gu'),
  re(`${NOTES_CUE}\\s+(${TOKEN})(?=,\\s+(?:the|a|an|who|creator|author|founder|co-founder|maintainer|professor|CEO|CTO|lead|head|director|one of)\\b)`, 'gu'),
  // "Noclip's Danny O'Dwyer lands in the studio", "Ada Byron joins us"
  re(`(?:(\\p{Lu}[\\p{L}\\p{M}0-9-]*)'s\\s+)?(${NAME})\\s+(?:joins|joined|lands in|stops by|drops by|visits|comes on|is back|returns to|sits down)\\b`, 'gu'),
  // "Ada Byron is a marine geologist …" opening a sentence
  re(`^(${NAME}) (?:is|was) (?:a|an|the)\\s`, 'gu'),
  // "Three interviews from RustFest: Ada Byron on …; Alan Turing on …; and Grace Hopper on …"
  re(`(?:interviews?[^.]*?[:;]\\s*|;\\s*(?:and\\s+)?)(${NAME})\\s+on\\b`, 'gu'),
];

/** Gates for the notes cues, as for the title's. */
const NOTES_GATES: RegExp[] = [
  new RegExp(NOTES_CUE),
  new RegExp(NOTES_CUE),
  /\b(?:joins|joined|lands in|stops by|drops by|visits|comes on|is back|returns to|sits down)\b/,
  / (?:is|was) (?:a|an|the)\s/,
  /interview|;/i,
];

// "Hosts: …" lines (a word, then a colon: "Hosting Infrastructure:" is a credit, not a host line).
const HOST_LINE = /^(?:hosts?|moderation|moderiert von|présenté par|animé par)\s*[:：]\s*(.+)$/imu;
const HOSTED_BY = /\bhosted by\s+([^.\n]+)/giu;
const CREDIT_LINE =
  /^(?:audio edit(?:ing|or)|edited by|editor|intro theme|music|theme music|hosting infrastructure|show notes|producer|produced by|artwork|mixing|mastering|transcript|sound)\s*[:：]/imu;
/** "of/at/from/bei/chez <Capitalised>": an organisation after a preposition. */
const ORG_AFTER = /\b(?:of|at|from|bei|chez)\s+\p{Lu}/u;
const ROLE = /\b(?:creator|author|co-?founder|founder|maintainer|engineer|developer|professor|researcher|CEO|CTO|director|head|lead|editor|writer|host|designer|scientist|contractor|consultant|manager|partner|president|fellow|member|core team|inventor|architect)s?\b/iu;

interface Found {
  name: string;
  evidence: string;
  fromTitle: boolean;
  affiliations?: string[];
  order: number;
}

export function extractGuests(input: GuestInput): Guest[] {
  const structured = (input.persons ?? []).filter((p) => (p.role ?? 'guest').toLowerCase() === 'guest' && p.name.trim());
  if (structured.length) {
    const notes = plainNotes(input.notes);
    return structured.map((p) => {
      const guest: Guest = {
        name: p.name.trim(),
        aliases: [],
        affiliations: p.affiliation ? [p.affiliation] : [],
        summary: '',
        evidence: ['structured data (podcast:person)'],
        confidence: 1,
        links: [],
      };
      describe(guest, notes, decodeText(input.title));
      if (p.description) guest.summary = shorten(p.description);
      return guest;
    });
  }
  const title = decodeText(input.title);
  const notesText = plainNotes(input.notes);
  const hosts = hostNames(input, notesText);
  const creditNames = creditedNames(notesText);
  const found: Found[] = [];
  let order = 0;

  for (const [index, cue] of TITLE_CUES.entries()) {
    if (!TITLE_GATES[index]!.test(title)) continue;
    const m = cue.exec(title);
    if (!m?.[1]) continue;
    // "X: topic", "topic | X" and "X on topic" take any capitalised phrase; believe them when the notes name X too.
    if (CONFIRMED_CUES.has(index) && !m[1].split(/\s+/).every((w) => notesText.includes(w))) continue;
    const tail = title.slice(m.index + m[0].length);
    const shared = titleAffiliation(tail);
    for (const name of splitNames(m[1])) found.push({ name, evidence: title, fromTitle: true, order: order++, ...(shared ? { affiliations: shared } : {}) });
  }
  for (const sentence of sentences(notesText)) {
    if (CREDIT_LINE.test(sentence) || HOST_LINE.test(sentence)) continue;
    for (const [index, cue] of NOTES_CUES.entries()) {
      if (!NOTES_GATES[index]!.test(sentence)) continue;
      cue.lastIndex = 0;
      for (let m = cue.exec(sentence); m; m = cue.exec(sentence)) {
        const list = m[2] ?? m[1];
        if (!list) continue;
        const possessive = m[2] !== undefined ? m[1] : undefined;
        for (const name of splitNames(list)) {
          found.push({ name, evidence: sentence, fromTitle: false, order: order++, ...(possessive ? { affiliations: [possessive] } : {}) });
        }
      }
    }
  }

  const guests: Guest[] = [];
  const isHost = (name: string) => hosts.some((h) => sameOrPart(h, name));
  const isCredited = (name: string) => creditNames.some((c) => sameOrPart(c, name) && !found.some((f) => f.fromTitle && sameOrPart(f.name, name)));
  for (const f of found.sort((a, b) => a.order - b.order)) {
    if (isHost(f.name) || isCredited(f.name) || (input.show && sameOrPart(decodeText(input.show), f.name))) continue;
    const existing = guests.find((g) => [g.name, ...g.aliases].some((n) => sameOrPart(n, f.name)));
    if (existing) {
      if (f.name.split(' ').length > existing.name.split(' ').length) {
        existing.aliases.push(existing.name);
        existing.name = f.name;
      } else if (f.name !== existing.name && !existing.aliases.includes(f.name)) existing.aliases.push(f.name);
      if (!existing.evidence.includes(f.evidence)) existing.evidence.push(f.evidence);
      for (const a of f.affiliations ?? []) if (!existing.affiliations.includes(a)) existing.affiliations.push(a);
      existing.confidence = Math.max(existing.confidence, f.fromTitle ? 0.9 : 0.75);
      continue;
    }
    guests.push({
      name: f.name,
      aliases: [],
      affiliations: [...(f.affiliations ?? [])],
      summary: '',
      evidence: [f.evidence],
      confidence: f.fromTitle ? 0.9 : 0.75,
      links: [],
    });
  }
  for (const g of guests) describe(g, notesText, title);
  return guests;
}

/** "Ada Byron, Alan Turing and Grace Hopper" → the three names. */
function splitNames(list: string): string[] {
  return list
    .split(new RegExp(`\\s*,\\s*(?:${CONJ}\\s+)?|\\s+${CONJ}\\s+`, 'u'))
    .map((n) => n.trim())
    .filter((n) => n.length > 1);
}

/** ", TU Delft" or ", Independent Contractors at Sensis" or " (MIT, Oceanlab)" right after the names in a title. */
function titleAffiliation(tail: string): string[] | undefined {
  const m = /^\s*(?:,\s*([^,()|]{2,80})|\(([^()]{2,80})\))\s*$/u.exec(tail);
  const text = (m?.[1] ?? m?.[2])?.trim();
  if (!text || /^(?:he|she|they)\//i.test(text)) return undefined;
  // "(Part 2)" and "(live)" are about the episode, not the guest.
  if (/^(?:part|teil|partie|parte|live|rerun|repost|encore|bonus)\b/i.test(text)) return undefined;
  const at = /\b(?:at|@|bei|chez)\s+(.+)$/iu.exec(text);
  return (at ? at[1]! : text).split(/\s*,\s*/).filter(Boolean);
}

function describe(g: Guest, notes: string, title: string): void {
  const names = [g.name, ...g.aliases, g.name.split(' ')[0]!].filter((n) => n.length > 2);
  const bare = (s: string) => s.replace(/[*_#]/g, '').trim();
  const mentions = sentences(notes).filter(
    (s) => names.some((n) => s.includes(n)) && !CREDIT_LINE.test(s) && !HOST_LINE.test(s) && !names.includes(bare(s)),
  );
  // The clause that presents the guest: from the name to the next ";" (lists of guests) or the sentence end.
  const clauses = mentions.map((s) => clauseAbout(s, names));
  const best = clauses.find((c) => ROLE.test(c)) ?? clauses.find((c) => ORG_AFTER.test(c));
  // A name on its own line (a header) is presented by the line below it.
  const header = headerLine(notes, g.name);
  // Without a sentence that says who they are, the title (which named them) says what they are on about.
  const fromTitle = g.evidence.includes(title) ? title : undefined;
  g.summary = shorten(best ?? fromTitle ?? header ?? clauses[0] ?? title);
  if (header && !g.summary.includes(header)) g.affiliations.push(header);
  for (const s of mentions) {
    for (const m of s.matchAll(/\b(?:co-?founded|founded|founder of|co-founder of|works? at|working at|engineer at|developer at|creator of|author of the book|author of|maintainers? of|at)\s+["“]?(\p{Lu}[\p{L}\p{M}0-9.&'’ -]{1,40}?)["”]?(?=[,.;:)]|\s+(?:with|about|and|to|for|in|where|which|who)\b|$)/gu)) {
      const org = m[1]!.trim();
      if (!g.affiliations.includes(org) && !names.some((n) => n === org)) g.affiliations.push(org);
    }
  }
  if (!g.evidence.length) g.evidence.push(title);
}

function clauseAbout(sentence: string, names: string[]): string {
  const at = Math.min(...names.map((n) => sentence.indexOf(n)).filter((i) => i >= 0));
  const start = Math.max(sentence.lastIndexOf(';', at) + 1, sentence.lastIndexOf(':', at) > at - 3 ? 0 : 0);
  const end = sentence.indexOf(';', at);
  return sentence.slice(start, end === -1 ? undefined : end).trim();
}

function headerLine(notes: string, name: string): string | undefined {
  const lines = notes.split('\n').map((l) => l.trim());
  const i = lines.findIndex((l) => l.replace(/[*_#]/g, '').trim() === name);
  if (i === -1) return undefined;
  // The first line below with words of its own (a line that is only a link says nothing).
  for (const line of lines.slice(i + 1, i + 4)) {
    const text = line.replace(/https?:\/\/\S+/g, '').replace(/[*_[\]()]/g, '').replace(/[:：]\s*$/, '').trim();
    if (text.length > 1) return text;
  }
  return undefined;
}

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= 240 ? t : `${t.slice(0, 237).replace(/\s+\S*$/, '')}…`;
}

function hostNames(input: GuestInput, notes: string): string[] {
  const hosts = [...(input.hosts ?? [])];
  for (const line of notes.split('\n')) {
    const m = HOST_LINE.exec(line.trim());
    if (m) hosts.push(...m[1]!.split(/\s*(?:,|&|\band\b)\s*/u));
  }
  for (const text of [notes, input.showDescription ?? '']) {
    for (const m of text.matchAll(HOSTED_BY)) hosts.push(...m[1]!.split(/\s*(?:,|&|\band\b)\s*/u));
  }
  return hosts.map((h) => h.replace(/[[\]()*_]/g, '').trim()).filter((h) => h.length > 1);
}

function creditedNames(notes: string): string[] {
  return notes
    .split('\n')
    .filter((l) => CREDIT_LINE.test(l.trim()))
    .flatMap((l) => l.replace(CREDIT_LINE, '').split(/\s*(?:,|&|\band\b)\s*/u))
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Equal, or one is a word-wise part of the other ("Jon" and "Jon Gjengset"). Case- and accent-insensitive. */
function sameOrPart(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[()"“”]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
  const x = fold(a);
  const y = fold(b);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.every((w, i) => long[i] === w)) return true;
  // "Ada Byron" and "Augusta Ada (Ada) Byron": same last name, and the shorter's first name is in the longer.
  return short.length >= 2 && short[short.length - 1] === long[long.length - 1] && long.includes(short[0]!);
}

function decodeText(s: string): string {
  return toPlainText(s, false).text.trim();
}

function plainNotes(notes: string): string {
  return toPlainText(notes, looksLikeHtml(notes)).text;
}

/** Sentences and lines: notes put one thought per line as often as per sentence. */
function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The cues with their gates, for the test that checks each gate passes whatever its cue matches. */
export const GATED_CUES = {
  title: TITLE_CUES.map((cue, i) => [TITLE_GATES[i]!, cue] as const),
  notes: NOTES_CUES.map((cue, i) => [NOTES_GATES[i]!, cue] as const),
};
