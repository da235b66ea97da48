/**
 * What the model sees of a candidate person: where they appear, the words around them, and their shape. Every
 * feature is a number in [0, 1]; the weights (weights.json) are fitted by `npm run fit:guests` on the training
 * split. Feature names describe language, never a show or a person. Pure: no DOM.
 */
import type { Candidate, Occurrence } from './candidates';
import { foldName, isGuestHeading, isRoleWord, sameOrPart, SCRIPT_GUEST_LABEL } from './candidates';
import { AND_WORDS, COPULAS, CREDIT_WORDS, FUNCTION_WORDS, GUEST_CUES, HONORIFICS, HOST_LINE_WORDS, JOIN_AFTER, ORG_WORDS, PLACE_BEFORE, ROLE_WORDS, SCRIPT_JOINS, SUBJECT_PRONOUNS, WITH_WORDS } from './lexicon';

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
  'host_verb',
  'noun_suffix',
  'person_shape_title_edge',
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
  /** Lines under a heading that is only a guest word ("## Guests"): a name that starts one is listed there. */
  guestListLines: Set<number>;
  /** Each line listed under a guest heading or a "Guests:" label (of the two sets above), with the heading's line. */
  guestSections: Map<number, number>;
  /** Lines that list an event's speakers ("Speakers: …" near a conference's name): not the episode's guests. */
  eventSpeakerLines: Set<number>;
  titleIsTitleCase: boolean;
  /** Words of the hosts' names and of the show's name. */
  hostWords: Set<string>;
  showWords: Set<string>;
}

// Phrases are looked up word by word in sets, not matched by one regex alternation per list: those take
// milliseconds each to compile and to run, and a player page's first extraction should not pay for them.
const phraseSet = (words: readonly string[]) => new Set(words);
const CUES = phraseSet(GUEST_CUES);
const WITHS = phraseSet(WITH_WORDS);
const JOINS = phraseSet(JOIN_AFTER);
const PLACES = phraseSet(PLACE_BEFORE);
const ORGS = phraseSet(ORG_WORDS);
const CREDITS = phraseSet(CREDIT_WORDS);
const HOST_WORDS = phraseSet(HOST_LINE_WORDS);
const FUNCTION = phraseSet(FUNCTION_WORDS);
const COPULA = phraseSet(COPULAS);
const DETERMINERS = phraseSet(['the', 'our', 'my', 'die', 'der', 'den', 'la', 'le', 'el', 'il']);
const ROLE_PHRASES = phraseSet(ROLE_WORDS.filter((w) => w.includes(' ')));
const MAX_PHRASE = 5;

