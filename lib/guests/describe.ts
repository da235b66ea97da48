/**
 * Who a guest is, in the notes' own words: the clause that presents them (role, affiliation, what they are known
 * for), a few affiliations, and the pages the notes give for them. Pure: no DOM.
 */
import type { LinkSpan } from '../timeline/normalize';
import type { Candidate, Occurrence } from './candidates';
import { foldName, isRoleWord, SCRIPT_GUEST_LABEL } from './candidates';
import { abbreviationAt, hasRole as roleIn, rolePhraseAfterCue } from './features';
import { PAGE_WORDS, SCRIPT_HONORIFICS, SUBJECT_PRONOUNS, WITH_WORDS } from './lexicon';
import { linkHost, MAX_GUEST_LINKS } from '../guest-links';

const hasRole = (text: string | undefined) => roleIn(text ?? '');

const SUMMARY_MAX = 200;
const AFFILIATION_MAX = 60;

/** "at Oceanlab", "of MIT", "von Meinberg": an organisation after a preposition. */
// Names may hold "+" and "#" ("JetBrains C++", "F# Foundation").
const ORG_AFTER_PREP = /(?:^|\s)(?:at|of|from|for|bei|von|vom|der|chez|de|del|di|da|en|på|hos|ve|w|z|@|founded|co-founded|cofounded|built|launched|runs|leads|gründete|leitet|fundó|fondé|fondato)\s+[“"«]?((?:the\s+)?\p{Lu}[\p{L}\p{M}\p{N}.&'’+#-]*(?:\s+(?:of|for|and|de|der|für|y|&)?\s*\p{Lu}[\p{L}\p{M}\p{N}.&'’+#-]*){0,4})/u;
const PAGES = new Set(PAGE_WORDS);
const CLAUSE_END = /[.;!?](?:\s|$)|\s[–—]\s|\n/gu;

/** Where a clause ends in `text` (-1: it runs on), past the periods of abbreviations. */
function clauseEnd(text: string): number {
  for (const m of text.matchAll(CLAUSE_END)) if (!abbreviationAt(text, m.index)) return m.index;
  return -1;
}

export interface Description {
  summary: string;
  affiliations: string[];
}

/** The text on one line, cut at a word to at most `max` characters. */
export function clip(s: string, max = SUMMARY_MAX): string {
  // Markdown links read as their text ("[Ada Byron](https://…)" → "Ada Byron"), a cut one loses its address.
  // Bounded and bracket-free, so runs of "[" or "](" cost one pass.
  const t = s
    .replace(/\[([^[\]\n]{0,300})\]\([^()\s]{0,500}\)/g, '$1')
    .replace(/\]\([^()\s]{0,500}\)/g, '')
    .replace(/\s+/g, ' ').replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
  if (t.length <= max) return t;
  return `${t.slice(0, max - 1).replace(/[\s,;:]+\S*$/, '')}…`;
}

/** How far after a name its presenting clause is read: further than the features' window (`rawAfter`). */
const CLAUSE_WINDOW = 400;

/**
 * The text after a name up to the end of its clause, as written. Read from the line, not from `rawAfter`: that
 * window is the features' few words, and a clause cut at its edge ended mid-word ("at Twitch and Open Ph").
 */
function clauseAfter(o: Occurrence): string {
  const from = o.at + (o.end - o.start);
  const after = o.line.slice(from, from + CLAUSE_WINDOW);
  const end = clauseEnd(after);
  return (end === -1 ? after : after.slice(0, end)).trimEnd();
}

/** A bracket that is a pronoun or a word of the show's, not an affiliation ("(she)", "(part 2)", "(pictured)"). */
const NOT_WHERE_FROM = new RegExp(String.raw`^(?:${SUBJECT_PRONOUNS.join('|')}|part|teil|folge|episode|live|rerun|repost|encore|bonus|ep|pictured|photo|returning|again|cont|guest|gast|host)\b`, 'iu');

