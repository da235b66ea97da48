/**
 * What the model sees of a candidate person: where they appear, the words around them, and their shape. Every
 * feature is a number in [0, 1]; the weights (weights.json) are fitted by `npm run fit:guests` on the training
 * split. Feature names describe language, never a show or a person. Pure: no DOM.
 */
import type { Candidate, Occurrence } from './candidates';
import { foldName, sameOrPart } from './candidates';
import { CREDIT_WORDS, GUEST_CUES, HOST_LINE_WORDS, JOIN_AFTER, ORG_WORDS, PLACE_BEFORE, ROLE_WORDS, WITH_WORDS } from './lexicon';

export const FEATURES = [
  'bias',
  'in_title',
  'title_with',
  'title_cue',
  'title_lead',
  'title_tail',
  'title_on',
  'title_possessive',
  'title_plain',
  'title_titlecase',
  'in_notes',
  'notes_count',
  'notes_early',
  'notes_cue',
  'notes_cue_near',
  'notes_with',
  'notes_join',
  'appositive',
  'role_near',
  'role_before',
  'honorific',
  'handle_beside',
  'is_handle',
  'linked',
  'guest_section',
  'credit_line',
  'host_line',
  'timed_line_only',
  'possessive',
  'place_before',
  'one_word',
  'two_words',
  'three_words',
  'lower_elsewhere',
  'org_after',
  'sentence_start_only',
  'shares_host_word',
  'shares_show_word',
  'script_cue',
  'title_and_notes',
  'camel_case',
  'list_of_names',
  'one_word_no_cue',
  'sub_span',
  'person_shape_cue',
  'person_shape_role',
  'person_shape_title_notes',
  'most_mentioned',
  'first_person_in_notes',
] as const;
export type FeatureName = (typeof FEATURES)[number];