/** Lower-case words of a text, without the punctuation around them (inner hyphens, dots and slashes stay). */
const bareWord = (w: string): string => w.replace(/^[^\p{L}\p{N}@&#]+/u, '').replace(/[,:;!?"“”»)\]：。、]+$/u, '');
const wordsOf = (text: string): string[] => text.split(/\s+/).map(bareWord).filter(Boolean);

/** The text ends with one of the phrases (`…we sit down with `), a colon or a determiner allowed after it. */
function endsWith(text: string, phrases: Set<string>, determiner = false): boolean {
  // "’s" is no Czech "s": the last word must not be glued to the one before by an apostrophe.
  // French elision ("d'entendre", "l'invitée") is one word.
  if (/['’]\S*$/.test(text.trimEnd()) && !/(?:^|\s)(?:d|l|qu)['’]\p{L}+$/u.test(text.trimEnd())) return false;
  // A page title's separator: "Extended Interview | Ars Technica" names the site after the cue, not a guest.
  if (/\s\\?[|·•]\s*$/.test(text)) return false;
  const words = wordsOf(text.slice(-80));
  // "with Acme web performance engineer, Ada Byron": a role phrase set before the name by a comma.
  if (/\S,\s+$/.test(text) && words.length > 1 && isRoleWord(words[words.length - 1]!)) {
    for (let k = 1; k <= 5 && k < words.length; k++) if (endsWithWords(words.slice(0, -k), phrases)) return true;
  }
  if (!determiner) return endsWithWords(words, phrases);
  if (endsWithWords(words, phrases)) return true;
  // Between the cue and the name may stand a copula ("our guest is", "notre invité est"), what the person does
  // ("interviews farmer and author"), and a determiner.
  const rest = [...words];
  let dropped = false;
  while (rest.length > 1 && rest.length > words.length - 6) {
    const w = rest[rest.length - 1]!;
    if (!(COPULA.has(w) || DETERMINERS.has(w) || POSSESSIVES.has(w) || isRoleWord(w) || (dropped && /^(?:and|und|et|y|e|og|och|en|i|a|&)$/.test(w)))) break;
    rest.pop();
    dropped = true;
    if (endsWithWords(rest, phrases)) return true;
  }
  // "My guest this week is", "unser Gast heute ist": a few words of time between the cue and the copula.
  // Not across a sentence's end ("Zu Gast ist Ada Byron. Sie ist Geologin", "Gäste? Wie immer sind Anregungen …": no
  // cue for "Geologin" or "Anregungen"); wordsOf drops the question and exclamation marks, so the sentence is cut first.
  const raw = text.slice(-80).split(/[.!?…]+["”»)]*\s+/u).pop() ?? '';
  const sentence = wordsOf(raw);
  if (sentence.length > 2 && COPULA.has(sentence[sentence.length - 1]!)) {
    // The words of time are in lower case: a name and "who" between ("we interview Ada Byron who is Research …") end
    // the reach.
    const written = raw.split(/\s+/).filter((w) => bareWord(w));
    for (let k = 2; k <= 4 && k < sentence.length; k++) {
      const skipped = written[written.length - k];
      if (skipped === undefined || /^\p{Lu}/u.test(skipped) || RELATIVES.has(sentence[sentence.length - k]!)) break;
      if (endsWithWords(sentence.slice(0, -k), phrases)) return true;
    }
  }
  return false;
}
/** Relative pronouns: after a name, they start what is said of it, not words of time. */
const RELATIVES = new Set(['who', 'which', 'welcher', 'welche', 'qui', 'quien', 'quienes', 'che', 'cui']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'my', 'our', 'sein', 'seine', 'ihr', 'ihre', 'son', 'sa', 'ses', 'su', 'sus', 'suo', 'sua', 'hans', 'hendes', 'deres']);

function endsWithWords(words: readonly string[], phrases: Set<string>): boolean {
  for (let k = 1; k <= Math.min(MAX_PHRASE, words.length); k++) {
    const phrase = words.slice(-k).join(' ');
    if (phrases.has(phrase) || phrases.has(phrase.replace(/[.:]$/, ''))) return true;
  }
  // Scripts without spaces: the cue ends the last word ("今回のゲスト").
  const last = words[words.length - 1] ?? '';
  return CJK_END.test(last) && cjkPhrases(phrases).some((p) => last.endsWith(p));
}
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const cjkCache = new Map<Set<string>, string[]>();
const cjkPhrases = (phrases: Set<string>): string[] => {
  if (!cjkCache.has(phrases)) cjkCache.set(phrases, [...phrases].filter((p) => p.length >= 2 && CJK_END.test(p)));
  return cjkCache.get(phrases)!;
};

/** The text starts with one of the phrases. */
function startsWith(words: readonly string[], phrases: Set<string>): boolean {
  for (let k = 1; k <= Math.min(MAX_PHRASE, words.length); k++) if (phrases.has(words.slice(0, k).join(' '))) return true;
  return false;
}

/** One of the phrases stands anywhere in the text. */
function contains(text: string, phrases: Set<string>): boolean {
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) if (startsWith(words.slice(i, i + MAX_PHRASE), phrases)) return true;
  return false;
}

/** The text holds a word that says what someone does. */
export function hasRole(text: string): boolean {
  const words = wordsOf(text);
  return words.some(isRoleWord) || words.some((w, i) => ROLE_PHRASES.has(`${w} ${words[i + 1] ?? ''}`));
}

/** "Ada Byron joins us", "Ada Byron, the founder of Oceanlab, joins us", "Ada Byron from Oceanlab joins us". */
function joinsAfter(after: string): boolean {
  // A name in brackets is said of the word before them ("Research (Adam Quill) shows …"): the verb is that word's.
  if (/^\s*[)\]）]/.test(after)) return false;
  // A sentence may end with the phrase ("… ist Ada Byron zu Gast."): its period is no part of the word.
  const words = wordsOf(after.replace(/(\p{L})\.(?=\s|$)/gu, '$1'));
  if (startsWith(words, JOINS)) return true;
  const clause = /^\s*,[^,]{0,80},\s*/.exec(after);
  if (clause && startsWith(wordsOf(after.slice(clause[0].length)), JOINS)) return true;
  if (/^\s(?:from|of|at|von|bei|de|di|da|z)\s/.test(after)) for (let k = 2; k <= 4; k++) if (startsWith(words.slice(k), JOINS)) return true;
  // What the person does, opened by a comma the writer never closed: "Ada Byron, Lead Developer at the Oceanlab
  // Trust joins the panel".
  const open = /^\s*,\s([^,.;!?\n]{3,100})/.exec(after);
  if (open) {
    const inner = wordsOf(open[1]!);
    for (let k = 2; k < inner.length; k++) if (inner.slice(0, k).some(isRoleWord) && startsWith(inner.slice(k), JOINS)) return true;
  }
  return false;
}