/** The presenting clause for one occurrence, or undefined when this mention says nothing about who they are. */
function presenting(o: Occurrence): string | undefined {
  const after = clauseAfter(o);
  // "Ada Byron, Professor of Oceanography at MIT, …" or "Ada Byron (Oceanlab)"
  // It ends at a closing bracket, or a comma before what the sentence goes on with: a relative, a verb, another name.
  // An abbreviation in brackets may stand inside it ("da ONG Centro de Integridade Pública (CIP)").
  const appos = /^\s*(?:,\s*|\(\s*)((?:[^()]|\([^()]{1,30}\)(?=[^()]*$|\s*,)){3,400}?)(?:\)|,\s+(?:who|to|about|joins|join|and we|and(?=\s+\p{Lu})|we|on|where|i|y|und|et|e|se|rejoignent|rejoint)\b|$)/u.exec(after);
  if (appos && (hasRole(appos[1]) || ORG_AFTER_PREP.test(` ${appos[1]}`)) && !/^(?:@|https?:)/.test(appos[1]!)) return appos[1];
  // "Ada Byron (Oceanlab), Alan Turing ( Classica ) …": a short bracket right after the name says where they are from,
  // unless it holds a handle, a link, a number or a pronoun ("(she/her)").
  const bracket = /^\s*\(\s*([^()]{2,60}?)\s*\)/u.exec(after)?.[1];
  if (bracket && /^\p{L}/u.test(bracket) && !/[@/]|https?:|\d/u.test(bracket) && !NOT_WHERE_FROM.test(bracket)) return bracket;
  // "Ada Byron is a marine geologist at MIT"
  const is = /^\s+(?:is|was|ist|war|es|fue|est|è|er|var|är|je|jest|é|foi)\s+(.{3,400})$/u.exec(after);
  if (is && (hasRole(is[1]) || ORG_AFTER_PREP.test(` ${is[1]}`))) return is[1];
  // "Ada Byron from Oceanlab joins us", "Ada Byron von Meinberg"
  // Not a page of theirs ("Falk bei Twitter", "Ada Byron on GitHub"): a link's label says nothing of who they are.
  const org = /^\s+(?:from|of|at|von|bei|de|di|da|chez|z)\s+(\p{Lu}[\p{L}\p{M}]*)/u.exec(after);
  if (org && !PAGES.has(org[1]!.toLowerCase())) return `${o.surface}${after}`;
  return undefined;
}