export interface Context {
  title: string;
  notes: string;
  hosts: readonly string[];
  show?: string;
  /** Lower-case words of title and notes that are written in lower case somewhere. */
  lowerWords: Set<string>;
  creditLines: Set<number>;
  hostLines: Set<number>;
  timedLines: Set<number>;
  guestLines: Set<number>;
  titleIsTitleCase: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: readonly string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');

// Phrases are matched at the end of the text before a name (`…we sit down with `) or the start of the text after.
// A cue starts a word: not after a letter or an apostrophe ("Tiger’s Vet Visit" holds no Czech "s").
const GUEST_CUE_END = new RegExp(`(?:^|[^\\p{L}'’])(?:${alternation(GUEST_CUES)})\\s*[:：,–—-]?\\s*(?:(?:the|our|my|die|der|den|la|le|el|il)\\s+)?$`, 'u');
const GUEST_CUE_NEAR = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(GUEST_CUES)})(?:[^\\p{L}]|$)`, 'u');
const WITH_END = new RegExp(`(?:^|[^\\p{L}'’])(?:${alternation(WITH_WORDS)})\\s+$`, 'u');
const JOIN_START = new RegExp(`^\\s*(?:,[^,]{0,80},\\s*|\\s(?:from|of|at|von|bei|de|di|da|z)\\s+(?:\\S+\\s+){0,3}?)?(?:${alternation(JOIN_AFTER)})(?:[^\\p{L}]|$)`, 'u');
const ROLE_ANY = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(ROLE_WORDS)})(?:s|es|en|innen|i|e|a)?(?:[^\\p{L}]|$)`, 'u');
const ROLE_END = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(ROLE_WORDS)})(?:s|es|en|innen)?\\s*[,:]?\\s*$`, 'u');
const PLACE_END = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(PLACE_BEFORE)})\\s+$`, 'u');
const ORG_START = new RegExp(`^\\s*(?:${alternation(ORG_WORDS)})(?:[^\\p{L}]|$)`, 'u');
const CREDIT_START = new RegExp(`^\\s*(?:[-*•·#>]+\\s*)?(?:${alternation(CREDIT_WORDS)})\\b[^\\n]{0,20}?[:：]`, 'iu');
const CREDIT_BY = new RegExp(`(?:${alternation(CREDIT_WORDS)})\\s+(?:by|von|de|di|por|par|af|av)\\s*$`, 'iu');
const HOST_START = new RegExp(`^\\s*(?:[-*•·#>]+\\s*)?(?:${alternation(HOST_LINE_WORDS)})\\s*[:：]`, 'iu');
const GUEST_HEAD = new RegExp(`^\\s*(?:[-*•·#>]+\\s*)?(?:${alternation(GUEST_CUES)})\\s*[:：]`, 'iu');
// "Ada Byron, a marine geologist", "Ada Byron (Oceanlab)", "Ada Byron is a …", "Ada Byron ist …"
const APPOSITIVE = new RegExp(
  `^\\s*(?:,\\s*(?:(?:a|an|the|who|one|un|una|une|ein|eine|der|die|el|la|le|il)\\s|[\\p{Ll}]|(?:${alternation(ROLE_WORDS)})\\b)|\\s*\\((?!@)[^)]{3,80}\\)|\\s+(?:is|was|ist|war|es|fue|est|était|è|era|er|var|är|je|jest|é|foi|is een)\\s+(?:a|an|the|one|ein|eine|der|die|un|una|une|uno|el|la|le|il|en|et|o|um|uma|een|\\p{Ll}+\\s))`,
  'u',
);
const TIMESTAMP = /(?:^|[^\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/;
const EPISODE_PREFIX = /^\s*(?:[\p{L}.]+\s+)?(?:#|no\.?\s*|ep\.?\s*|episode\s*)?\d+[a-z]?\s*(?:[-–—:|.]\s*)?$/iu;

/** What the page says around the names, computed once per episode. */
export function buildContext(input: { title: string; notes: string; hosts: readonly string[]; show?: string }): Context {
  const lowerWords = new Set<string>();
  for (const m of `${input.title}\n${input.notes}`.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}'’-]*/gu)) lowerWords.add(m[0]);
  const creditLines = new Set<number>();
  const hostLines = new Set<number>();
  const timedLines = new Set<number>();
  const guestLines = new Set<number>();
  input.notes.split('\n').forEach((line, i, lines) => {
    if (CREDIT_START.test(line)) creditLines.add(i);
    if (HOST_START.test(line)) hostLines.add(i);
    if (TIMESTAMP.test(line)) timedLines.add(i);
    if (GUEST_HEAD.test(line)) {
      guestLines.add(i);
      // A "Guests:" heading alone on its line introduces the lines below it, up to a blank or another heading.
      if (/[:：]\s*$/.test(line)) {
        for (let k = i + 1; k < lines.length && k <= i + 16; k++) {
          if (!lines[k]!.trim() || (/[:：]\s*$/.test(lines[k]!) && !GUEST_HEAD.test(lines[k]!))) break;
          guestLines.add(k);
        }
      }
    }
  });
  const titleWords = input.title.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const capitalised = titleWords.filter((w) => w[0] !== w[0]!.toLowerCase()).length;
  return {
    ...input,
    lowerWords,
    creditLines,
    hostLines,
    timedLines,
    guestLines,
    titleIsTitleCase: titleWords.length >= 4 && capitalised / titleWords.length >= 0.7,
  };
}

/** Facts about a candidate among the episode's others: the most mentioned and the first named person-like name. */
export interface Standing {
  mostMentioned: boolean;
  firstInNotes: boolean;
}

/** Standing of each candidate (same order): computed over names of two or three words, the usual shape of a person. */
export function standings(candidates: readonly Candidate[]): Standing[] {
  const personLike = (c: Candidate) => c.occurrences[0]!.kind !== 'handle' && /^\S+(?: \S+){1,2}$/.test(foldName(c.name));
  const notesCount = (c: Candidate) => c.occurrences.filter((o) => o.where === 'notes').length;
  const max = Math.max(0, ...candidates.filter(personLike).map(notesCount));
  const firstStart = Math.min(Infinity, ...candidates.filter(personLike).flatMap((c) => c.occurrences.filter((o) => o.where === 'notes').map((o) => o.start)));
  return candidates.map((c) => ({
    mostMentioned: personLike(c) && max >= 2 && notesCount(c) === max,
    firstInNotes: personLike(c) && c.occurrences.some((o) => o.where === 'notes' && o.start === firstStart),
  }));
}

// A list of capitalised names before this one ("with Ada Byron, Alan Turing and "): the cue before the list is
// this name's cue too.
const NAME_LIST_TAIL = /(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){0,3}\p{Lu}[\p{L}\p{M}'’.-]*\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:(?:and|und|et|y|e|og|och|en|i|a|&)\s+)?|&\s*|(?:and|und|et|y|e|og|och|en|i|a)\s+)$/u;
function beforeList(o: Occurrence): string {
  let raw = o.rawBefore;
  for (let i = 0; i < 12; i++) {
    const m = NAME_LIST_TAIL.exec(raw);
    if (!m || m[0].length === 0) break;
    raw = raw.slice(0, m.index);
  }
  return raw === o.rawBefore ? o.before : raw.toLowerCase();
}

/** The feature vector of one candidate, in FEATURES order. */
export function featurize(c: Candidate, ctx: Context, standing: Standing = { mostMentioned: false, firstInNotes: false }): number[] {
  const f = new Map<FeatureName, number>();
  const set = (name: FeatureName, value = 1) => f.set(name, Math.max(f.get(name) ?? 0, value));
  const title = c.occurrences.filter((o) => o.where === 'title');
  const notes = c.occurrences.filter((o) => o.where === 'notes');
  const words = foldName(c.name).split(' ').filter(Boolean);
  set('bias');
  let anyCue = false;
  for (const o of title) {
    set('in_title');
    const before = beforeList(o);
    const cue = GUEST_CUE_END.test(before);
    const withWord = WITH_END.test(before);
    if (withWord) set('title_with');
    if (cue) set('title_cue');
    const atStart = EPISODE_PREFIX.test(o.before) || !o.before.trim();
    if (atStart && /^\s*(?:[:：]|[-–—|]\s|,)/.test(o.after)) set('title_lead');
    if (/[-–—|:,]\s*$/.test(o.before) && /^\s*(?:\([^)]*\)\s*)?[.!?]?\s*$/.test(o.after)) set('title_tail');
    if (/^\s+(?:on|über|sur|sobre|om|o|about|talks|explains)\s/.test(o.after)) set('title_on');
    if (/^['’]s?\s/.test(o.after)) set('title_possessive');
    if (!cue && !withWord) set('title_plain');
    if (ctx.titleIsTitleCase) set('title_titlecase');
    if (cue || withWord) anyCue = true;
    common(o);
  }
  for (const o of notes) {
    set('in_notes');
    if (o.start < 300) set('notes_early');
    const before = beforeList(o);
    const sentenceBefore = before.split(/[.!?]\s/).pop() ?? '';
    if (GUEST_CUE_END.test(before)) {
      set('notes_cue');
      anyCue = true;
    } else if (GUEST_CUE_NEAR.test(sentenceBefore.slice(-60))) set('notes_cue_near');
    if (WITH_END.test(before)) {
      set('notes_with');
      anyCue = true;
    }
    if (JOIN_START.test(o.after)) set('notes_join');
    if (ctx.guestLines.has(o.lineIndex)) {
      set('guest_section');
      anyCue = true;
    }
    if (ctx.creditLines.has(o.lineIndex) || CREDIT_BY.test(o.before)) set('credit_line');
    if (ctx.hostLines.has(o.lineIndex)) set('host_line');
    if (/^['’]s?\s/.test(o.after)) set('possessive');
    common(o);
  }
  function common(o: Occurrence) {
    if (APPOSITIVE.test(o.after)) set('appositive');
    const sentence = `${(o.before.split(/[.!?]\s/).pop() ?? '').slice(-60)} ${o.after.split(/[.!?]\s/)[0]!.slice(0, 80)}`;
    if (ROLE_ANY.test(sentence)) set('role_near');
    if (o.roleBefore || ROLE_END.test(o.before)) set('role_before');
    if (o.honorific) set('honorific');
    if (o.handle) set('handle_beside');
    if (o.kind === 'handle') set('is_handle');
    if (o.kind === 'script') {
      set('script_cue');
      if (o.where === 'title') set('title_with');
      anyCue = true;
    }
    if (o.linked) set('linked');
    if (PLACE_END.test(o.before) && !o.honorific) set('place_before');
    if (ORG_START.test(o.after)) set('org_after');
    // "Ada Byron, Alan Turing and Grace Hopper": a name in a list of names.
    if (/^\s*(?:,|&|and|und|et|y|e|og|och|en)\s+\p{Lu}\p{Ll}+\s\p{Lu}/u.test(o.after) || /\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+\s*(?:,|&|and|und|et|y|e|og|och|en)\s*$/u.test(o.before)) set('list_of_names');
  }
  if (notes.length) set('notes_count', Math.min(1, Math.log1p(notes.length) / Math.log(16)));
  if (title.length && notes.length) set('title_and_notes');
  if (notes.length && notes.every((o) => ctx.timedLines.has(o.lineIndex)) && !title.length) set('timed_line_only');
  if (c.occurrences.every((o) => o.sentenceInitial) && words.length === 1) set('sentence_start_only');
  const kind = c.occurrences[0]!.kind;
  if (kind === 'name') {
    if (words.length === 1) set('one_word');
    else if (words.length === 2) set('two_words');
    else set('three_words');
    const lower = words.filter((w) => ctx.lowerWords.has(w)).length;
    set('lower_elsewhere', lower / words.length);
    if (words.length === 1 && !anyCue) set('one_word_no_cue');
  }
  if (c.occurrences.every((o) => o.subSpan)) set('sub_span');
  const personShape = kind === 'name' && (words.length === 2 || words.length === 3);
  const has = (name: FeatureName) => (f.get(name) ?? 0) > 0;
  if (personShape && (has('notes_cue') || has('notes_with') || has('title_with') || has('title_cue') || has('guest_section') || has('notes_join'))) set('person_shape_cue');
  if (personShape && (has('appositive') || has('role_near') || has('role_before') || has('honorific'))) set('person_shape_role');
  if (personShape && has('title_and_notes')) set('person_shape_title_notes');
  if (standing.mostMentioned) set('most_mentioned');
  if (standing.firstInNotes) set('first_person_in_notes');
  if (/\p{Ll}\p{Lu}/u.test(c.name.replace(/\b(?:Mc|Mac|De|Di|Le|La|O['’])\p{Lu}/gu, ''))) set('camel_case');
  const hostWords = new Set(ctx.hosts.flatMap((h) => foldName(h).split(' ')).filter((w) => w.length > 1));
  if (words.some((w) => hostWords.has(w))) set('shares_host_word');
  const showWords = new Set(foldName(ctx.show ?? '').split(' ').filter((w) => w.length > 2));
  if (words.some((w) => showWords.has(w))) set('shares_show_word');
  return FEATURES.map((name) => f.get(name) ?? 0);
}

/** Hosts, and the show itself, are never guests: they are left out before the model is asked. */
export function isHostOrShow(c: Candidate, ctx: Context): boolean {
  if (ctx.hosts.some((h) => c.spellings.some((s) => sameOrPart(h, s)))) return true;
  if (ctx.show) {
    const show = foldName(ctx.show);
    if (c.spellings.some((s) => {
      const f = foldName(s);
      return f === show || (f.length > 3 && ` ${show} `.includes(` ${f} `));
    })) return true;
  }
  return false;
}