const AND = AND_WORDS;
/** A capitalised name of one to four words, as the list readers see one. */
const LISTED = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){0,3}\p{Lu}[\p{L}\p{M}'’.-]*`;

/** "my friend", "our old colleague", "meinem Freund", "mon amie", "mi amiga" right before a name. */
const FRIEND_BEFORE = /\s(?:my|our|mein(?:em|er)?|unse?re[mr]?|mon|ma|notre|mi|nuestr[oa])\s+(?:(?:good|old|dear|long-time|longtime|guten?|alte[nmr]?|vieil|viej[oa]|buen[oa]?)\s+)?(?:friend|colleague|buddy|pal|mate|freund(?:in)?|kolleg(?:e|in)|ami|amie|collègue|amig[oa]|colega)\s+$/u;

const ARTICLE_ROLE = new RegExp(String.raw`\s(?:the|a|an|der|die|dem|den|das|la|le|el|il|lo|o|de|het|een)\s+(?:(\p{L}[\p{L}-]*)\s+(?:${AND})\s+)?(\p{L}[\p{L}-]*)\s+$`, 'u');
/** A role, then an honorific, right before a name ("with psychologist Dr. "). */
const ROLE_HONORIFIC = /\s(\p{L}[\p{L}-]*)\s+(\S+)\s+$/u;
const HONORIFIC = new Set(HONORIFICS);
/** A word before a name that is the name's honorific ("Dr.", "Prof"), in the lexicon's list. */
const isHonorific = (word: string | undefined): boolean => word !== undefined && HONORIFIC.has(word.toLowerCase());
/** The text before a name without an article and a role right before it ("… mit der Autorin ", "with biologist Dr. "). */
function withoutRoleBefore(before: string): string {
  const article = ARTICLE_ROLE.exec(before);
  // One role or two ("mit dem Schauspieler und Synchronsprecher ").
  if (article) return isRoleWord(article[2]!) && (article[1] === undefined || isRoleWord(article[1])) ? `${before.slice(0, article.index)} ` : before;
  const titled = ROLE_HONORIFIC.exec(before);
  return titled && isHonorific(titled[2]) && isRoleWord(titled[1]!) ? `${before.slice(0, titled.index)} ` : before;
}

/**
 * The role phrase between a cue or "with" and a name ("joined by fitness expert ", "Haftanın konuğu: Sol Parti
 * milletvekili "), as written: a role word last, at most four words before it, no sentence's end between.
 */
export function rolePhraseAfterCue(rawBefore: string): string | undefined {
  const words = rawBefore.trimEnd().split(/\s+/);
  const role = words.pop();
  if (!role || !isRoleWord(role.replace(/,$/, ''))) return undefined;
  const phrase = [role.replace(/,$/, '')];
  // The longest such phrase: the cue may reach past words that are part of it ("interviews farmer and author").
  let found: string | undefined;
  for (let k = 0; k <= 4 && words.length > 0; k++) {
    const rest = `${words.join(' ').toLowerCase()} `;
    if (endsWith(rest, CUES, true) || endsWith(rest, WITHS)) found = phrase.join(' ');
    const word = words.pop()!;
    // A sentence's end, or a label's colon, ends the reach.
    if (/[.!?;:：]$/u.test(word)) break;
    phrase.unshift(word);
  }
  return found;
}

/**
 * "joined by fitness expert Ada Byron": the cue is the name's, across the role phrase before it (rolePhraseAfterCue).
 * Not a feature, as cueBeforeHonorific below: a rule after the model reads it.
 */
export const cueBeforeRole = (o: Occurrence): boolean => o.roleBefore && rolePhraseAfterCue(o.rawBefore) !== undefined;

/**
 * A cue or "with" said before the forms of address that open a name ("I talk with Dr. Ada Byron", "our guest is Rev.
 * Fr Ada Byron"). Not a feature (the honorific hides the cue from the model's features, as in the corpora it was
 * fitted on): a rule after the model reads it (see extract.ts).
 */
export function cueBeforeHonorific(o: Occurrence): boolean {
  if (!o.honorific) return false;
  let before = o.before;
  for (let k = 0; k < 3; k++) {
    const last = /\s(\S+)\s+$/.exec(before);
    if (!last || !isHonorific(last[1]!)) break;
    before = `${before.slice(0, last.index)} `;
  }
  if (before === o.before) return false;
  if (endsWith(before, CUES, true) || endsWith(before, WITHS)) return true;
  // A role between the cue and the form of address: "with fitness expert Dr. Ada Byron".
  const role = /\s(?:\p{Ll}[\p{L}\p{M}-]*\s+)?(\p{Ll}[\p{L}\p{M}-]*),?\s+$/u.exec(before);
  if (!role || !isRoleWord(role[1]!)) return false;
  const rest = `${before.slice(0, role.index)} `;
  return endsWith(rest, CUES, true) || endsWith(rest, WITHS);
}

/** A host and this name, or this name and a host, then a plural verb of conversation: the name is the one on. */
const HOST_PAIR_BEFORE = new RegExp(String.raw`(\p{Lu}[\p{L}\p{M}'’-]+)(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?\s+(?:${AND}|&)\s+(?:(\S+)\s+)?$`, 'u');
const HOST_PAIR_AFTER = new RegExp(String.raw`^\s+(?:${AND}|&)\s+(\p{Lu}[\p{L}\p{M}'’-]+)(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?\s+`, 'u');
const PLURAL_TALK = /^(?:discuss|talk|chat|sit down|dig into|explore|debate|unpack|diskutieren|sprechen|discutent|discuten)\b/;
function withHostPlural(o: Occurrence, ctx: Context): boolean {
  // A whole name: co-hosts go by their first names ("Mike and Chris discuss …").
  if (!ctx.hostWords.size || !/\s/.test(o.surface)) return false;
  const before = HOST_PAIR_BEFORE.exec(o.rawBefore);
  if (before && (!before[2] || isHonorific(before[2])) && ctx.hostWords.has(foldName(before[1]!)) && PLURAL_TALK.test(o.after.trimStart())) return true;
  const after = HOST_PAIR_AFTER.exec(o.rawAfter);
  return !!after && ctx.hostWords.has(foldName(after[1]!)) && PLURAL_TALK.test(o.after.slice(after[0].length));
}

/** A subject pronoun that starts a sentence. */
const PRONOUN_LEAD = new RegExp(`^(?:${SUBJECT_PRONOUNS.join('|')})\\s+`);
/**
 * "Ada Byron works at Oceanlab. She joins us to …": the next sentence joins the person, named in full, by a pronoun,
 * and no other name stands between (two capitalised words in a row).
 */
function pronounJoins(o: Occurrence): boolean {
  // A person's whole name: a pronoun does not stand for a one-word organisation or place.
  if (!/\s/.test(o.surface)) return false;
  // The pronoun stands for the one the sentence is about: a name that opens it ("Ada Byron works at …. She joins
  // us") or that a cue presents ("My guest is Ada Byron, …. She …"), not one further on ("Klaus's first game Slam
  // Tilt came out in 1996. He tells …").
  if (!o.sentenceInitial && !/^\s*(?:[-*•]\s*)?$/.test(o.before) && !endsWith(o.before, CUES, true)) return false;
  const end = /[.!?]\s+/.exec(o.rawAfter);
  if (!end || /\p{Lu}[\p{L}\p{M}'’-]*\s+\p{Lu}/u.test(o.rawAfter.slice(0, end.index))) return false;
  const next = o.after.slice(end.index + end[0].length);
  const pronoun = PRONOUN_LEAD.exec(next);
  return pronoun !== null && joinsAfter(` ${next.slice(pronoun[0].length)}`);
}

/** A line that starts with one of the phrases and a colon within a few words ("Guests:", "Music by X:"). */
function lineHead(line: string, phrases: Set<string>, tail = false): boolean {
  const colon = line.search(/[:：]/);
  if (colon < 0 || colon > 60) return false;
  const words = wordsOf(line.slice(0, colon).replace(/^\s*[-*•·#>]+\s*/, ''));
  if (words.length <= MAX_PHRASE + 3 && startsWith(words, phrases)) return true;
  // A short heading that ends with the word ("This week's guests:", "Featured guest:").
  if (tail && words.length <= 4 && endsWithWords(words, phrases)) return true;
  // Scripts without spaces end a heading with the word ("今回のゲスト：").
  const last = words[words.length - 1] ?? '';
  return words.length <= 2 && CJK_END.test(last) && cjkPhrases(phrases).some((p) => last.endsWith(p));
}

// "Ada Byron, a marine geologist", "Ada Byron, who …", "Ada Byron (Oceanlab)", "Ada Byron is a …" (after lower-cased);
// a comma followed by a role word is one too (`appositive` checks that).
const APPOSITIVE = /^\s*(?:,\s*(?:a|an|the|one|who|whose|un|una|une|uno|ein|eine|einer|der|die|el|la|le|il|lo|de|en|et|um|uma|een|som|který|která)\s|\s*\((?!@|https?:)[^)]{3,80}\)|\s+(?:is|was|ist|war|es|fue|est|était|è|era|er|var|är|je|jest|é|foi)\s+\S+\s)/;
function appositive(after: string): boolean {
  if (APPOSITIVE.test(after)) return true;
  const comma = /^\s*,\s*([^,.;]{0,60})/.exec(after);
  return !!comma && wordsOf(comma[1]!).slice(0, 3).some(isRoleWord);
}
const IN_CHAPTER_TITLE = /\d{1,2}:\d{2}(?::\d{2})?\)?\]?[^.!?\d]{0,80}$/;
const TIMESTAMP = /(?:^|[^\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/;
const EPISODE_PREFIX = /^\s*(?:[\p{L}.]+\s+)?(?:#|no\.?\s*|ep\.?\s*|episode\s*)?\d+(?:\.\d+)?[a-z]?\s*(?:[-–—:|.]\s*)?$/iu;

// Endings of common nouns, never of a given name or surname ("Implantate", "Architecture", "Deliberativo" aside).
const NOUN_SUFFIX = /(?:tion|sion|ment|ness|ity|ture|ship|ware|ence|ance|ung|heit|keit|schaft|ismus|ität|ción|sión|dad|ção|zione|tà|ité|ologie|ology|ologia|ización|isation|ization|ismo|isme)$/;


/** A markdown or typed bullet item. */
const BULLET = /^\s*[-*•]\s/;

/** Before a name that starts its line: a bullet or a number, emphasis, a link's bracket or a handle's at sign. */
const LINE_LEAD = /^\s*(?:[-*•·–]\s*|\d{1,2}[.)]\s*)?(?:\*\*|__|\[|@)?$/;
/**
 * After a listed name: the line's end, or what describes them (", role", "(…)", " - …", a handle, "from Oceanlab"), or
 * the name they go by in English before a Chinese comma ("侯泰羽 Kolento，…").
 */
const LIST_TAIL = /^(?:\*\*|__|\])?\s*(?:$|[,(（[–—:|｜/@，、：-]|(?:from|at|of|von|bei|aus|de|di|da|du|chez|van|z|из|от|з)\s+\p{Lu}|\s\p{Lu}\p{Ll}+\s*，)/u;

/**
 * A name that starts its line and is the line's subject, not a sentence's ("Ada Byron, Oceanlab" lists her; "Ada
 * Byron asks …" is a paragraph, which HTML flattened to text may put right under a list).
 */
export const listsName = (o: Occurrence): boolean => LINE_LEAD.test(o.line.slice(0, o.at)) && LIST_TAIL.test(o.line.slice(o.at + o.surface.length));

/** A verb whose object is a topic, right before the name ("talk Luke Cage", "review Dune", "discuss Foundation"). */
const TOPIC_VERB = /\s(?:talk|talks|discuss|discusses|review|reviews|cover|covers|watch|watches|debate|debates|rank|ranks|recap|recaps|dissect|dissects)\s+$/;

/** "Speakers:" labelling the rest of its line. */
const SPEAKERS_LABEL = /(?:^|\s)speakers?\s*:/;
/** An event whose speakers a line may list: a conference, a meetup, a webinar (and the same in a few languages). */
const EVENT_WORDS = /(?<![\p{L}\p{N}])(?:conference|conf(?![\p{L}])|devfest|summit|meetup|webinar|workshop|festival|konferenz|congreso|conférence|конференц)/iu;

/** The line, or its section back to the heading above it (at most ten lines), names an event. */
function aboutAnEvent(lines: readonly string[], i: number): boolean {
  for (let k = i; k >= 0 && k >= i - 10; k--) {
    if (EVENT_WORDS.test(lines[k]!)) return true;
    if (k < i && /^\s*#{1,6}\s/.test(lines[k]!)) return false;
  }
  return false;
}

/** What the page says around the names, computed once per episode. */
/**
 * `headings`: the notes' HTML headings' texts. They end a guest list for the list rule (Context.guestSections) only:
 * the features read the lists as they were fitted.
 */
export function buildContext(input: { title: string; notes: string; hosts: readonly string[]; show?: string; headings?: ReadonlySet<string> }): Context {
  const { headings, ...rest } = input;
  const lowerWords = new Set<string>();
  for (const m of `${input.title}\n${input.notes}`.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}'’-]*/gu)) lowerWords.add(m[0]);
  const creditLines = new Set<number>();
  const hostLines = new Set<number>();
  const timedLines = new Set<number>();
  const guestLines = new Set<number>();
  const guestListLines = new Set<number>();
  const guestSections = new Map<number, number>();
  const eventSpeakerLines = new Set<number>();
  input.notes.split('\n').forEach((line, i, lines) => {
    const lower = line.toLowerCase();
    if (SPEAKERS_LABEL.test(lower) && aboutAnEvent(lines, i)) {
      eventSpeakerLines.add(i);
      return;
    }
    if (lineHead(lower, CREDITS)) creditLines.add(i);
    if (lineHead(lower, HOST_WORDS)) hostLines.add(i);
    if (TIMESTAMP.test(line)) timedLines.add(i);
    const heading = isGuestHeading(lower);
    const head = !heading && (lineHead(lower, CUES, true) || SCRIPT_GUEST_LABEL.test(line));
    if (head) guestLines.add(i);
    // A "Guests:" heading alone on its line introduces the lines below it, up to a blank or another heading; so
    // does a heading that is only the word ("## Guests", an HTML <h2>Gäste</h2>), for names that start a line.
    if (heading || (head && /[:：]\s*$/.test(line))) {
      const under = heading ? guestListLines : guestLines;
      let listed = false;
      /** An HTML heading under the first: the list rule reads no further (see `headings`). */
      let sectionOver = false;
      /** The last line listed was a bullet item ("- [Ada Byron](…)"). */
      let bullet = false;
      for (let k = i + 1; k < lines.length && k <= i + 16; k++) {
        const next = lines[k]!;
        // Blank lines right under the heading (markdown's) do not end the list; one after it does, unless it parts
        // items of a bulleted list (a "loose" markdown list: "- A", "", "- B").
        if (!next.trim()) {
          if (listed && !(bullet && BULLET.test(lines.slice(k + 1).find((l) => l.trim()) ?? ''))) break;
          continue;
        }
        bullet = BULLET.test(next);
        if (/^\s*#{1,6}\s/.test(next) || isGuestHeading(next.toLowerCase()) || (/[:：]\s*$/.test(next) && !lineHead(next.toLowerCase(), CUES, true))) break;
        under.add(k);
        if (headings?.has(next.trim())) sectionOver = true;
        if (!sectionOver) guestSections.set(k, i);
        listed = true;
      }
    }
  });
  const titleWords = input.title.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const capitalised = titleWords.filter((w) => w[0] !== w[0]!.toLowerCase()).length;
  return {
    ...rest,
    lowerWords,
    creditLines,
    hostLines,
    timedLines,
    guestLines,
    guestListLines,
    guestSections,
    eventSpeakerLines,
    titleIsTitleCase: titleWords.length >= 4 && capitalised / titleWords.length >= 0.7,
    hostWords: new Set(input.hosts.flatMap((h) => foldName(h).split(' ')).filter((w) => w.length > 1)),
    showWords: new Set(foldName(input.show ?? '').split(' ').filter((w) => w.length > 2)),
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
// The conjunction is a word of its own ("Entrevista " is no name followed by "a"), and the words stripped are names,
// not a cue written with a capital ("Entrevista a Ada Byron").
const NAME_LIST_TAIL = /(?<![\p{L}\p{M}])((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){0,3}\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s*\([^()]{0,40}\))?(?:\s*,\s*(?:(?:and|und|et|y|e|og|och|en|i|a|и|&)\s+)?|\s*&\s*|\s+(?:[Aa]nd|[Uu]nd|[Ee]t|[Yy]|[Ee]|[Oo]g|[Oo]ch|[Ee]n|[Ii]|[Aa]|и)\s+)$/u;
// The names after a mention in a list ("Ada Byron and Alan Turing join us", "…, Alan Turing and Grace Hopper join us").
const NAME_LIST_HEAD = new RegExp(String.raw`^(?:\s*(?:\([^()]{0,40}\))?(?:\s*,\s*(?:(?:${AND}|&)\s+)?|\s*&\s*|\s+(?:${AND})\s+)${LISTED})+`, 'u');
/** What each listed person does, set off by commas after their name (", Solution Architect at Oceanlab,"). */
const ROLE_CLAUSE = /^\s*,\s[^,\n]{1,80},/;
/** Words written with a period that ends no sentence ("Sr. Account Exec", "Dr. Byron", "Acme Inc. and"). */
const ABBREVIATIONS = new Set([
  'sr', 'jr', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'inc', 'ltd', 'co', 'corp', 'vs', 'no', 'dept', 'univ', 'gen',
  'sen', 'rep', 'gov', 'capt', 'col', 'lt', 'sgt', 'rev', 'hon', 'approx', 'ca', 'cf', 'etc', 'dipl', 'ing', 'mag',
  'dott', 'sra', 'srta', 'mme', 'mlle', 'hr', 'fr',
]);
/** The period at `dot` closes an abbreviation or an initial ("Ada B. Byron"), not a sentence. */
export const abbreviationAt = (text: string, dot: number): boolean => {
  if (text[dot] !== '.') return false;
  const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  // A single capital is an initial, unless it ends a dotted abbreviation ("the U.K. Now, …").
  return ABBREVIATIONS.has(word.toLowerCase()) || (/^\p{Lu}$/u.test(word) && text[dot - 2] !== '.');
};
/** The next name of a list after a role clause: "and Bram Osei", "et Bram Osei". */
const NEXT_NAME = new RegExp(String.raw`^\s*(?:${AND}|&)\s+${LISTED}`, 'u');
/**
 * What may follow a mention past the names of a list it is in: a phrase after the last name is said of them all ("A
 * and B join us", "A, CTO of X, and B, founder of Y, join Dana"). Both readings of a comma after the name are
 * given: the next name, or what the person does.
 */
function afterList(o: Occurrence): string[] {
  const out: string[] = [];
  // Within the sentence: "…, and Noah A. Smith. Roy comes on" says nothing of the list (an initial's period is no end).
  const sentence = (text: string) => {
    for (const end of text.matchAll(/[.!?](?=\s+\p{Lu})/gu)) if (!abbreviationAt(text, end.index)) return text.slice(0, end.index);
    return text;
  };
  const own = sentence(o.rawAfter);
  const m = NAME_LIST_HEAD.exec(own);
  if (m) out.push(own.slice(m[0].length).toLowerCase());
  // Past the mention's window: two role clauses are longer than it.
  let rest = sentence(o.line.slice(o.at + o.surface.length, o.at + o.surface.length + 400));
  let names = 0;
  for (let i = 0; i < 4; i++) {
    const role = ROLE_CLAUSE.exec(rest);
    const next = NEXT_NAME.exec(role ? rest.slice(role[0].length) : rest);
    if (!next) break;
    rest = (role ? rest.slice(role[0].length) : rest).slice(next[0].length);
    names++;
  }
  if (names) {
    const role = ROLE_CLAUSE.exec(rest);
    out.push((role ? rest.slice(role[0].length) : rest).toLowerCase());
  }
  return out;
}

/** A listed name with what they do between commas, then "and" ("Tully Foote, Open Source Lead at Intrinsic, and "). */
const NAME_ROLE_AND = new RegExp(String.raw`(${LISTED}),\s([^,\n]{1,80}),\s*((?:${AND}|&)\s+)$`, 'u');

function beforeList(o: Occurrence): string {
  let raw = o.rawBefore;
  for (let i = 0; i < 12; i++) {
    // The role clause of the name before goes: the list reads as names ("A, role, and B" as "A and B").
    const role = NAME_ROLE_AND.exec(raw);
    if (role && hasRole(role[2]!)) raw = `${raw.slice(0, role.index)}${role[1]} ${role[3]}`;
    const m = NAME_LIST_TAIL.exec(raw);
    if (!m || m[0].length === 0) break;
    // In Title Case the run may start with the cue ("Interview With Ada Byron And "): the names are its last words.
    const parts = [...m[1]!.matchAll(/\S+/g)];
    let keep = parts.length;
    while (keep > 0 && !FUNCTION.has(parts[keep - 1]![0].toLowerCase()) && !CUES.has(parts[keep - 1]![0].toLowerCase())) keep--;
    if (keep === parts.length) break;
    raw = raw.slice(0, m.index + (keep === 0 ? 0 : parts[keep]!.index));
  }
  return raw === o.rawBefore ? o.before : raw.toLowerCase();
}

/** Mentions of one candidate read for the words around them (no guest in the corpora has more than about 20). */
const MAX_MENTIONS_READ = 40;

/** The feature vector of one candidate, in FEATURES order. */
export function featurize(c: Candidate, ctx: Context, standing: Standing = { mostMentioned: false, firstInNotes: false }): number[] {
  const f = new Map<FeatureName, number>();
  const set = (name: FeatureName, value = 1) => f.set(name, Math.max(f.get(name) ?? 0, value));
  // The words around a name are read at its first mentions: a guest is presented early, and notes that repeat a name
  // thousands of times must not cost a reading each.
  const title = c.occurrences.filter((o) => o.where === 'title').slice(0, MAX_MENTIONS_READ);
  const allNotes = c.occurrences.filter((o) => o.where === 'notes');
  const notes = allNotes.slice(0, MAX_MENTIONS_READ);
  const words = foldName(c.name).split(' ').filter(Boolean);
  set('bias');
  let anyCue = false;
  let scriptWelcome = false;
  for (const o of title) {
    set('in_title');
    const before = withoutRoleBefore(beforeList(o));
    const cue = endsWith(before, CUES, true);
    const withWord = /\s$/.test(before) && endsWith(before, WITHS);
    if (withWord) set('title_with');
    if (cue) set('title_cue');
    // "… Guest: Ada Byron", "ゲスト：山田花子さん": a guest heading inside the title.
    if (cue && /[:：]\s*$/.test(before)) set('guest_section');
    // An honorific is part of the name here ("… | Dr. Ada Byron").
    const edge = o.honorific ? o.before.replace(/\S+\s*$/, '') : o.before;
    const atStart = EPISODE_PREFIX.test(edge) || !edge.trim();
    if (atStart && /^\s*(?:[:：]|[-–—|]\s|,)/.test(o.after)) set('title_lead');
    if (/[-–—|:,]\s*$/.test(edge) && /^\s*(?:\([^)]*\)\s*)?[.!?]?\s*$/.test(o.after)) set('title_tail');
    if (/^\s+(?:on|über|sur|sobre|om|o|about|talks|explains)\s/.test(o.after)) set('title_on');
    if (/^['’]s?\s/.test(o.after)) set('title_possessive');
    if (!cue && !withWord) set('title_plain');
    if (ctx.titleIsTitleCase) set('title_titlecase');
    if (cue || withWord) anyCue = true;
    // "山田さんをゲストに": the title welcomes the name before it.
    if (o.kind === 'script' && SCRIPT_JOINS.test(o.after)) {
      set('title_with');
      anyCue = true;
      scriptWelcome = true;
    }
    common(o);
  }
  for (const o of notes) {
    set('in_notes');
    if (o.start < 300) set('notes_early');
    // "I sit down with my friend Ada Byron": the cue is said of her across the word that says how she is known.
    // So is one across an article and a role ("Ich sprach mit der Autorin Sonja Piontek").
    const before = withoutRoleBefore(beforeList(o).replace(FRIEND_BEFORE, ' '));
    const sentenceBefore = before.split(/[.!?]\s/).pop() ?? '';
    // A word that completes the cue ("Guest Star") is no name after it.
    const partOfCue = CUES.has(`${wordsOf(before).pop() ?? ''} ${words.join(' ')}`);
    const eventLine = ctx.eventSpeakerLines.has(o.lineIndex);
    if (!partOfCue && !eventLine && endsWith(before, CUES, true)) {
      set('notes_cue');
      anyCue = true;
    } else if (contains(sentenceBefore.slice(-60), CUES)) set('notes_cue_near');
    if (/\s$/.test(before) && endsWith(before, WITHS)) {
      set('notes_with');
      anyCue = true;
    }
    if (joinsAfter(o.after) || afterList(o).some(joinsAfter) || pronounJoins(o) || withHostPlural(o, ctx)) set('notes_join');
    if (o.kind === 'script' && SCRIPT_JOINS.test(o.after)) {
      set('notes_join');
      scriptWelcome = true;
    }
    if (ctx.guestLines.has(o.lineIndex) || (ctx.guestListLines.has(o.lineIndex) && listsName(o))) {
      set('guest_section');
      anyCue = true;
    }
    if (ctx.creditLines.has(o.lineIndex) || (/\s(?:by|von|de|di|por|par|af|av)\s+$/.test(o.before) && endsWith(o.before.replace(/\S+\s+$/, ''), CREDITS))) set('credit_line');
    if (ctx.hostLines.has(o.lineIndex)) set('host_line');
    if (/^['’]s?\s/.test(o.after)) set('possessive');
    common(o);
  }
  function common(o: Occurrence) {
    if (appositive(o.after)) set('appositive');
    const sentence = `${(o.before.split(/[.!?]\s/).pop() ?? '').slice(-60)} ${o.after.split(/[.!?]\s/)[0]!.slice(0, 80)}`;
    if (hasRole(sentence)) set('role_near');
    const lastBefore = wordsOf(o.before).pop();
    if (o.roleBefore || (lastBefore !== undefined && /[\s,:]$/.test(o.before) && isRoleWord(lastBefore))) set('role_before');
    if (o.honorific) set('honorific');
    if (o.handle) set('handle_beside');
    if (o.kind === 'handle') set('is_handle');
    if (o.kind === 'script') {
      set('script_cue');
      if (o.where === 'title') set('title_with');
      anyCue = true;
    }
    if (o.linked) set('linked');
    // "Tim has Ada Byron", "Tim talks with Ada Byron": a host, a few lower-case words, then the name.
    const hostBefore = /(\p{Lu}[\p{L}\p{M}'’-]+)\s+(?:\p{Ll}[\p{L}\p{M}'’-]*\s+){1,3}$/u.exec(o.rawBefore);
    // A verb that takes a topic right after it ("Kevin and Marc talk Luke Cage", "Tim reviews Dune") names no guest.
    if (
      hostBefore &&
      ctx.hostWords.has(foldName(hostBefore[1]!)) &&
      !wordsOf(hostBefore[0].toLowerCase()).some((w) => DETERMINERS.has(w) || w === 'a' || w === 'an') &&
      !TOPIC_VERB.test(hostBefore[0])
    )
      set('host_verb');
    // "About Ada Byron", "More about Ada Byron:" heading a line is her bio, not a place or a topic.
    const aboutHeading = /^\s*(?:#{1,6}\s*|[-*•]\s*)?(?:(?:(?:learn|find out|read)\s+)?more\s+)?(?:about|über|à propos de|acerca de|sobre|om)\s+$/.test(o.before);
    if (/\s$/.test(o.before) && !o.honorific && !aboutHeading && PLACES.has(wordsOf(o.before).pop() ?? '') && !endsWith(o.before, CUES)) set('place_before');
    if (ORGS.has(wordsOf(o.after)[0] ?? '')) set('org_after');
    // "Ada Byron, Alan Turing and Grace Hopper": a name in a list of names.
    // Capitals tell names: read the text as written (`after`/`before` are lower-cased).
    if (/^\s*(?:,|&|and|und|et|y|e|og|och|en)\s+\p{Lu}\p{Ll}+\s\p{Lu}/u.test(o.rawAfter) || /\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+\s*(?:,|&|\sand|\sund|\set|\sy|\se|\sog|\soch|\sen)\s*$/u.test(o.rawBefore)) set('list_of_names');
  }
  if (notes.length) set('notes_count', Math.min(1, Math.log1p(allNotes.length) / Math.log(16)));
  if (title.length && notes.length) set('title_and_notes');
  // Only inside chapter titles: a time before the name on its line with no sentence end between ("12:30 Ada's
  // map"); a flattened description whose sentence precedes its timeline does not count.
  if (notes.length && !title.length && notes.every((o) => ctx.timedLines.has(o.lineIndex) && IN_CHAPTER_TITLE.test(o.before))) set('timed_line_only');
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
  const has = (name: FeatureName) => (f.get(name) ?? 0) > 0;
  // A person's shape: two or three words, or a name without capitals under a guest heading and before an honorific
  // ("ゲスト：山田花子さん").
  // A name without capitals has a person's shape where the text frames it as one: under a guest heading between a cue
  // and an honorific ("ゲスト：山田花子さん"), or before an honorific and a welcome ("山田花子さんをゲストに迎え").
  const personShape = (kind === 'name' && (words.length === 2 || words.length === 3)) || (has('guest_section') && c.occurrences.some((o) => o.framed)) || scriptWelcome;
  if (personShape && (has('notes_cue') || has('notes_with') || has('title_with') || has('title_cue') || has('guest_section') || has('notes_join'))) set('person_shape_cue');
  if (personShape && (has('appositive') || has('role_near') || has('role_before') || has('honorific'))) set('person_shape_role');
  if (personShape && has('title_and_notes')) set('person_shape_title_notes');
  if (personShape && (has('title_lead') || has('title_tail'))) set('person_shape_title_edge');
  if (kind === 'name' && words.some((w) => w.length > 5 && NOUN_SUFFIX.test(w))) set('noun_suffix');
  if (standing.mostMentioned) set('most_mentioned');
  if (standing.firstInNotes) set('first_person_in_notes');
  if (/\p{Ll}\p{Lu}/u.test(c.name.replace(/\b(?:Mc|Mac|De|Di|Le|La|O['’])\p{Lu}/gu, ''))) set('camel_case');
  if (words.some((w) => ctx.hostWords.has(w))) set('shares_host_word');
  if (words.some((w) => ctx.showWords.has(w))) set('shares_show_word');
  return FEATURES.map((name) => f.get(name) ?? 0);
}

/** Hosts, and the show itself, are never guests: they are left out before the model is asked. */
export function isHostOrShow(c: Candidate, ctx: Context): boolean {
  // A host known by a first name only ("Александр") is not every full name that starts with it: one a cue or a guests
  // heading presents ("В гостях Александр Золотов") is a guest who shares it.
  const presented = () => c.occurrences.some((o) => o.where === 'notes' && (ctx.guestLines.has(o.lineIndex) || ctx.guestListLines.has(o.lineIndex) || endsWith(o.before, CUES, true)));
  const hostIs = (h: string) => c.spellings.some((s) => sameOrPart(h, s)) && (/\s/.test(h.trim()) || foldName(c.name) === foldName(h) || !presented());
  if (ctx.hosts.some(hostIs)) return true;
  if (ctx.show) {
    const show = foldName(ctx.show);
    if (c.spellings.some((s) => {
      const f = foldName(s);
      return f === show || (f.length > 3 && ` ${show} `.includes(` ${f} `));
    })) return true;
  }
  return false;
}