/** "Noclip's Danny O'Dwyer", "Oceanlab’s Ada Byron": the organisation that owns the name. */
const POSSESSOR_BEFORE = /(?:^|[\s(])(\p{Lu}[\p{L}\p{N}&.-]*(?:\s+\p{Lu}[\p{L}\p{N}&.-]*){0,3})['’]s\s+$/u;
/** "the governor, Ada Byron": a role phrase set before the name by a comma. */
const ROLE_COMMA_BEFORE = /(?:^|[.;:!?]\s+|\s(?:with|to|und|mit|avec|con|com)\s+)((?:the|a|an|our|der|die|le|la|el|il)?\s*[\p{L}' -]{2,50}?),\s*$/u;

/** The word that joins the last name of a list to the ones before it. */
const CONJUNCTION = /^(?:and|und|y|et|e|og|och|en|&)$/iu;

/** A phrase that starts like a noun phrase: an article or a possessive. */
const ARTICLE_START = /^(?:the|a|an|our|my|their|der|die|das|le|la|les|el|los|las|il|lo|o|a|de|het|den|det)\s/iu;

/** The words before a name that present it ("Nextcloud founder", "author and speaker"), from the clause start. */
function presentingBefore(o: Occurrence): string | undefined {
  // What a cue says before the name, a role last ("speak to analytical chemist Ada Byron"): all of it presents her.
  const cued = rolePhraseAfterCue(o.rawBefore);
  if (cued) return `${cued} ${o.surface}`;
  const comma = ROLE_COMMA_BEFORE.exec(o.rawBefore);
  const phrase = comma?.[1]!.trim() ?? '';
  // "the governor, Ada Byron" presents her; "As a professor, Ada Byron …" or "After ten years, …" is a clause.
  if (comma && hasRole(phrase) && phrase.split(/\s+/).length <= 6 && (ARTICLE_START.test(phrase) || hasRole(phrase.split(/\s+/)[0]!))) {
    return `${phrase}, ${o.surface}`;
  }
  const before = o.rawBefore.split(/[.;!?:]\s|,\s|\s[–—-]\s|\(/).pop() ?? '';
  const orig = before.trim().split(/\s+/).slice(-5);
  // A name right after "and" ends a list: the role before the "and" presents the name before it ("novelist Philip
  // Farmer and Ada Byron"), where "farmer and author Ada Byron" has a role of her own after the "and".
  if (CONJUNCTION.test(orig[orig.length - 1] ?? '')) return undefined;
  if (!orig.length || !hasRole(orig.join(' '))) return undefined;
  // Start at the first role word, with the organisation written right before it ("Nextcloud founder"); the verbs
  // and cues before that are not part of who they are ("Banwell interviews farmer and author …").
  let first = orig.findIndex((w) => hasRole(w));
  if (first > 0 && /^\p{Lu}/u.test(orig[first - 1]!) && !hasRole(orig[first - 1])) first--;
  return `${orig.slice(first).join(' ')} ${o.surface}`;
}

function affiliationsOf(text: string, names: readonly string[]): string[] {
  const out: string[] = [];
  const folded = new Set(names.map(foldName));
  for (const m of text.matchAll(new RegExp(ORG_AFTER_PREP.source, 'gu'))) {
    let org = m[1]!.replace(/^the\s+/i, '').replace(/[.,'’]+$/, '').trim();
    org = org.replace(/\s+(?:and|und|y|et|&)$/u, '');
    if (org.length < 2 || org.length > AFFILIATION_MAX) continue;
    // "at Oceanlab as User Experience Designer": a phrase that ends in a role word is what they do, not where.
    if (isRoleWord(org.split(/\s+/).pop()!)) continue;
    if (folded.has(foldName(org)) || names.some((n) => foldName(n).includes(foldName(org)))) continue;
    if (!out.some((a) => foldName(a) === foldName(org))) out.push(org);
    if (out.length === 3) break;
  }
  return out;
}

/** The first non-empty line after the occurrence's line in the notes, if within two lines. */
function nextLine(lines: readonly string[], o: Occurrence): string | undefined {
  for (let k = o.lineIndex + 1; k <= o.lineIndex + 2 && k < lines.length; k++) if (lines[k]!.trim()) return lines[k];
  return undefined;
}

/** How far around a name its sentence is looked for: a line of notes may be a whole page long. */
const SENTENCE_WINDOW = 400;

/** The sentence of a line that holds an occurrence (within SENTENCE_WINDOW characters of the name). */
export function sentenceOf(o: Occurrence): string {
  const lo = Math.max(0, o.at - SENTENCE_WINDOW);
  const text = o.line.slice(lo, o.at + o.surface.length + SENTENCE_WINDOW);
  const rel = o.at - lo;
  const starts = [...text.matchAll(/[.!?]\s+(?=\p{Lu})/gu)]
    .filter((m) => !abbreviationAt(text, m.index))
    .map((m) => m.index + m[0].length)
    .filter((s) => s <= rel);
  const from = starts.length ? starts[starts.length - 1]! : 0;
  const tail = text.slice(rel + o.surface.length);
  const endM = [...tail.matchAll(/[.!?](?:\s+(?=\p{Lu})|$)/gu)].find((m) => !abbreviationAt(tail, m.index));
  const to = endM ? rel + o.surface.length + endM.index + 1 : text.length;
  return text.slice(from, to).trim();
}

/** Mentions read for a presenting sentence: the one that presents a guest is among their first. */
const MAX_MENTIONS_READ = 20;

/** Separators between a title's parts ("Ep. 12 - Topic", "Name | Topic", "Name: topic"), kept by the split. */
const TITLE_PARTS_CAPTURE = /(\s[-–—|·]\s|:\s)/u;
/** Longer titles are cut here before they are read: no real title is longer. */
const MAX_TITLE = 300;
/** Cues that join a guest to the title before them ("Buoys with Ada Byron"): the lexicon's, and "by". */
const JOINING = new Set([...WITH_WORDS, 'by']);
/** Words that tie a name to the topic around it in a title, on either side ("… with Ada Byron on …"). */
const TITLE_TIES = new Set([
  ...JOINING, 'and', 'und', 'et', 'y', 'e', 'och', 'og', '&', 'on', 'about', 'interview', 'de', 'sur', 'über', 'sobre', 'su', 'om',
]);
const isTie = (w: string) => TITLE_TIES.has(w.toLowerCase());
const isJoining = (w: string) => JOINING.has(w.toLowerCase());
/** ", a lower-case phrase" after a name, to the end of its clause (at least three words). */
const DESCRIBING_COMMA = /^,\s+(\p{Ll}[\p{L}\p{M}\p{N}'’-]*(?:\s+[^\s.;:!?()]+){2,30})/u;
/** A phrase after a comma that goes on with the sentence rather than describing the name before it. */
const FUNCTION_START = /^(?:and|or|but|then|who|which|that|where|when|while|with|for|to|in|on|at|from|about|und|oder|mit|et|ou|avec|y|o|con|e|com|og|och|en|i|s|z|this|these|we|you|he|she|they|it|is|was|are|has|have)\b/iu;

/** Words that name the show's format, not a topic ("Podcast Interview", "Entrevista", "Special"). */
const GENERIC_WORDS = /^(?:podcast|interview|interviews|entrevista|entretien|intervista|rozhovor|wywiad|episode|folge|talk|chat|conversation|gespräch|special|especial|spécial|bonus|live|the|a|an|der|die|das|le|la|el|il)$/iu;
/** An episode number or label standing alone as a title part ("#65", "e104", "Episode 8", "Folge 12"). */
const NUMBER_PART = /^(?:#?\d+|[a-z]{0,3}\d+|(?:episode|ep|folge|épisode|episodio|capítulo|capitolo|afsnit|avsnitt|aflevering|odcinek|díl|part|teil|partie|parte|del)\.?\s*\d+)$/iu;

/** What a title that names a guest says they are on: the title's part holding the name, without the name and its cue. */
export function titleTopic(title: string, surface: string): string | undefined {
  // Titles are short; a hostile one is cut before any splitting (runs of spaces made the split quadratic).
  const text = title.slice(0, MAX_TITLE).replace(/\s+/g, ' ');
  const pieces = text.split(TITLE_PARTS_CAPTURE);
  // Parts and the separator after each ("Ada Byron: …" introduces a topic, "Ada Byron | The Show" names a show).
  const parts: Array<{ text: string; sep: string }> = [];
  for (let k = 0; k < pieces.length; k += 2) {
    const part = pieces[k]!.trim();
    if (part && !NUMBER_PART.test(part)) parts.push({ text: part, sep: (pieces[k + 1] ?? '').trim() });
  }
  const at = parts.findIndex((p) => p.text.includes(surface));
  if (at === -1) return undefined;
  const [before, ...rest] = parts[at]!.text.split(surface);
  const clean = (w: string) => w.replace(/^[(\[{"“„«]+|[)\]}"”»,]+$/g, '');
  const left = before!.trim().split(/\s+/).filter(Boolean);
  let after = rest.join(surface).trim();
  // "Ada Byron's guide to tide pools": what follows the possessive is the topic.
  after = after.replace(/^['’]s\b\s*/u, '');
  // "Ada Byron, Oceanlab": a comma after the name gives an affiliation (read as one below), not a topic.
  if (after.startsWith(',')) after = '';
  const right = after.split(/\s+/).filter(Boolean);
  // A bracket opened before the name ("Tide pools (with Ada Byron)") closes the topic there.
  const open = left.findIndex((w) => /^[([]/.test(w));
  if (open !== -1) left.length = open;
  // The name ends a list of names ("Grace Hopper, Ada Byron"; "Grace Hopper and Ada Byron").
  const inList = /,$/.test(left[left.length - 1] ?? '') || /^(?:and|und|y|et|e|och|og|&)$/iu.test(left[left.length - 1] ?? '');
  const written = left.length;
  while (left.length && isTie(clean(left[left.length - 1]!))) left.pop();
  /** A cue stood between the words before and the name ("… for Developers with Ada Byron"). */
  const cued = left.length < written;
  // Other guests and their cue before this one ("Buoys with Ada Byron and Alan Turing"): walking back over names
  // and "and" to a cue, the topic ends there; in a list of names that runs to the start, that side has no topic.
  let namesOnly = inList && left.length > 0;
  for (let k = left.length - 1; k >= 0; k--) {
    const w = clean(left[k]!);
    if (isJoining(w)) {
      left.length = k;
      namesOnly = false;
      while (left.length && isTie(clean(left[left.length - 1]!))) left.pop();
      break;
    }
    if (!/^\p{Lu}/u.test(w) && !/^(?:and|und|y|et|e|och|og|&)$/iu.test(w)) {
      // The capitalised words walked over are the names before this one ("Tales 12: Philip Farmer and Ada Byron").
      if (inList) left.length = k + 1;
      namesOnly = false;
      break;
    }
  }
  if (namesOnly) left.length = 0;
  while (left.length && NUMBER_PART.test(left[0]!.replace(/[:.]$/, ''))) left.shift();
  // A role or honorific written right before the name is who they are, not the topic ("Ambassador Ada Byron on …",
  // "Dr. Ada Byron").
  // In a list the word before the "and" ends the name before it ("Philip Farmer and Ada Byron"): not hers.
  // Not across a cue: "Personal Branding for Developers with Ada Byron" keeps "Developers".
  if (!inList && !cued) {
    while (left.length && (hasRole(left[left.length - 1]!) || /^\p{Lu}\p{L}{0,3}\.$/u.test(left[left.length - 1]!))) left.pop();
    // The cue before the role goes with it ("Bootcamps with developer Ada Byron": the topic is "Bootcamps").
    while (left.length && isTie(clean(left[left.length - 1]!))) left.pop();
  }
  // After the name: its cue, then co-guests joined by "and" ("Ada Byron and Alan Turing on machines").
  while (right.length && isTie(clean(right[0]!))) {
    const cue = clean(right.shift()!);
    if (/^(?:and|und|y|et|e|och|og|&)$/iu.test(cue)) while (right.length && /^\p{Lu}/u.test(right[0]!) && !isTie(clean(right[0]!))) right.shift();
  }
  if (right[0] && /^[([]/.test(right[0])) right.length = 0;
  const topic = (left.length >= right.length ? left : right).join(' ').replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/gu, '');
  if (!topic) {
    // The name alone in its part: after "Ada Byron:" comes the topic; after "Ada Byron |" more likely the show.
    const next = parts[at + 1];
    return parts[at]!.sep === ':' && next && !NUMBER_PART.test(next.text) ? next.text : undefined;
  }
  return topic.length >= 3 && !topic.split(/[\s\p{P}]+/u).every((w) => !w || GENERIC_WORDS.test(w)) ? topic : undefined;
}

/** A subject pronoun near the start of a sentence: it likely goes on about the person just named. */
const PRONOUN_START = new RegExp(`^(?:\\S+\\s+){0,2}(?:${SUBJECT_PRONOUNS.join('|')}|he's|she's|they're|he’s|she’s)\\b`, 'iu');

/** An article and a role opening a sentence: it goes on about the one just named ("Der Historiker erzählt …"). */
const DEFINITE_ROLE = /^(?:the|der|die|il|la|le|lo|el|het)\s+(\p{L}[\p{L}-]*)/iu;

/** The sentence after the one that names them, when it goes on about them ("Today she's a fellow at …"). */
function pronounNext(o: Occurrence, given: string, lines: readonly string[]): string[] {
  const own = sentenceOf(o);
  const at = o.line.indexOf(own);
  if (at === -1) return [];
  // The sentence that names them may end its paragraph: the next paragraph goes on ("… in diplomacy.⏎⏎Today she's …").
  const rest = o.line.slice(at + own.length).trim() || (nextLine(lines, o)?.trim() ?? '');
  const end = /[.!?](?:\s+(?=\p{Lu})|$)/u.exec(rest);
  const next = end ? rest.slice(0, end.index + 1) : rest;
  if (!next) return [];
  // Or by their first name ("Today, Ada co-founded …").
  const opening = next.split(/\s+/).slice(0, 3).map((w) => w.replace(/[^\p{L}\p{M}'’-]/gu, ''));
  // Or by what they are, after an article ("Il cantautore genovese è a Trieste", "The author lives in …").
  const described = DEFINITE_ROLE.exec(next);
  return PRONOUN_START.test(next) || (given.length > 2 && opening.includes(given)) || (described !== null && isRoleWord(described[1]!)) ? [next] : [];
}

/** A chapter time (`02:30`, `(1:02:03)`, `[12:30]`) at either end of a text. */
const EDGE_TIME = /^\s*[[(]?\d{1,2}(?::[0-5]\d){1,2}[\])]?(?![\d:])\s*|\s*(?<![\d:])[[(]?\d{1,2}(?::[0-5]\d){1,2}[\])]?\s*$/g;

/** The text without chapter times at its ends (inside a sentence, a time is the sentence's). */
function withoutTimes(text: string): string {
  return text.replace(EDGE_TIME, '').trim();
}

/** A line of two labels or more in a script without spaces ("本期主持：芸天 本期嘉宾：小袁 后期剪辑：小野"): credits. */
const CREDITS_LINE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,8}\s*[：:｜|][^\n：:｜|]{1,40}?\s[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,8}\s*[：:｜|]/u;

/** After a name in a script without capitals: a bracket, then a comma, a colon or a bar, then what they do. */
const SCRIPT_PRESENTED = new RegExp(String.raw`^(?:\s*[（(][^）)\n]{0,40}[）)])?\s*(?:(?:${SCRIPT_HONORIFICS.join('|')})\s*)?[，,：:｜|]\s*([^\n]{2,})`, 'u');

/** Summary and affiliations for a guest. */
export function describeGuest(c: Candidate, title: string, notesText = '', others: readonly string[] = [], show?: string): Description {
  const lines = notesText.split('\n');
  const names = c.spellings;
  // A guest the notes name only by a handle ("Grace has @adabyron") is read at those mentions.
  const named = c.occurrences.filter((o) => o.where === 'notes' && o.kind !== 'handle');
  const notes = named.length || c.occurrences.some((o) => o.kind !== 'handle') ? named : c.occurrences.filter((o) => o.where === 'notes');
  const titles = c.occurrences.filter((o) => o.where === 'title');
  let summary: string | undefined;
  // A name in a script without capitals is presented by what follows a comma, a colon or a bar after it ("俞冰夏，作家、
  // 译者", "胡恒 ｜ 三清，挖优狗创始人"), unless that is the next label of a credits line ("小袁 后期剪辑：小野").
  for (const o of notes.slice(0, MAX_MENTIONS_READ)) {
    if (o.kind !== 'script') continue;
    const m = SCRIPT_PRESENTED.exec(o.line.slice(o.at + o.surface.length));
    if (m && !/^[^\s，,：:]{1,8}[：:]/u.test(m[1]!)) {
      summary = clip(m[1]!);
      break;
    }
  }
  for (const o of summary ? [] : [...notes.slice(0, MAX_MENTIONS_READ), ...titles]) {
    const p = presenting(o);
    const b = presentingBefore(o);
    if (p && b) summary = `${b.slice(0, b.length - o.surface.length).trim()}, ${p}`;
    else summary = p ?? b;
    if (summary) break;
  }
  // No clause presents them: the notes' sentence that names them with a role, starting at the name.
  if (!summary) {
    for (const o of notes.slice(0, MAX_MENTIONS_READ)) {
      const s = sentenceOf(o);
      // The role or organisation is another word than the name ("Le blog de Ada" says nothing about her).
      const rest = names.reduce((t, n) => t.split(n).join(' '), s);
      const at = s.indexOf(o.surface);
      const from = at > 0 ? s.slice(at) : s;
      if ((hasRole(rest) || ORG_AFTER_PREP.test(rest)) && from.length > o.surface.length + 3) {
        summary = from;
        break;
      }
    }
  }
  // "Ada Byron!" then a line "From the Oceanlab podcast": the line after the one that names them presents them.
  if (!summary) {
    for (const o of notes.slice(0, MAX_MENTIONS_READ)) {
      const next = o.line.length < 2 * SENTENCE_WINDOW && o.line.trim() === sentenceOf(o) ? nextLine(lines, o) : undefined;
      if (next && /^\s*(?:one of|from|of|at|von|bei|de|di|da|du|z)\s/iu.test(next) && ORG_AFTER_PREP.test(` ${next.trim().replace(/^\S+/, (w) => w.toLowerCase())}`)) {
        summary = `${clip(o.line.slice(o.at))} ${next.trim()}`;
        break;
      }
    }
  }
  // The title that names them says what they are on about; else the first sentence that names them.
  // A sentence of the notes that goes on after the name says more than the title that names them ("Interview with
  // Ada Byron about her years at sea and Oceanlab").
  // The first such sentence: notes often repeat the title first ("# Episode 8: … with Ada Byron").
  if (!summary && titles.length) {
    for (const o of notes.slice(0, MAX_MENTIONS_READ)) {
      const s = sentenceOf(o);
      const at = s.indexOf(o.surface);
      const from = at > 0 ? s.slice(at) : s;
      if (at >= 0 && /^\s+\p{Ll}/u.test(from.slice(o.surface.length)) && from.split(/\s+/).length >= 6) {
        summary = from;
        break;
      }
    }
  }
  // "Ada Byron, contribuinte do projeto Oceanlab": a lower-case phrase set after the name by a comma describes
  // her, in whatever language, where no role word was recognised.
  if (!summary) {
    for (const o of notes.slice(0, MAX_MENTIONS_READ)) {
      const m = DESCRIBING_COMMA.exec(o.line.slice(o.at + o.surface.length));
      if (m && !FUNCTION_START.test(m[1]!)) {
        summary = m[1]!.trim();
        break;
      }
    }
  }
  // "Our guest is Ada Byron. She is a geologist at Oceanlab": the sentence after the one that names them presents them.
  if (!summary) {
    for (const o of notes.slice(0, MAX_MENTIONS_READ)) {
      const next = pronounNext(o, c.name.split(/\s+/)[0] ?? '', lines)[0];
      if (next && (hasRole(next) || ORG_AFTER_PREP.test(next))) {
        summary = next;
        break;
      }
    }
  }
  // "Ada Byron (@ada)" alone on its line, a paragraph about her under it: that paragraph presents her.
  if (!summary) {
    for (const o of notes.slice(0, MAX_MENTIONS_READ)) {
      const own = o.line.replace(o.surface, '').replace(/@[\w.]+|https?:\/\/\S+/g, '').replace(/[\s\p{P}]+/gu, '');
      const next = own ? undefined : nextLine(lines, o)?.trim();
      // Prose (a sentence, or words enough for one), not a heading, a bullet, a label or another guest's name line.
      const prose = next !== undefined && next.length >= 15 && (/[.。!?！？]/u.test(next) || next.split(/\s+/).length >= 6);
      if (prose && !/^(?:#|[-*•]\s)/.test(next) && !/[:：]$/.test(next) && !others.some((n) => next.includes(n))) {
        summary = clip(next);
        break;
      }
    }
  }
  if (!summary && titles.length) summary = title;
  if (!summary && notes.length) {
    const s = sentenceOf(notes[0]!);
    const at = s.indexOf(notes[0]!.surface);
    summary = at > 0 ? s.slice(at) : s;
  }
  summary ??= title;
  // A credits line ("嘉宾｜小袁 后期剪辑：小野") lists people; it says nothing of them: the title does more.
  const taken = summary.replace(/\s+/g, ' ').trim();
  if (notes.some((o) => (SCRIPT_GUEST_LABEL.test(o.line) || CREDITS_LINE.test(o.line)) && o.line.replace(/\s+/g, ' ').includes(taken))) summary = title;
  // A time the notes put at the end or start of the clause ("Ada Byron 02:30", the next chapter's start in flattened
  // notes) says nothing of them; a clause left with nothing but the name gives way to the title that names them.
  summary = withoutTimes(summary);
  if (titles.length && names.some((n) => foldName(n) === foldName(summary!))) summary = title;
  // The title that names them says what the episode has them on ("Silvopasture with Ada Byron", "Rust in
  // practice by Ada Byron"): that topic goes with a summary taken from elsewhere.
  const topic = titles.length ? titleTopic(title, titles[0]!.surface) : undefined;
  if (topic && summary !== title && !foldName(summary).includes(foldName(topic))) summary = `${summary} — ${topic}`;
  const sources = [summary, ...(titles.length ? [title] : []), ...notes.slice(0, 3).flatMap((o) => [sentenceOf(o), ...pronounNext(o, c.name.split(/\s+/)[0] ?? '', lines)])];
  const affiliations: string[] = [];
  for (const o of notes) {
    // The owner is the last capitalised words before "'s" after any cue ("We talk with NASA's Ada Byron": NASA).
    const owner = POSSESSOR_BEFORE.exec(o.rawBefore)?.[1]?.split(/\s+(?:with|and|feat\.?|featuring|mit|und|avec|con|com|med|w\/)\s+/i).pop();
    if (owner && owner.length <= AFFILIATION_MAX && !names.some((n) => foldName(n).includes(foldName(owner))) && affiliations.length < 3) {
      if (!affiliations.some((a) => foldName(a) === foldName(owner))) affiliations.push(owner);
    }
  }
  // "… with Ada Byron (MIT, Oceanlab)" or "… with Ada Byron, Oceanlab" in the title.
  for (const o of titles) {
    const m = /^\s*(?:\(([^()]{2,80})\)|,\s*([^,()|]{2,60}))\s*$/u.exec(o.rawAfter);
    const text = (m?.[1] ?? m?.[2])?.trim();
    if (!text || /^(?:part|teil|partie|parte|live|rerun|repost|encore|bonus|ep|e\d|\d|he\/|she\/|they\/)/i.test(text)) continue;
    const at = /\b(?:at|@|bei|chez)\s+(.+)$/iu.exec(text);
    for (const a of (at ? at[1]! : text).split(/\s*,\s*/)) {
      // "Ada Byron, User Experience Designer": a role, not an organisation.
      if (a && a.length <= AFFILIATION_MAX && affiliations.length < 3 && !isRoleWord(a.split(/\s+/).pop()!)) affiliations.push(a);
    }
  }
  for (const text of sources) {
    for (const a of affiliationsOf(text, names)) {
      if (affiliations.length < 3 && !affiliations.some((x) => foldName(x) === foldName(a))) affiliations.push(a);
    }
  }
  return { summary: clip(summary), affiliations: withoutShow(withoutPeople(affiliations, names, others), show) };
}

/**
 * The show is no affiliation of its guests: "In this episode of Running in Production" gives "Running", "producers
 * for The Daily" gives "Daily". An affiliation that is the show's name, or words of it, is dropped.
 */
function withoutShow(affiliations: string[], show: string | undefined): string[] {
  const name = show ? ` ${foldName(show)} ` : '';
  if (!name.trim()) return affiliations;
  // Part of the show's name ("Sailing" of "Sailing in Circles"), or the show's name and more ("Sailing in Circles’s
  // Quick Bites", read from "this episode of …").
  return affiliations.filter((a) => {
    const folded = foldName(a);
    return !folded || !(name.includes(` ${folded} `) || ` ${folded} `.startsWith(name));
  });
}

/**
 * Affiliations are organisations, not people. One that runs into a co-guest ("Couchbase and Zack Gramana" for the
 * guest "from Couchbase") is cut before them; one that holds the guest's own name was read from someone else's
 * words ("from Oceanlab and Alan Turing" is not Alan Turing's) and is dropped, as is what is left of a list of
 * names ("and Steve Lucco").
 */
/**
 * The text holds the whole name, word for word. Only names of two words or more: a one-word name ("Ada") is also a
 * word of many organisations' names ("Ada Initiative").
 */
function holdsName(text: string, name: string): boolean {
  const n = foldName(name);
  return n.includes(' ') && ` ${foldName(text)} `.includes(` ${n} `);
}

function withoutPeople(affiliations: string[], own: readonly string[], others: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of affiliations) {
    if (own.some((n) => holdsName(a, n))) continue;
    let org = a;
    for (const name of others) {
      if (!holdsName(org, name)) continue;
      // Cut before the other person's name and the conjunction that joins it.
      const words = org.split(/\s+/);
      const first = foldName(name).split(' ')[0]!;
      const k = words.findIndex((w) => foldName(w) === first);
      org = k === -1 ? '' : words.slice(0, k).join(' ');
    }
    org = org.replace(/\s+(?:and|und|y|et|e|og|och|en|&)$/iu, '').trim();
    // What was left of "and Steve Lucco" names no organisation.
    if (!org || CONJUNCTION.test(org.split(/\s+/)[0]!)) continue;
    if (!out.some((x) => foldName(x) === foldName(org))) out.push(org);
  }
  return out;
}

/** https pages on the lines that name this guest and no one else, or whose text or address holds their name. */
export function linksOf(c: Candidate, notes: string, links: readonly LinkSpan[], others: readonly Candidate[]): Array<{ url: string; host: string }> {
  const out: Array<{ url: string; host: string }> = [];
  const words = new Set(c.spellings.flatMap((s) => foldName(s).split(' ')).filter((w) => w.length > 2));
  const handles = c.spellings.filter((s) => /^@/.test(s)).map((s) => s.slice(1).toLowerCase());
  const lineStarts: number[] = [0];
  for (let i = notes.indexOf('\n'); i >= 0; i = notes.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const mine = new Set(c.occurrences.filter((o) => o.where === 'notes').map((o) => o.lineIndex));
  const theirs = new Set(others.filter((x) => x !== c).flatMap((x) => x.occurrences.filter((o) => o.where === 'notes').map((o) => o.lineIndex)));
  const candidatesUrls: Array<{ href: string; line: number; text: string }> = links.map((l) => ({ href: l.href, line: lineOf(l.start), text: notes.slice(l.start, l.end) }));
  for (const m of notes.matchAll(/https:\/\/[^\s<>"')\]]+/g)) candidatesUrls.push({ href: m[0].replace(/[.,;:]+$/, ''), line: lineOf(m.index), text: '' });
  for (const { href, line, text } of candidatesUrls) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:') continue;
    const hay = foldName(`${text} ${url.hostname} ${url.pathname}`);
    const named = [...words].some((w) => ` ${hay} `.includes(` ${w} `) || hay.replace(/ /g, '').includes(w)) || handles.some((h) => url.pathname.toLowerCase().includes(h));
    const ownLine = mine.has(line) && !theirs.has(line);
    if (!named && !ownLine) continue;
    // A page that names no one, on a line that names them among others: only a profile counts.
    const profile = /(?:^|\.)(?:twitter|x|mastodon|linkedin|github|gitlab|bsky|instagram|threads|youtube|medium|substack)\./.test(url.hostname) || url.pathname.startsWith('/@');
    if (!named && !profile && mine.size > 1) continue;
    if (!out.some((l) => l.url === url.href)) out.push({ url: url.href, host: linkHost(url) });
    if (out.length === MAX_GUEST_LINKS) break;
  }
  return out;
}
