/**
 * Who is on this episode. Two stages: every name-like span of the title and notes is a candidate person
 * (candidates.ts), and a small model fitted on real episodes (features.ts, model.ts, weights.json) decides which
 * candidates are guests. Hosts and the show are left out first; structured data (`podcast:person`, JSON-LD) wins
 * where a page has it. Then the notes say who each guest is (describe.ts). Pure: no DOM, no `browser`.
 */
import { looksLikeHtml, toPlainText, type LinkSpan } from '../timeline/normalize';
import { findOccurrences, foldName, groupCandidates, isRoleWord, type Candidate, type Occurrence } from './candidates';
import { isGivenName } from './given-names';
import { onAirContributors } from './podlove';
import { clip, describeGuest, linksOf, sentenceOf } from './describe';
import { abbreviationAt, buildContext, cueBeforeHonorific, cueBeforeRole, featurize, FEATURES, isHostOrShow, listsName, standings, type Context } from './features';
import { probability, THRESHOLD } from './model';
import { AND_WORDS, DEMONSTRATIVES, FUNCTION_WORDS, GIVEN_NAME_FORMS, HONORIFICS, PRESENTING } from './lexicon';

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
  /** The clause that presents the guest (role, affiliation, what they are known for), at most 200 characters. */
  summary: string;
  /** The text each finding came from, for "why we think so". */
  evidence: string[];
  /** 0–1: the model's probability that this person is a guest (1 for structured data). */
  confidence: number;
  /** "Dr.", "Prof.", … when the notes give one (also kept in `aliases` with the name). */
  honorific?: string;
  /** Pages the notes give for this guest, https only. */
  links: GuestLink[];
}


/** Notes past this are not read for guests: they introduce them early, and a page's first load must stay fast. */
const MAX_NOTES = 20_000;
/** "Why we think so" quotes a sentence, cut to this. */
const EVIDENCE_MAX = 240;

export interface Scored {
  candidate: Candidate;
  features: number[];
  probability: number;
}

interface Episode {
  title: string;
  ctx: Context;
  links: LinkSpan[];
  /** The candidate people, hosts, the show and credits left out. */
  candidates: Candidate[];
}

/** A block tag: notes with one are HTML through and through. */
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|dl|dt|dd|tr|td|th|table|section|article|blockquote|pre|hr|h[1-6]|header|footer|figure|details)\b/i;
/**
 * What tells markdown from an HTML fragment whose source has blank lines (which a browser runs together): a heading
 * or list item opening a line, or a markdown link.
 */
const MARKDOWN_MARK = /^[ \t]{0,3}(?:#{1,6}[ \t]|[-*+][ \t]+\S)|\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/m;
/** A markdown block's start: a blank line, or a line that opens a heading or a list item. */
const MARKDOWN_BREAK = /\n[ \t]*(?=\n)|\n(?=[ \t]{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s))/g;

/**
 * Markdown with a few inline tags in it ("**Ada Byron**<br />", "<a href>" in a paragraph), as static sites publish
 * notes: a site renders the markdown's blocks as blocks, while read as HTML its lines would run into one. Its block
 * breaks are kept as line breaks; a soft wrap inside a paragraph stays a space, as the markdown renders it. Only
 * notes with no block tag and a mark of markdown are read so.
 */
function withMarkdownBreaks(notes: string): string {
  if (BLOCK_TAG.test(notes) || !/\n[ \t]*\n/.test(notes) || !MARKDOWN_MARK.test(notes)) return notes;
  return notes.replace(MARKDOWN_BREAK, '<br>\n');
}

/** The episode as the engine reads it: plain title and notes, context, and candidate people. */
function readEpisode(input: GuestInput): Episode {
  const title = decodeText(input.title);
  const html = looksLikeHtml(input.notes);
  const plain = toPlainText(html ? withMarkdownBreaks(input.notes) : input.notes, html);
  const normalized = withoutStrongMarks(plain);
  const notes = unwrapLines(normalized.text.slice(0, MAX_NOTES));
  const hosts = hostNames(input, notes);
  const headings = new Set<string>();
  for (let k = 0; k + 1 < plain.headings.length; k += 2) headings.add(plain.text.slice(plain.headings[k]!, plain.headings[k + 1]!).replace(STRONG_MARK, '').trim());
  const ctx = buildContext({ title, notes, hosts, headings, ...(input.show ? { show: decodeText(input.show) } : {}) });
  const occurrences = [...findOccurrences(title, 'title', [], ctx.lowerWords), ...findOccurrences(notes, 'notes', normalized.links, ctx.lowerWords)];
  const elsewhere = otherEpisodeLines(notes, normalized.links);
  const candidates = groupCandidates(occurrences).filter(
    (c) => !isHostOrShow(c, ctx) && !creditedOnly(c, ctx) && !c.occurrences.every((o) => o.where === 'notes' && elsewhere.has(o.lineIndex)),
  );
  return { title, ctx, links: normalized.links, candidates };
}

/** A link's text that names an episode by its number ("37. Maps", "#13 …", "Ep 12: …", "Folge 4", "第5回"). */
const EPISODE_REF = /^\s*(?:(?:#|№|no\.?|ep\.?|episode|épisode|episodio|folge|avsnitt|aflevering|afsnit|odcinek|díl|выпуск|第)\s*\d{1,4}\b|\d{1,4}(?:[.:)]|\s*[-–—|])\s)/iu;

/**
 * Lines that describe another episode: they open with a link to it ("- [37. Maps](…/episode/37) … we welcomed Ada
 * Byron", related episodes under the notes). Whoever such a line welcomes was that episode's guest. A rule, not a
 * feature: the corpora hold no name that only such a line gives, so a fitted weight would have nothing to learn from.
 */
function otherEpisodeLines(notes: string, links: readonly LinkSpan[]): Set<number> {
  const lines = new Set<number>();
  if (!links.length) return lines;
  const starts = [0];
  for (let i = notes.indexOf('\n'); i >= 0; i = notes.indexOf('\n', i + 1)) starts.push(i + 1);
  let k = 0;
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    while (k + 1 < starts.length && starts[k + 1]! <= link.start) k++;
    if (!/^\s*(?:[-*•]\s*)?$/.test(notes.slice(starts[k], link.start))) continue;
    if (EPISODE_REF.test(notes.slice(link.start, link.end))) lines.add(k);
  }
  return lines;
}

/** Markdown's strong emphasis, `**` against a word on one side: a mark, not text. */
const STRONG_MARK = /\*\*(?=[^\s*])|(?<=[^\s*])\*\*/g;

/**
 * The notes without markdown's `**` ("o **Ada Byron**, contribuinte …"): a mark glued to a name hid the comma that
 * presents her. The links' offsets move with the text.
 */
export function withoutStrongMarks<T extends { text: string; links: LinkSpan[] }>(norm: T): T {
  if (!norm.text.includes('**')) return norm;
  const cuts: number[] = [];
  const text = norm.text.replace(STRONG_MARK, (_m, at: number) => {
    cuts.push(at);
    return '';
  });
  if (!cuts.length) return norm;
  // Characters removed before an offset: two per mark that starts before it.
  const shift = (offset: number) => {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - 2 * lo;
  };
  return { ...norm, text, links: norm.links.map((l) => ({ ...l, start: shift(l.start), end: shift(l.end) })) };
}

/** `b` is one word, the first of the fuller name `a` with a case ending ("Danielem" for "Daniel Barrio Fierro"). */
export function inflectedGivenName(a: string, b: string): boolean {
  const [given, ...rest] = foldName(a).split(' ');
  const one = foldName(b);
  return rest.length > 0 && !one.includes(' ') && one.length > given!.length && inflects(one, given!);
}

/** Words every show's name has ("The … Podcast"): what is left is the show's own name. */
const SHOW_WORDS = new Set(['the', 'a', 'podcast', 'pod', 'show', 'radio', 'fm', 'cast', 'der', 'die', 'das', 'le', 'la', 'les', 'el', 'il', 'de', 'du', 'of']);

/**
 * A run that starts with the show's own name and goes on ("RWpod Cafe" on RWpod, "Chaincode Decoded" on The Chaincode
 * Podcast) is a segment of the show. A rule after the model, not a filter before it: the candidates, their features
 * and the fitted weights stay as they are.
 */
function showSegment(c: Candidate, show: string | undefined): boolean {
  if (!show) return false;
  const core = foldName(show).split(' ').filter((w) => !SHOW_WORDS.has(w)).join(' ');
  return core.length > 3 && c.spellings.some((s) => foldName(s).startsWith(`${core} `));
}

/** A sentence about a coming episode ("Join us next week when …", "la semaine prochaine, nous recevrons …"). */
const NEXT_TIME = /(?<![\p{L}])(?:next (?:week|time|episode)|nächste[nr]? (?:woche|folge|mal|sendung)|la semaine prochaine|(?:le |au )?prochain épisode|la próxima semana|(?:el |en el )?próximo episodio|la prossima settimana|(?:il |nel )?prossimo episodio|(?:na )?próxima semana|(?:no )?próximo episódio|volgende week|nästa vecka|næste uge|neste uke|(?:in )?the coming weeks|upcoming (?:episodes?|shows?|guests?)|scheduled guests?|in a future episode|(?:a |our )?previous (?:interview|episode)|last week['’]s guest|in den kommenden wochen|demnächst|prochainement|próximamente)(?![\p{L}])/iu;

/**
 * Named only after "next week" in their sentences ("Tune in next week when our guest is Ada Byron"), or after another
 * episode's words ("Scheduled guests are", "In the coming weeks we'll chat with", "Previous interview with"): another
 * episode's guest, not this one's. "Ada Byron joins us, see you next week!" and "Our guest is A, and next week it is
 * B" keep this episode's guest. A rule after the model: the corpora hold no such teaser to fit a weight to.
 */
function nextEpisodeOnly(c: Candidate): boolean {
  const notes = c.occurrences.filter((o) => o.where === 'notes');
  return (
    notes.length === c.occurrences.length &&
    notes.length > 0 &&
    notes.every((o) => {
      const sentence = sentenceOf(o);
      const at = sentence.indexOf(o.surface);
      return at > 0 && NEXT_TIME.test(sentence.slice(0, at));
    })
  );
}

/** A date of the kind life dates give: "1874", "22 de fevereiro de 1900", "3. Mai 1920". */
const LIFE_DATE = String.raw`(?:\d{1,2}\.?\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+)?)?1\d{3}`;
/**
 * Life dates right after a name, in brackets ("Ada Byron (1815–1852)", "Ada Byron, (1815-1852) poet", "Ada Byron; 10 December
 * 1815 – 27 November 1852)"); not years of office ("Ada Byron, 1998–2006 mayor of …").
 */
const LIFE_DATES_AFTER = new RegExp(
  String.raw`^\s*[,;]?\s*(?:\(\s*(?:\*|b\.|born|geb\.|né|nac\.|n\.)?\s*${LIFE_DATE}\s*[-–—]\s*(?:[†+]\s*)?(?:${LIFE_DATE}|20[0-2]\d)\b|(?:\*|b\.|born|geb\.|né|nac\.|n\.)?\s*${LIFE_DATE}\s*[-–—]\s*(?:[†+]\s*)?(?:${LIFE_DATE}|20[0-2]\d)\s*\))`,
  'u',
);
/** "… had to cancel.", "… couldn't make it": the announced guest did not come (not "cancelled her flight, so she joins us"). */
const CANCELLED_AFTER = /^\s+(?:had to cancel|has had to cancel|cancell?ed|could ?n[o’']t make it|was unable to (?:join|make it|come)|musste (?:leider )?absagen|hat (?:leider )?abgesagt|a dû annuler|tuvo que cancelar)(?:\s+(?:at the last minute|last minute|today|this week|leider|kurzfristig))?\s*(?:[.!;,)]|$|\s+(?:the|his|her|their|our)\s+(?:interview|appearance|visit|slot|show))/iu;

/** "together with A" in a sentence about a book: A wrote it with the guest, and is not on. */
const TOGETHER_BEFORE = /(?:^|[\s(])(?:gemeinsam mit|zusammen mit|together with|co-written with|en collaboration avec|junto con|junto com|insieme a|samen met)\s+$/iu;
const BOOK_WORDS = /(?:^|[^\p{L}])(?:buch|buches|book|livre|libro|livro|verlag|publisher|roman|novel|erscheint|geschrieben|written|co-?author|co-?autor(?:in)?|co-?auteur)(?:[^\p{L}]|$)/iu;

/** Every mention of the name is a co-author's: "Autorin (gemeinsam mit A) des Buches", "hat gemeinsam mit A das Buch …". */
function coAuthorOnly(c: Candidate): boolean {
  const notes = c.occurrences.filter((o) => o.where === 'notes' && o.kind === 'name');
  return notes.length > 0 && notes.length === c.occurrences.length && notes.every((o) => TOGETHER_BEFORE.test(o.rawBefore) && BOOK_WORDS.test(sentenceOf(o)));
}

/**
 * Someone the notes give life dates for (a poet read, a film-maker remembered) is no guest: the living are not dated
 * so. Nor is a guest the notes say had to cancel. Rules after the model: the corpora hold no such case to fit a weight to.
 */
function notThere(c: Candidate): boolean {
  return c.occurrences.some((o) => o.kind === 'name' && o.where === 'notes' && (LIFE_DATES_AFTER.test(o.rawAfter) || CANCELLED_AFTER.test(o.rawAfter)));
}

/** Every candidate person of an episode with its features and the model's probability (for the fit and tests). */
export function scoreCandidates(input: GuestInput): Episode & { scored: Scored[] } {
  const episode = readEpisode(input);
  const standing = standings(episode.candidates);
  const scored = episode.candidates.map((candidate, i) => {
    const features = featurize(candidate, episode.ctx, standing[i]);
    return { candidate, features, probability: probability(features) };
  });
  return { ...episode, scored };
}

/** The guests' own word, in the languages the hosts' lines are read in. */
const GUESTS_WORD = String.raw`(?:guests?|invité(?:e|s|es)?|gäste|invitad[oa]s?|ospiti|convidad[oa]s?)`;
/** The guests' word and a colon said on a line before a name ("animé par A, avec pour invités : B, C"). */
const GUESTS_WORD_BEFORE = new RegExp(String.raw`(?:^|[\s(])${GUESTS_WORD}\s*:`, 'iu');

/**
 * A name that occurs only in credits and hosts' lines made the episode; it was not on it. Not one that follows the
 * guests' word on a host's line ("Débat animé par A, avec pour invités : B, C").
 */
function creditedOnly(c: Candidate, ctx: Context): boolean {
  return c.occurrences.every(
    (o) =>
      o.where === 'notes' &&
      (ctx.creditLines.has(o.lineIndex) || (ctx.hostLines.has(o.lineIndex) && !GUESTS_WORD_BEFORE.test(o.line.slice(0, o.at)))),
  );
}

const POINTING = new Set(DEMONSTRATIVES);

/**
 * A run written right after a demonstrative ("In this Quick Bite, Ada and Tim …") is a thing's name. A rule, not a
 * feature: the corpora hold no guest after one, so a fitted weight has nothing to learn from (the trees never split
 * on it), while the show's own segment in the title ("Quick Bite - Modules in Node") looks like a guest's name.
 */
/** A name that ends in a weekday is a recurring segment's ("ToolUp Tuesday", "BuildIt Monday"), no one's. */
const WEEKDAY_END = /\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/i;

/**
 * A run followed by what it names ("our first Chaincode Decoded podcast", "the Quick Bite segment returns") is a show,
 * a segment or a series, not a person.
 */
const THING_AFTER = /^[\s*_"”»]*(?:podcast|segment|series|show|newsletter|episodes?)\b/;

/**
 * "the story of Ada Byron", "a história de …", "die Geschichte von …": an episode about a person's life, told by the
 * hosts. Said of a person the notes never cue as a guest, they are its subject.
 */
const STORY_OF = /(?:^|\s)(?:(?:life|story|biography|legacy) of|(?:história|historia|biografia|biografía|vida|legado) de|(?:histoire|vie|biographie) de|(?:geschichte|leben|biografie) von|(?:storia|vita|biografia) di)\s+$/u;
/** Features that say the episode has the person on: a cue before, a welcome after, a guests heading. */
const CUED = (['notes_cue', 'notes_with', 'notes_join', 'guest_section', 'title_cue', 'title_with'] as const).map((f) => FEATURES.indexOf(f));

function aboutTheirLife(s: Scored): boolean {
  return !CUED.some((i) => s.features[i]! > 0) && s.candidate.occurrences.some((o) => o.where === 'notes' && STORY_OF.test(o.before));
}

/**
 * One hyphenated word ("Inline-Skater", "Apple-Fanboy", "Youtube-Videos") is a compound noun, German's especially; a
 * person's hyphenated name comes with another word ("Lorena Jaume-Palasí", "Jean-Luc Picard").
 */
const COMPOUND = /^\p{Lu}[\p{L}\p{M}]+-\p{Lu}[\p{L}\p{M}]+$/u;

/** A contraction ("Doesn't", "They've"): a verb, never part of a name ("History That Doesn't Suck"). */
const CONTRACTION = /\p{L}['’](?:t|re|ve|ll|d|m)(?![\p{L}])/iu;

/** An advert's imperative before a brand ("Join Wondery+", "Visit Expensify", "Try Fastly"): no one's name. */
const IMPERATIVE_FIRST = /^(?:join|visit|try|download|subscribe|listen|support|check|sign|shop|click|discover|watch|grab)\s/i;

/** A form of address, then a capitalised word: a name follows ("Dr. Ada", "Prof. Dr. Ada"). */
const TITLE_AFTER = new RegExp(String.raw`^\s+(?:${HONORIFICS.map((h) => h.replace(/[.]/g, '\\.')).join('|')})\.?\s+\p{Lu}`, 'iu');

/** A word that labels a part of a show's credits. */
const LABEL_WORD = /^(?:host|hosts|co-host|cohost|guest|guests|moderator|moderation|gast|gäste|invité|invitée|invités|ospite|ospiti|invitado|invitada)$/iu;
/** A role word, then a capitalised word: "… Commissioner Ada", "… CEO Ada". */
function roleThenName(after: string): boolean {
  const m = /^\s+(\p{L}[\p{L}-]*)\s+\p{Lu}/u.exec(after);
  return m !== null && isRoleWord(m[1]!);
}
/** The last word of an event or a work named after someone. */
const EVENT_LAST = /\s(?:memorial|address|lecture|lectures|award|awards|prize|festival|conference|summit|symposium|show|tour|foundation|institute|gedenkfeier|preis|vorlesung)$/iu;

function namesAThing(c: Candidate): boolean {
  if (WEEKDAY_END.test(c.name) || CONTRACTION.test(c.name) || IMPERATIVE_FIRST.test(c.name)) return true;
  // A label, not a name ("Guest Host: …" gives "Host").
  if (LABEL_WORD.test(c.name)) return true;
  // What qualifies the role of the name after it ("Vancouver Athletic Commissioner Ada Byron", "Oceanlab CEO Ada
  // Byron"): an organisation.
  if (!opensWithGivenName(c.name) && c.occurrences.every((o) => o.kind === 'name' && o.where === 'notes' && roleThenName(o.rawAfter))) return true;
  // An event or a work named after someone ("Hal Haag Memorial", "Adam Smith Address", "the Ada Byron Lecture").
  if (c.name.includes(' ') && EVENT_LAST.test(c.name)) return true;
  // One word right before a form of address and a name ("mit Ministerialdirigent Dr. Ada Byron"): that name's office.
  if (!c.name.includes(' ') && c.occurrences.every((o) => o.kind === 'name' && TITLE_AFTER.test(o.rawAfter))) return true;
  // The start of a dotted abbreviation ("Ph.D.", "M.Sc."): a degree, not a name.
  if (c.occurrences.every((o) => /^\.\p{Lu}\p{Ll}?\./u.test(o.rawAfter))) return true;
  if (c.occurrences[0]!.kind === 'name' && COMPOUND.test(c.name) && c.spellings.every((s) => s === c.name || c.name.split('-').includes(s))) return true;
  // Every mention in the notes says so: one "Ada Byron podcast" beside a cue that presents her is still her.
  const inNotes = c.occurrences.filter((o) => o.where === 'notes');
  if (inNotes.length && inNotes.every((o) => o.kind === 'name' && THING_AFTER.test(o.after))) return true;
  return c.occurrences.some((o) => /\s$/.test(o.before) && POINTING.has(o.before.trimEnd().split(/\s+/).pop() ?? ''));
}

const PRESENTS = new Set(PRESENTING);

/**
 * "Studienpreisträgerin Ada Byron", "Nationalspielerin Ada Byron": a long capitalised noun of a role's shape (German
 * nouns are capitalised, so the run takes it in) before a whole name that opens with a known given name is no first
 * name: names in this order put the given name first.
 */
function leadingRoleNoun(first: string, rest: readonly string[]): boolean {
  if (rest.length < 2 || first.length < 10 || !/^\p{Lu}\p{Ll}+(?:in|er|e|ent|ant|ist|eur|or)$/u.test(first)) return false;
  return !isGivenName(foldName(first)) && isGivenName(foldName(rest[0]!));
}

/**
 * "Welcome Ada Byron": a run whose first word presents the rest goes by the rest, as the notes write it elsewhere (one
 * of its spellings, the shorter reading of the run) or, of two words or more, as written after that word.
 */
function presented(s: Scored): Scored {
  const [first, ...rest] = s.candidate.name.split(/\s+/);
  if ((!PRESENTS.has(first!.toLowerCase()) && !leadingRoleNoun(first!, rest)) || rest.length === 0) return s;
  const name = foldName(rest.join(' '));
  const own = s.candidate.spellings.find((n) => foldName(n) === name) ?? (rest.length >= 2 ? rest.join(' ') : undefined);
  if (!own) return s;
  const spellings = s.candidate.spellings.includes(own) ? s.candidate.spellings : [own, ...s.candidate.spellings];
  return { ...s, candidate: { ...s.candidate, name: own, spellings } };
}

/**
 * "un ospite d'eccezione": an elided lower-case word after a cue is no name, whatever its place says ("d'Alembert",
 * with its capital, is). A rule, as for demonstratives: the corpora hold no such word to fit a weight to.
 */
const ELIDED_WORD = /^[dl]['’]\p{Ll}/u;

/**
 * Case endings that Slavic languages add to a name ("z Andrzejem Kowalczykiem", "gościmy Andrzeja Kowalczyka", "s
 * Janem Novákem", "с Иваном"). A feminine surname's own ending ("Nováková") is none: "Jana Nováková" is not "Jan Novák".
 */
const CASE_ENDING = /^(?:a|u|y|e|ą|ę|em|iem|owi|ego|emu|om|а|у|ом|ем|ым|им|ой|ей|ого|ему|ами|ach)$/u;

/** The same word, or the same with a case ending added ("andrzejem" for "andrzej"). */
const inflects = (a: string, b: string): boolean => {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short) && CASE_ENDING.test(long.slice(short.length));
};

/** Two names that differ only by case endings, word for word ("Andrzejem Kowalczykiem", "Andrzej Kowalczyk"). */
export function sameNameInflected(a: string, b: string): boolean {
  const x = foldName(a).split(' ');
  const y = foldName(b).split(' ');
  return x.length === y.length && x.some((w, i) => w !== y[i]) && x.every((w, i) => inflects(w, y[i]!));
}

/**
 * One person's name with a short form of the given name ("Ben Quill" beside "Benjamin Quill", "Chris" and
 * "Christopher"): `a` is the full one.
 */
export function fullerName(a: string, b: string): boolean {
  const x = foldName(a).split(' ');
  const y = foldName(b).split(' ');
  if (x.length < 2 || x.length !== y.length || x[0] === y[0] || x.slice(1).some((w, i) => w !== y[i + 1])) return false;
  // Three more letters at least: "Dana" and "Danae", "Carl" and "Carla", "Jan" and "Janet" are other people.
  return y[0]!.length >= 3 && x[0]!.length >= y[0]!.length + 3 && x[0]!.startsWith(y[0]!);
}

/** One edit apart (a letter more, less or other): "Johana" for "Johanna". */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A one-word name that is a full name's given name misspelt ("Johana" beside "Johanna Pike"): `a` is the full one. */
export function misspeltGivenName(a: string, b: string): boolean {
  const x = foldName(a).split(' ');
  const y = foldName(b).split(' ');
  return x.length >= 2 && y.length === 1 && y[0]!.length >= 4 && oneEditApart(x[0]!, y[0]!);
}

/**
 * One full name written twice with one letter off in a later word ("Ben Lesh", "Ben Lesch"): the same given name, and
 * every other word the same or one edit apart (at least four letters).
 */
function misspeltFullName(a: string, b: string): boolean {
  const x = foldName(a).split(' ');
  const y = foldName(b).split(' ');
  if (x.length < 2 || x.length !== y.length || x[0] !== y[0] || x.join(' ') === y.join(' ')) return false;
  return x.every((w, k) => w === y[k] || (k > 0 && w.length >= 4 && y[k]!.length >= 4 && oneEditApart(w, y[k]!)));
}

const PERSON_SHAPE_CUE = FEATURES.indexOf('person_shape_cue');

/** The guest lists (their headings' lines, see Context.guestSections) in which a candidate's name leads an item. */
function listsItIn(s: Scored, sections: ReadonlyMap<number, number>): number[] {
  const heads: number[] = [];
  for (const o of s.candidate.occurrences) {
    const head = o.where === 'notes' ? sections.get(o.lineIndex) : undefined;
    if (head !== undefined && listsName(o)) heads.push(head);
  }
  return heads;
}

/**
 * Names stacked under one guest heading ("Guests:" then a name per line) are one list: when the model lists one of
 * them, the others of person's shape are listed too, up to the next line that is an HTML heading's text
 * (Context.guestSections; a heading that is also an item's text ends the list there). A rule
 * after the model, not a feature: the model scores each name alone, and the second item of a list lacks what the
 * first has (the first person the notes name).
 */
function withListSiblings(scored: readonly Scored[], above: readonly Scored[], sections: ReadonlyMap<number, number> | undefined, passes: (s: Scored) => boolean): Scored[] {
  if (!sections?.size || above.length === 0) return [...above];
  const heads = new Set(above.flatMap((s) => listsItIn(s, sections)));
  if (heads.size === 0) return [...above];
  const kept = new Set(above);
  return scored.filter(
    (s) =>
      kept.has(s) ||
      (s.features[PERSON_SHAPE_CUE]! > 0 && listsItIn(s, sections).some((h) => heads.has(h)) && passes(s)),
  );
}

/**
 * What joins a second name to a first in one breath: "and" (the lexicon's AND_WORDS and a few phrases), after the first
 * name's own role clause if it has one ("Ada Byron, editor of Tides, and Alan Turing"; "A, Editor de X y B"; "A
 * (bassoon), and B").
 */
const COORDINATION = new RegExp(String.raw`^(?:,[^,.;:!?()[\]{}|]{1,80}?,?|\s*\([^()]{1,60}\),?)?\s+(?:${AND_WORDS}|oraz|és|&|as well as|ainsi que|sowie)(?:\s+(?:also|auch|aussi|también|anche|ook|även|også))?\s+$`, 'iu');
/**
 * The least probability of a name joined to a listed guest by "and" that is listed with them. On the training split
 * the names this rule adds score 0.22 (a guest) or below 0.07 (two organisations, one guest); the floor lies between.
 */
const COORDINATED_FLOOR = 0.2;
/** The same for a name that opens with a known given name (given-names.ts). */
const KNOWN_COORDINATED_FLOOR = 0.05;
const TWO_WORDS = FEATURES.indexOf('two_words');
const THREE_WORDS = FEATURES.indexOf('three_words');
/** A name of two or three words: what the rules after the model list beyond the threshold. */
const personShaped = (s: Scored): boolean => s.features[TWO_WORDS]! > 0 || s.features[THREE_WORDS]! > 0;
/** The name's first word is a given name the lexicon knows (given-names.ts). */
const opensWithGivenName = (name: string): boolean => isGivenName(foldName(name.split(/\s+/)[0]!));

/** `second` is written right after `first`, joined to it by "and" (same line of the same text). */
function joinedAfter(first: Candidate, second: Candidate): boolean {
  return second.occurrences.some((b) => {
    // The second name written whole: a one-word spelling of a longer name ("biologist and Franklin scholar") is no item.
    if (b.kind !== 'name' || b.surface !== second.name || /^\s*(?:\p{Lu}|['’]s\b)/u.test(b.rawAfter)) return false;
    return first.occurrences.some((a) => {
      if (a.where !== b.where || a.lineIndex !== b.lineIndex || a.end > b.start || b.start - a.end > 100) return false;
      const gap = b.line.slice(a.at + a.surface.length, b.at);
      // A form of address before the second name stands between it and the "and" ("A and Ms. B").
      const title = b.honorific ? gap.trimEnd().lastIndexOf(b.honorific) : -1;
      const joint = title > 0 ? gap.slice(0, title) : gap;
      if (COORDINATION.test(joint)) return true;
      // A comma joins an item of a list that ends with "and" ("A du Comité, B président du FUGEA et C"; "A, editor
      // of X, B, …, e C"), of a name that opens with a known given name: not a list of names after a link's label,
      // nor one of authors.
      return (
        COMMA_JOIN.test(joint) &&
        !AUTHORS_BEFORE.test(a.before) &&
        LIST_ENDS_WITH_AND.test(b.line.slice(b.at + b.surface.length, b.at + b.surface.length + 200)) &&
        opensWithGivenName(second.name)
      );
    });
  });
}

/** A comma after the first name and what it belongs to ("of Oceanlab", "(bassoon)", ", editor of Tides"). */
const COMMA_JOIN = /^(?:\s*\([^()]{1,60}\)|\s+(?:of|from|at|du|de|des|von|vom|di|da|del|do)\s[^,.;:!?()]{1,60}?(?:\s*\([^()]{1,40}\))?|,\s*\p{Ll}[^,.;:!?()]{1,80}?)?,\s+$/u;
/** A list of authors ("a paper by A, B, C and D") is no list of guests, whoever among them is one. */
const AUTHORS_BEFORE = /(?:^|\s)(?:by|par|von|door|av|af)\s+$/u;
/** What follows an item of a list that ends with "and" and one more name, before the sentence ends. */
const LIST_ENDS_WITH_AND = new RegExp(String.raw`^[^.;:!?\n]*?\s(?:${AND_WORDS}|&)\s+\p{Lu}`, 'u');

/**
 * Two names joined by "and" share their fate: when the model lists the first ("with Ada Byron and Alan Turing"), the
 * second, of a person's shape, is listed too. A rule after the model, as for lists (above): the second name lacks what
 * the first has (the cue right before it, the first person the notes name). Unlike a list's items, what follows "and"
 * may be a thing ("Ada Byron and Open Science"): the second name needs some of the model's belief as well
 * (COORDINATED_FLOOR).
 */
function withCoordinated(scored: readonly Scored[], above: readonly Scored[], passes: (s: Scored) => boolean): Scored[] {
  if (above.length === 0) return [...above];
  const kept = new Set(above);
  return scored.filter(
    (s) =>
      kept.has(s) ||
      ((s.probability >= COORDINATED_FLOOR ||
        // A form of address or a known given name makes it a person's (the organisations the 0.2 floor keeps out have
        // neither).
        (s.probability >= KNOWN_COORDINATED_FLOOR &&
          (s.candidate.occurrences.some((o) => o.honorific !== undefined) || opensWithGivenName(s.candidate.name)))) &&
        personShaped(s) &&
        above.some((a) => joinedAfter(a.candidate, s.candidate)) &&
        passes(s)),
  );
}

/** A given name and "and" right before a name ("Ada and Alan Turing"): the given name's word. */
const COUPLE_BEFORE = new RegExp(String.raw`(?:^|[,;:(]\s*|\s(\p{Ll}+)\s+)(\p{Lu}\p{Ll}+)\s+(?:${AND_WORDS}|&)\s+$`, 'u');
/** The least probability of the given name before "and" (see withCouples) that is listed. */
const COUPLE_FLOOR = 0.02;
/**
 * Articles, and words that take a topic: a capitalised word after one is a noun ("von den Netzkindern und Philipp Otto",
 * "we talk about Faith and Ada Byron"), not a given name.
 */
const ARTICLES = new Set(['about', 'on', 'of', 'the', 'a', 'an', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'gli', 'un', 'una', 'uno', 'une', 'het', 'een', 'de', 'du', 'dos', 'das', 'do', 'da']);

/**
 * A couple sharing one surname ("Ada and Alan Turing", "Floyd and Ana Frantz"): when the model lists the one named in
 * full, the given name before the "and", a candidate of one word of its own, is listed too, with that surname. A given
 * name the lexicon knows ("Ada Byron from Oceanlab and Alan Turing" is no "Oceanlab Turing"), not a host's ("Tom and
 * Ada Byron" is the host and a guest).
 */
function withCouples(scored: readonly Scored[], listed: readonly Scored[], passes: (s: Scored) => boolean, hostWords: readonly string[][]): Scored[] {
  const out = [...listed];
  // Each given name is renamed once (the renamed copy is a new candidate object, so the original is remembered).
  const handled = new Set<Candidate>();
  for (const s of listed) {
    const words = s.candidate.name.split(/\s+/);
    // A surname of capitalised words only: "Nicolas de Treezor" may be Nicolas from Treezor.
    if (words.length < 2 || !personShaped(s) || words.some((w) => !/^\p{Lu}/u.test(w))) continue;
    for (const o of s.candidate.occurrences) {
      if (o.kind !== 'name' || o.surface !== s.candidate.name) continue;
      const couple = COUPLE_BEFORE.exec(o.rawBefore);
      const given = couple?.[2];
      if (!given || ARTICLES.has(couple[1] ?? '') || !isGivenName(foldName(given)) || hostWords.some((h) => h.includes(foldName(given)))) continue;
      const partner = scored.find((c) => c.candidate.name === given && c.candidate.occurrences.some((x) => x.where === o.where && x.lineIndex === o.lineIndex && x.end < o.start));
      if (!partner || handled.has(partner.candidate) || partner.probability < COUPLE_FLOOR) continue;
      handled.add(partner.candidate);
      const name = `${given} ${words.slice(1).join(' ')}`;
      const renamed = { ...partner, candidate: { ...partner.candidate, name, spellings: [name, ...partner.candidate.spellings] } };
      if (!passes(renamed)) continue;
      const at = out.findIndex((x) => x.candidate === partner.candidate);
      if (at >= 0) out[at] = renamed;
      else out.push(renamed);
    }
  }
  return out;
}

/**
 * A title that opens with an interview and its subject ("Intervista a X, per la mostra …", "Entrevista a X", "Interview:
 * X", after a show's prefix "Ep. 4 - "): the name right after it is the one interviewed. A rule after the model (such a
 * name, often never repeated in the notes, scores under the threshold); it still needs INTERVIEWED_FLOOR of its belief.
 */
const TITLE_INTERVIEW =
  /^\s*(?:[^\s:|–—-][^:|–—]{0,40}\s[-:|–—]\s*)?(?:intervista|entrevista|interview|intervju|entretien|rozhovor|wywiad|interjú)\s*(?:(?:a|à|al|con|com|de|del|van|med|mit|with|s|z|avec|:)\s*)?$/iu;
/** The least probability of a name an interview title opens with (see TITLE_INTERVIEW) that is listed. */
const INTERVIEWED_FLOOR = 0.3;

function interviewedInTitle(s: Scored): boolean {
  return (
    s.probability >= INTERVIEWED_FLOOR &&
    personShaped(s) &&
    s.candidate.occurrences.some((o) => o.where === 'title' && o.kind === 'name' && TITLE_INTERVIEW.test(o.rawBefore))
  );
}

/** Each full given name (the first of a GIVEN_NAME_FORMS line) with its everyday forms. */
const FORMS = new Map<string, Set<string>>();
for (const line of GIVEN_NAME_FORMS) {
  const [full, ...short] = line.split(' ');
  FORMS.set(full!, new Set([...(FORMS.get(full!) ?? []), ...short]));
}

/**
 * "Bob Ambrogi" for "Robert Ambrogi": the same surname, and `short`'s given name an everyday form of `full`'s. One way
 * only: "Christine Sten" is no form of "Chris Sten".
 */
function everydayForm(short: readonly string[], full: readonly string[]): boolean {
  if (short.length !== 2 || full.length < 2 || short[1] !== full[full.length - 1]) return false;
  return FORMS.get(full[0]!)?.has(short[0]!) === true;
}

/**
 * A name of Latin letters whose first word is no given name the lexicon knows ("Event Storming", "Muss Griechenland",
 * "Free Realms") is listed on the model's belief alone only from this probability: most such runs are things, and a
 * guest whose given name is missing there is usually named with more certainty than that. The rules after the model
 * (a cue across a form of address, a list, "and") keep their own evidence. Chosen on the training split by F0.5, as the
 * fit chooses the threshold: 0.915 at 0.65 and below, 0.916 at 0.75, 0.913 at 0.85; the fit's threshold, read through
 * chooseGuests, moved 0.575 → 0.55 with it (trees unchanged).
 */
const UNKNOWN_GIVEN_THRESHOLD = 0.75;

/** The name opens with a given name the lexicon knows, or is not written in Latin letters (the lexicon has no others). */
function knownGivenName(s: Scored): boolean {
  if (s.candidate.occurrences[0]!.kind !== 'name') return true;
  // One word is a nickname or a handle as often as a thing: the lexicon says nothing of it.
  if (!s.candidate.name.includes(' ')) return true;
  const written = s.candidate.name.split(/\s+/);
  // "Welcome Ada Byron" goes by "Ada Byron" (see presented).
  const given = (PRESENTS.has(written[0]!.toLowerCase()) && written.length > 2 ? written[1] : written[0])!;
  // An initial ("J. Byron"), or a given name of short syllables joined by hyphens ("Yew-Kwang", "Ji-Hoon"), is a person's.
  if (/^\p{Lu}\.?$/u.test(given) || /^\p{Lu}\p{Ll}{1,4}(?:-\p{L}\p{Ll}{1,4})+$/u.test(given)) return true;
  const first = foldName(given);
  if (!/^\p{Script=Latin}/u.test(first) || isGivenName(first)) return true;
  // A given name in another case ("z Tomaszem", "z Magdaleną"): the bare stem, or the stem with the nominative's -a.
  for (let k = 1; k <= 3 && k < first.length - 2; k++) {
    if (!CASE_ENDING.test(first.slice(-k))) continue;
    const stem = first.slice(0, -k);
    if (isGivenName(stem) || isGivenName(`${stem}a`)) return true;
  }
  return false;
}

/** The least probability of a name a title segment holds (see namedInTitleSegment) that is listed. */
const TITLE_SEGMENT_FLOOR = 0.05;
/** Words before a name that make it a topic or a place. */
const TOPIC_BEFORE = /(?:^|\s)(?:about|on|of|regarding|in|at|über|sur|sobre|su|om|over|reviews?|reviewing|rezensiert|critique)\s+$/u;
/** What may stand before a title's segment: its start, an episode number or a show's code and number ("20. ", "KR289 "), or a separator ("CE - ", "Show | "). */
const SEGMENT_BEFORE = /(?:^\s*(?:(?:#|no\.?|ep\.?|episode|folge|épisode|episodio)\s*|\p{Lu}{1,5}\s?(?=\d))?(?:\d+\s*[.:)\-–—|]?\s*)?|\s[-–—|:]\s*|[–—|]\s*|\S[:：]\s+)$/iu;
/**
 * What may follow it: the title's end, a separator or a bracket ("Ada Byron - Topic", "Ada Byron: …", "Ada Byron
 * (Oceanlab)"), or a date that ends the title ("Radio Hour: Ada Byron 04/18/10").
 */
const SEGMENT_AFTER = /^\s*(?:[-–—|:(,]|$|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*$)/u;

/**
 * A title segment that is a person's name and nothing else ("20. Ada Byron", "Show - Ada Byron - Topic", "Ada Byron:
 * Topic"), a name that opens with a given name the lexicon knows and that the notes name too: the episode's guest.
 * Across the training split and the fresh sets such names were guests 73 times of 76; the model, which sees no
 * segment, gives many of them little belief.
 */
function namedInTitleSegment(s: Scored): boolean {
  const words = s.candidate.name.split(/\s+/);
  if (s.probability < TITLE_SEGMENT_FLOOR || !personShaped(s) || words.length > 3 || !opensWithGivenName(s.candidate.name)) return false;
  if (!namedInNotesNotAsTopic(s)) return false;
  return s.candidate.occurrences.some((o) => {
    if (o.where !== 'title' || o.kind !== 'name' || o.surface !== s.candidate.name) return false;
    // A segment of two names ("Ada Byron und Alan Turing, Oceanlab", "Ada Byron AND Alan Turing 02/07/10"): each is one.
    const pairFirst = PAIR_AFTER.exec(o.rawAfter);
    const after = SEGMENT_AFTER.test(o.rawAfter) || (pairFirst !== null && SEGMENT_AFTER.test(o.rawAfter.slice(pairFirst[0].length)));
    const pairSecond = PAIR_BEFORE.exec(o.rawBefore);
    const before = pairSecond ? o.rawBefore.slice(0, pairSecond.index) : o.rawBefore;
    if (!after && !(pairSecond && SEGMENT_AFTER.test(o.rawAfter))) return false;
    return opensSegment(o, before);
  });
}

/**
 * The notes name them, first and mostly not as a topic or a place ("we talk about Harry Potter", "protests in Hong
 * Kong"); a guest the notes go on about may be the topic of a link once ("ZEIT Online über Ada Byron").
 */
function namedInNotesNotAsTopic(s: Scored): boolean {
  const inNotes = s.candidate.occurrences.filter((o) => o.where === 'notes');
  return inNotes.length > 0 && !TOPIC_BEFORE.test(inNotes[0]!.before) && inNotes.filter((o) => TOPIC_BEFORE.test(o.before)).length * 2 <= inNotes.length;
}

/** What stands before a title's name opens a segment; a form of address or a role before the name is part of it ("Show: Prof Ada Byron"). */
function opensSegment(o: Occurrence, before = o.rawBefore): boolean {
  return SEGMENT_BEFORE.test(before) || ((o.honorific !== undefined || o.roleBefore) && SEGMENT_BEFORE.test(before.replace(/\S+\s*$/u, '')));
}

/** "and" and a second whole name after a name in a title's segment; the same before one. */
const PAIR_AFTER = new RegExp(String.raw`^\s+(?:${AND_WORDS}|&)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}(?=\s*(?:[-–—|:(,]|$|\d))`, 'iu');
const PAIR_BEFORE = new RegExp(String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}\s+(?:${AND_WORDS}|&)\s+$`, 'iu');

/** After a name in a title: it is the one interviewed ("Ada Byron im Gespräch", "Ada Byron in conversation"). */
const INTERVIEWED_AFTER = /^\s+(?:im gespräch|in conversation|im interview|en conversation|en entretien|en conversación|en entrevista|in gesprek|i samtal|i samtale|in conversazione)\b(?!\s+(?:mit|with|avec|con|met|med|com)\b)/iu;

/** "Ada Byron im Gespräch", "Ada Byron in conversation": the title says who is interviewed. */
function inConversationInTitle(s: Scored): boolean {
  return s.probability >= TITLE_SEGMENT_FLOOR && personShaped(s) && s.candidate.occurrences.some((o) => o.where === 'title' && o.kind === 'name' && o.surface === s.candidate.name && INTERVIEWED_AFTER.test(o.rawAfter));
}

/** The least probability of a name a title segment opens on a topic with (see speaksOnTopicInTitle) that is listed. */
const TITLE_ON_FLOOR = 0.3;
/** A topic after the name: "Ada Byron on compilers", "… über Planetarien", "… talks sonar". */
const ON_TOPIC_AFTER = /^\s+(?:on|about|über|sur|sobre|om|talks|explains)\s/u;

/**
 * A title segment that opens with a person's name, a form of address or a role before it, and goes on to a topic ("#65
 * - Ambassador Ada Byron on arms control", "Prof Ada Byron on why we lie"): the one who speaks on it, when the notes
 * name them too. The model reads "on" after a title's name (title_on) but not the segment's start, and believes such
 * names just under its threshold; a newsmaker's quote ("X on tariffs") is as likely, so this rule asks more belief than
 * namedInTitleSegment does.
 */
function speaksOnTopicInTitle(s: Scored): boolean {
  if (s.probability < TITLE_ON_FLOOR || !personShaped(s) || s.candidate.name.split(/\s+/).length > 3 || !opensWithGivenName(s.candidate.name)) return false;
  if (!namedInNotesNotAsTopic(s)) return false;
  return s.candidate.occurrences.some((o) => o.where === 'title' && o.kind === 'name' && o.surface === s.candidate.name && ON_TOPIC_AFTER.test(o.rawAfter) && opensSegment(o));
}

/** The least probability of a name a paragraph opens with to say who they are (see introducedFirst) that is listed. */
const INTRODUCED_FLOOR = 0.1;
/**
 * After a paragraph's opening name, what presents a person: "is a lawyer who …", "ist Professorin für …", ", a
 * Harvard-based economist, has built …" (an appositive, then the verb), or a verb of telling in the present ("goes over
 * how he built …", "explains", "erzählt"). Not the past ("died last week", "was"): that is a story about them.
 */
const PRESENTED_AFTER = new RegExp(
  String.raw`^(?:\s+(?:is|ist|est|es|è|é|er|är|jest)\s+(?:a|an|the|one of|ein|eine|einer|un|une|uno|una|um|uma|en|ett|een)\s` +
    String.raw`|,\s+(?:a|an|the|ein|eine|un|une|una|uma)\s[^,.;:!?]{3,90},\s+(?:is|has|who|ist|hat|est|a)\s` +
    String.raw`|\s+(?:goes over|talks about|explains|discusses|shares|walks us through|tells us|describes|erzählt|berichtet|erklärt|raconte|explique|explica|cuenta|racconta|spiega)\b)`,
  'u',
);

/** "Ada Byron ist Professorin für …": a copula and a role word, without an article. */
function copulaRole(after: string): boolean {
  const m = /^\s+(?:is|ist|est|es|è|é|er|är|jest)\s+(\p{L}[\p{L}-]*)/u.exec(after);
  return m !== null && isRoleWord(m[1]!);
}

/**
 * A paragraph that opens with a whole name and goes on to say who they are or what they tell ("Ada Byron is a lawyer
 * who represents whistleblowers.", "Ada Byron goes over how she built …"): the episode's guest, introduced first, with
 * no cue the model could read. A known given name, two or three words, and some of the model's belief.
 */
function introducedFirst(s: Scored): boolean {
  const words = s.candidate.name.split(/\s+/);
  if (s.probability < ROLE_TELLS_FLOOR || words.length < 2 || words.length > 3 || !opensWithGivenName(s.candidate.name)) return false;
  return s.candidate.occurrences.some((o) => {
    if (o.where !== 'notes' || o.kind !== 'name' || o.surface !== s.candidate.name) return false;
    if (!o.honorific && !o.roleBefore && !o.rawBefore.trim()) return s.probability >= INTRODUCED_FLOOR && (PRESENTED_AFTER.test(o.rawAfter) || copulaRole(o.rawAfter));
    // "Entomologist Ada Byron digs into …", "Der Umweltökonom Dr. Ada Byron erläutert …": a role phrase opens the
    // sentence, the name is its subject and tells.
    return ROLE_OPENS.test(sentenceBefore(o.rawBefore)) && rolePhrase(sentenceBefore(o.rawBefore)) && TELLS_AFTER.test(o.rawAfter);
  });
}

/** The least probability of a name a role phrase opens the sentence before, and that tells (see introducedFirst). */
const ROLE_TELLS_FLOOR = 0.05;
/** A sentence's opening words before a name: an article perhaps, then at most four words (a role phrase). */
const ROLE_OPENS = /^\s*(?:(?:the|der|die|el|la|le|il|o|a)\s+)?(?:[\p{L}.'’-]+\s+){1,4}$/iu;
/** Its last word, or the word before a form of address, is a role ("Nobel physicist ", "Umweltökonom Dr. "). */
function rolePhrase(before: string): boolean {
  const words = before.trim().split(/\s+/);
  const last = words.pop()!;
  return isRoleWord(last) || (/^(?:dr|prof|mr|mrs|ms)\.?$/iu.test(last) && words.length > 0 && isRoleWord(words.pop()!));
}
/** A verb of telling right after the name: what someone on the episode does. */
const TELLS_AFTER = /^\s+(?:digs into|explains|discusses|walks us through|talks about|shares|joins us|joins me|spoke to|speaks about|erklärt|erläutert|berichtet|erzählt|analysiert|spricht über|explique|raconte|explica|cuenta|spiega|racconta)\b/iu;

/** The least probability of the speaker of a talk the episode is (see gaveTheTalk) that is listed. */
const TALK_FLOOR = 0.02;
/** How far into the notes the talk the episode is may be named (as the model's notes_early). */
const TALK_EARLY = 300;
/** What the episode may be: a talk, a lecture, a sermon (not the verb "we talk about"). */
const TALK_NOUN = String.raw`(?:talk(?!\s+(?:about|with|to|over|through)\b)|lecture|sermon|homily|keynote|predigt|vortrag|gastvortrag|palestra|expositiva|semin[aá]rio|conf[eé]r[eê]ncia|conférence|conferencia|ponencia|charla|lezione|conferenza|omelia|lezing|preek|föredrag|predikan|prædiken|preken|intervention)`;
/** How a talk was given ("apresentada", "gehalten"). */
const DELIVERED = String.raw`(?:given|delivered|held|presented|gehalten|apresentad[oa]|proferid[oa]|donn[ée]e?|prononc[ée]e?|impartid[oa]|dictad[oa]|tenut[oa]|gegeven|hållen|holdt)`;
/**
 * Between the talk and who gave it: no other "by" (the author of a work the talk is on) and no work ("a lecture on the
 * novel by …", "a talk covering a biography by …").
 */
const TALK_GAP = String.raw`(?:[^\p{L}](?:(?!\b(?:by|von|por|par|pelo|pela|door|novel|book|biography|film|album|roman|buch|livre|libro|livro|obra|werk)\b)[^.!?\n]){0,120}?)?[^\p{L}]`;
/**
 * A talk, a lecture or a sermon, then (in the same sentence) who gave it: "Palestra sobre o perdão, apresentada por
 * ", "Predigt gehalten von Pastor ", "Expositiva sobre a Prece, proferida pelo palestrante ", "a lecture by ". Not a
 * speech (news report speeches by the people they are about) nor a book (authors are not on), nor the verb ("we talk
 * about The Book by Ada Byron"). "de", "da" and "di" are as often "of" (a talk on the work of someone): they name the
 * speaker right after the talk ("Intervention de M. ", "Palestra de ") or after a participle ("tenuta da").
 */
const TALK_BY = new RegExp(
  String.raw`(?:^|[^\p{L}])${TALK_NOUN}(?:${TALK_GAP}(?:(?:${DELIVERED}\s+)?(?:by|von|vom|por|par|pelo|pela|door|av|af)|${DELIVERED}\s+(?:de|da|di))|\s+(?:de|da|di|del|du))\s+(?:(?:the|o|a|le|la|el|der|die|dem|den)\s+)?(?:\p{L}[\p{L}.-]*\s+)?$`,
  'iu',
);

/** The text before a name from its sentence's start, past the periods of abbreviations ("Prof. ", "M. "). */
function sentenceBefore(text: string): string {
  let from = 0;
  for (const m of text.matchAll(/[.!?]\s/gu)) if (!abbreviationAt(text, m.index)) from = m.index + 2;
  return text.slice(from);
}

/** The one who gave the talk, lecture or sermon the episode is (TALK_BY before the name): its guest. */
function gaveTheTalk(s: Scored): boolean {
  if (s.probability < TALK_FLOOR || !personShaped(s)) return false;
  if (!s.candidate.occurrences.some((o) => o.honorific !== undefined) && !opensWithGivenName(s.candidate.name)) return false;
  // Near the top (where notes say what the episode is; a talk further down is one the notes point to); the whole name,
  // not the last words of a run that opens with a given name ("Luiz Kloss" of "César Luiz Kloss"; "Pastor Ada Byron" is Ada's).
  return s.candidate.occurrences.some(
    (o) => o.kind === 'name' && !(o.subSpan && opensWithGivenName(o.rawBefore.trimEnd().split(/\s+/).pop() ?? '')) && o.surface === s.candidate.name && (o.where === 'title' || o.start < TALK_EARLY) && TALK_BY.test(sentenceBefore(o.rawBefore)),
  );
}

const GUEST_SECTION = FEATURES.indexOf('guest_section');
/** The least probability of a name listed under a guest heading (see listedAsGuest) that is listed. */
const GUEST_SECTION_FLOOR = 0.4;
/** A drama's credits: "Starring Ada Byron as Queen Mab", "featuring Ada Byron as the Queen" (a name, "as", a part). */
const AS_ROLE = /^\s+as\s+(?:the\s+|a\s+)?\p{Lu}/u;
/** In a drama, a name followed by its part, or that names the part ("… as Queen Mab"), is the cast's, not a guest's. */
const castOnly = (s: Scored) => s.candidate.occurrences.every((o) => AS_ROLE.test(o.rawAfter) || /\sas\s+(?:the\s+)?$/u.test(o.rawBefore));

/**
 * A name on a guest heading's line or listed under one ("Guests:", "Panel: A, OR; B, WA"), of a person's shape and
 * opening with a known given name: the model believes such names near its threshold (0.43–0.51 on the fresh sets,
 * where all but a drama's cast were guests), and none of training's lies between this floor and the threshold. Not
 * in a drama's credits ("Starring A as B … Also featuring:"), whose cast are no guests.
 */
function listedAsGuest(s: Scored, drama: boolean): boolean {
  if (drama || s.probability < GUEST_SECTION_FLOOR || !(s.features[GUEST_SECTION]! > 0) || !personShaped(s)) return false;
  return !/^\p{Script=Latin}/u.test(foldName(s.candidate.name)) || opensWithGivenName(s.candidate.name);
}

/**
 * The least probability of a name a cue reaches across what stands before it (see cuedAcross) that is listed: names so
 * cued score 0.05–0.3 (the form of address or the role hides the cue from the features).
 */
const CUE_ACROSS_FLOOR = 0.05;

/**
 * The cue is the name's across a form of address ("I talk with Dr. Ada Byron", cueBeforeHonorific) or a role phrase
 * ("joined by fitness expert Ada Byron", cueBeforeRole), which the model's features do not see past. A whole name of a
 * person's shape, with some of the model's belief.
 */
function cuedAcross(s: Scored): boolean {
  return (
    s.probability >= CUE_ACROSS_FLOOR &&
    personShaped(s) &&
    s.candidate.occurrences.some((o) => o.kind === 'name' && o.surface === s.candidate.name && (cueBeforeHonorific(o) || cueBeforeRole(o)))
  );
}

/**
 * The candidates listed as guests: likely enough, a person's name, and of two readings of one run the likelier.
 * `sections`: the lines listed under guest headings, with their heading's line (Context.guestSections), for the
 * list rule above; without it each name stands alone.
 */
export function chooseGuests(
  scored: readonly Scored[],
  threshold: number,
  hosts: readonly string[] = [],
  sections?: ReadonlyMap<number, number>,
): Scored[] {
  const hostWords = hosts.map((h) => foldName(h).split(' '));
  // A host named in another case ("z Łukaszem i Szymonem" for the host Łukasz) is still the host.
  const isHost = (name: string) => {
    const words = foldName(name).split(' ');
    return hostWords.some(
      (h) => (words.every((w) => h.some((hw) => inflects(w, hw))) && words.some((w) => !h.includes(w))) || everydayForm(words, h),
    );
  };
  const drama = scored.some((s) => s.candidate.occurrences.some((o) => o.kind === 'name' && AS_ROLE.test(o.rawAfter) && /\b(?:starring|featuring)\s+$/iu.test(o.rawBefore)));
  const passes = (s: Scored) =>
    !namesAThing(s.candidate) && !aboutTheirLife(s) && !ELIDED_WORD.test(s.candidate.name) && !isHost(s.candidate.name) && !nextEpisodeOnly(s.candidate) && !notThere(s.candidate) && !coAuthorOnly(s.candidate) && !(drama && castOnly(s));
  const above = scored.filter(
    (s) =>
      ((s.probability >= threshold && (s.probability >= UNKNOWN_GIVEN_THRESHOLD || knownGivenName(s))) ||
        interviewedInTitle(s) ||
        cuedAcross(s) ||
        namedInTitleSegment(s) ||
        inConversationInTitle(s) ||
        speaksOnTopicInTitle(s) ||
        introducedFirst(s) ||
        gaveTheTalk(s) ||
        listedAsGuest(s, drama)) &&
      passes(s),
  );
  const listed = withCouples(scored, withCoordinated(scored, withListSiblings(scored, above, sections, passes), passes), passes, hostWords).map(presented);
  // Two readings of one run ("Radikal Ungdom Zenia Stampe" and "Zenia Stampe"), or one name in two cases: the
  // likelier one stays.
  // Of one name in two cases equally likely, the shorter form stays: the nominative is the bare stem. A short given
  // name ("Ben") beside the full one ("Benjamin") is the same person.
  const likelier = (o: Scored, s: Scored) => o.probability > s.probability || (o.probability === s.probability && o.candidate.name.length < s.candidate.name.length);
  const bare = inBareForms(listed, scored);
  const kept = bare.filter(
    (s) =>
      !bare.some(
        (o) =>
          o !== s &&
          ((o.probability > s.probability && overlap(o.candidate, s.candidate)) ||
            (likelier(o, s) && sameNameInflected(o.candidate.name, s.candidate.name)) ||
            // A short given name beside the full one is one person: the likelier stays (its mention presents them).
            (likelier(o, s) && (fullerName(o.candidate.name, s.candidate.name) || fullerName(s.candidate.name, o.candidate.name))) ||
            // A misspelling of a listed guest's given name is no second guest, however likely.
            misspeltGivenName(o.candidate.name, s.candidate.name) ||
            // So is a full name with one letter off in a later word: the likelier spelling stays.
            (likelier(o, s) && misspeltFullName(o.candidate.name, s.candidate.name)) ||
            // Nor is the given name alone in another case ("z Danielem" after "Daniel Barrio Fierro").
            inflectedGivenName(o.candidate.name, s.candidate.name) ||
            // One name spaced two ways ("DeeDee Lavinder", "Dee Dee Lavinder"), or two forms now named alike: the likelier stays.
            (likelier(o, s) && foldName(o.candidate.name).replace(/ /g, '') === foldName(s.candidate.name).replace(/ /g, ''))),
      ),
  );
  // Two forms named alike and equally likely: the first stays.
  const seen = new Set<string>();
  return kept.filter((s) => {
    const key = foldName(s.candidate.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Guests found in an inflected form ("z udziałem Rafała Schmidta") whose bare form the text also writes (the title's
 * "Rafał Schmidt"): named in the bare form, the one a listener looks up. The shorter of two forms that differ only by
 * case endings is the bare stem. So with an everyday given name ("Tomek") beside the full one ("Tomasz"), never the
 * other way. Each candidate's name is folded once; only candidates that share a guest's last word are compared.
 */
function inBareForms(listed: readonly Scored[], scored: readonly Scored[]): Scored[] {
  const byLast = new Map<string, Array<{ t: Scored; words: string[] }>>();
  const lastStem = (w: string) => w.slice(0, 3);
  for (const t of scored) {
    const words = foldName(t.candidate.name).split(' ');
    const key = lastStem(words[words.length - 1]!);
    byLast.set(key, [...(byLast.get(key) ?? []), { t, words }]);
  }
  return listed.map((s) => {
    const name = s.candidate.name;
    const words = foldName(name).split(' ');
    const bare = (byLast.get(lastStem(words[words.length - 1]!)) ?? []).find(
      ({ t, words: other }) =>
        (t.candidate.name.length < name.length && sameNameInflected(t.candidate.name, name)) || everydayForm(words, other),
    )?.t;
    if (!bare) return s;
    const spellings = [...new Set([bare.candidate.name, ...s.candidate.spellings, ...bare.candidate.spellings])];
    return { ...s, candidate: { ...s.candidate, name: bare.candidate.name, spellings } };
  });
}

/** Two candidates share a span of text: one sweep over their occurrences (title first, then by offset, as grouped). */
function overlap(a: Candidate, b: Candidate): boolean {
  const key = (o: Candidate['occurrences'][number]) => (o.where === 'title' ? 0 : 1);
  const x = a.occurrences;
  const y = b.occurrences;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const p = x[i]!;
    const q = y[j]!;
    if (key(p) !== key(q)) {
      if (key(p) < key(q)) i++;
      else j++;
      continue;
    }
    if (p.start < q.end && q.start < p.end) return true;
    // The one that ends first can overlap nothing further on the other side.
    if (p.end <= q.end) i++;
    else j++;
  }
  return false;
}

export function extractGuests(input: GuestInput, threshold = THRESHOLD): Guest[] {
  const structured = (input.persons ?? []).filter((p) => (p.role ?? 'guest').toLowerCase() === 'guest' && p.name.trim());
  if (structured.length) return fromStructured(input, structured);
  const { scored, ctx, links, title } = scoreCandidates(input);
  const chosen = withOnAir(
    chooseGuests(scored, threshold, ctx.hosts, ctx.guestSections).filter((s) => !showSegment(s.candidate, ctx.show)),
    scored,
    input.notes,
    ctx.hosts,
  );
  const people = chosen.map((s) => s.candidate);
  return chosen.map(({ candidate: c, probability: p }) => {
    const honorific = c.occurrences.find((o) => o.honorific)?.honorific;
    const evidence = [...new Set(c.occurrences.filter((o) => o.kind !== 'handle').slice(0, 3).map((o) => (o.where === 'title' ? title : clip(sentenceOf(o), EVIDENCE_MAX))))];
    const { summary, affiliations } = describeGuest(c, title, ctx.notes, people.filter((o) => o !== c).map((o) => o.name), ctx.show);
    const name = c.name;
    const aliases = c.spellings.filter((s) => s !== name && foldName(s) !== foldName(name));
    if (honorific && !aliases.includes(`${honorific} ${name}`)) aliases.push(`${honorific} ${name}`);
    return {
      name,
      aliases,
      affiliations,
      summary,
      evidence: evidence.length ? evidence : [title],
      confidence: Math.round(p * 100) / 100,
      links: linksOf(c, ctx.notes, links, people),
      ...(honorific ? { honorific } : {}),
    };
  });
}

/**
 * The people a Podlove contributors table puts on air (podlove.ts) who are not the hosts: they took part, whatever the
 * model believes of the notes' words about them. Structured data like `podcast:person`, but it names the hosts too,
 * so it adds to the model's choice and does not replace it. After chooseGuests, so the fit's threshold never sees it.
 */
function withOnAir(chosen: Scored[], scored: readonly Scored[], notes: string, hosts: readonly string[]): Scored[] {
  // The table lists the hosts too: without knowing them, it cannot tell who was a guest.
  if (!hosts.length || !notes.includes('podlove-contributors-table')) return chosen;
  const hostNames = new Set(hosts.map(foldName));
  const bySpelling = new Map<string, Scored>();
  for (const s of scored) for (const x of s.candidate.spellings) if (!bySpelling.has(foldName(x))) bySpelling.set(foldName(x), s);
  const out = [...chosen];
  const listed = new Set(chosen);
  for (const name of onAirContributors(notes)) {
    const key = foldName(name);
    const seen = bySpelling.get(key);
    if (hostNames.has(key) || !seen || listed.has(seen)) continue;
    listed.add(seen);
    out.push(seen);
  }
  return out;
}

/** The people structured data names as guests, with the notes' own words about them where the notes name them. */
function fromStructured(input: GuestInput, structured: PersonRecord[]): Guest[] {
  const { title, ctx, links, candidates } = readEpisode(input);
  return structured.map((p) => {
    const name = p.name.trim();
    const seen = candidates.find((c) => c.spellings.some((x) => foldName(x) === foldName(name)));
    const described = seen ? describeGuest(seen, title, ctx.notes, [], ctx.show) : undefined;
    return {
      name,
      aliases: [],
      affiliations: p.affiliation ? [p.affiliation] : (described?.affiliations ?? []),
      summary: p.description ? clip(p.description) : (described?.summary ?? ''),
      evidence: ['structured data (podcast:person)'],
      confidence: 1,
      links: seen ? linksOf(seen, ctx.notes, links, candidates) : [],
    };
  });
}

// "Hosts: …" lines and "hosted by …" in the notes or the show's description.
const HOST_LINE = /^\s*(?:[-*•·#>]+\s*)?(?:hosts?|your hosts?|moderation|moderiert von|moderator(?:in)?|présenté par|animé par|presentado por|conducido por|vært|värd|programleder|presentator|prowadzący)\s*[:：]\s*(.+)$/imu;
const HOSTED_BY = /\b(?:hosted by|presented by|moderiert von|présenté par|animé par|presentado por|conducido por)\s+([^.\n]+)/giu;
/**
 * Where a "hosted by" clause turns to the guests: "with (our) guest(s)", "avec (pour) invités", "mit Gast", or the guests'
 * word and a colon ("Guests:"); not a surname ("Christopher Guest"). After the first of a run of spaces only.
 */
const GUESTS_FROM = new RegExp(
  String.raw`(?<![\s,;])[,;]?\s+(?:(?:with|avec|mit|con|com)\s+(?:(?:our|pour|nos|unseren?|nuestros?|i nostri)\s+)?(?:special\s+)?(?:${GUESTS_WORD}|gäst|gästen|gast)\b|${GUESTS_WORD}\s*:)`,
  'iu',
);

/** The names of a hosts' list ("A, B & C"), its runs of spaces made one first (a split at `\s*` over a long run is quadratic). */
const splitHosts = (text: string): string[] => text.replace(/\s+/g, ' ').split(/ ?(?:,|&|\band\b) ?/u);

function hostNames(input: GuestInput, notes: string): string[] {
  const hosts = [...(input.hosts ?? [])];
  for (const line of notes.split('\n')) {
    const m = HOST_LINE.exec(line.trim());
    if (m) hosts.push(...splitHosts(m[1]!));
  }
  for (const text of [notes, input.showDescription ?? '']) {
    // "animé par A, avec pour invités : B": the hosts end where the guests begin.
    for (const m of text.matchAll(HOSTED_BY)) hosts.push(...splitHosts(m[1]!.split(GUESTS_FROM)[0]!));
  }
  return hosts.map((h) => h.replace(/[[\]()*_]/g, '').trim()).filter((h) => h.length > 1);
}

/**
 * Notes written as hard-wrapped text ("Ada Byron goes over building⏎the new API with⏎Rust.") read as the sentences
 * they are: a long line that ends mid-sentence is joined to the next when that one goes on in lower case or the
 * first ends on a function word. The break becomes a space, so every offset stays where it was.
 */
export function unwrapLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const width = wrapWidth(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    out.push(line);
    if (next === undefined) break;
    const last = /(\S+)\s*$/.exec(line)?.[1] ?? '';
    const wrapped =
      line.trim().length >= WRAP_MIN &&
      !/[.!?:;,)\]"”»]$/.test(last) &&
      !/^\s*(?:[-*•·#>|]|\d+[.)]|\d{1,2}:\d{2})/.test(next) &&
      (/^\p{Ll}/u.test(next) ||
        (FUNCTION.has(last.toLowerCase()) && /^\p{L}/u.test(next)) ||
        // Text wrapped at a fixed width ("Nasz gość, Daniel Barrio⏎Fierro, …"): a line that reaches it goes on.
        (width > 0 && line.length >= width - WRAP_SLACK && line.length <= width && /^\p{L}/u.test(next)));
    out.push(wrapped ? ' ' : '\n');
  }
  return out.join('');
}
/** Lines shorter than this are lists and headings, not wrapped prose. */
const WRAP_MIN = 40;
/** A wrapped line stops this many characters short of the width at most (the next word did not fit). */
const WRAP_SLACK = 16;

/**
 * The width text was wrapped at (a tool's 72 or 80 columns), or 0: the longest line of at most 100 characters, when
 * at least three lines that go on into another end within WRAP_SLACK of it (longer lines are paragraphs, not wrapped)
 * and most such lines do.
 */
function wrapWidth(lines: readonly string[]): number {
  let width = 0;
  for (const l of lines) if (l.length <= 100 && l.length > width) width = l.length;
  if (width < 60) return 0;
  let going = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.trim() || !lines[i + 1]!.trim()) continue;
    going++;
    if (lines[i]!.length >= width - WRAP_SLACK && lines[i]!.length <= width) full++;
  }
  return full >= 3 && full >= 0.6 * going ? width : 0;
}
const FUNCTION = new Set(FUNCTION_WORDS);

function decodeText(s: string): string {
  return toPlainText(s, false).text.trim();
}

