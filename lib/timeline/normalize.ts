/**
 * Turns show notes (HTML, markdown or plain text) into the plain text a listener sees, keeping what the
 * timeline parser needs from the markup: where links are (a time link's `t=` is the truth) and which lines
 * are headings. Pure and linear: a scanner, not a DOM, so it runs in Node, in workers and on 1 MB inputs.
 */
import { isSpaceCode } from './chars';
import { decodeEntities, readReference } from './entities';
import { Spare } from './spare';
import { BLOCK_TAGS, CELL_TAGS, looksLikeHtml } from './html-hint';

export { looksLikeHtml };

export interface LinkSpan {
  /** Offsets of the link text in `text`. */
  start: number;
  end: number;
  href: string;
}

export interface NormalizedText {
  text: string;
  links: LinkSpan[];
  /**
   * Where HTML heading text (`<h1>`…`<h6>`) starts and ends, as flat pairs `[start0, end0, start1, end1, …]` in text
   * order (no array per heading: hostile notes hold tens of thousands). Markdown `#` lines are recognised by the parser.
   */
  headings: number[];
}

/**
 * Notes as the parser reads them: NormalizedText with the heading pairs as any list of numbers. The HTML reader's
 * are a typed array, which the parser reads as it is: made into a plain array, tens of thousands of headings cost
 * more than reading them did.
 */
export interface ReadText {
  text: string;
  links: LinkSpan[];
  headings: ArrayLike<number>;
}

export function toPlainText(input: string, html: boolean): NormalizedText {
  if (!html) return fromText(input);
  const read = fromHtml(input);
  return { text: read.text, links: read.links, headings: numberArray(read.headings) };
}

/** The parser's form of `toPlainText`: the same text and links, the headings left as the reader made them. */
export function readText(input: string, html: boolean): ReadText {
  return html ? fromHtml(input) : fromText(input);
}

/** A plain array of the numbers, made at its final size (growing one by push cost as much again). */
function numberArray(xs: ArrayLike<number>): number[] {
  const out = new Array<number>(xs.length);
  for (let k = 0; k < xs.length; k++) out[k] = xs[k]!;
  return out;
}

/** Any tag, comment or doctype: `<p`, `</b`, `<!--`. */
const ANY_TAG = /<[a-zA-Z/!]/;

/**
 * Whether to read a text as HTML: as told, except that a description said to be HTML but holding no markup at
 * all is the author's plain text, whose line breaks players keep (a feed's text-only `<description>`).
 */
export function readAsHtml(input: string, told: boolean | undefined): boolean {
  return told === undefined ? looksLikeHtml(input) : told && ANY_TAG.test(input);
}
const SKIPPED_TAGS = ['script', 'style', 'noscript', 'template', 'svg', 'head'] as const;
const SKIP_END = new Map<string, RegExp>(SKIPPED_TAGS.map((t) => [t, new RegExp(`</${t}\\s*>`, 'gi')]));
/** What a tag does to the text, in one lookup: a block break, a table cell, skipped content, or a link/line break. */
const BLOCK = 1;
const CELL = 2;
const SKIP = 3;
const OTHER = 4;
const TAG_KINDS: Map<string, number> = new Map<string, number>([
  ...[...BLOCK_TAGS].map((t): [string, number] => [t, BLOCK]),
  ...[...CELL_TAGS].map((t): [string, number] => [t, CELL]),
  ...SKIPPED_TAGS.map((t): [string, number] => [t, SKIP]),
  ['br', OTHER],
  ['a', OTHER],
]);
/**
 * What an element does to the notes' text, by its lower-case tag name: the same table the HTML reader follows, for
 * a reader that walks a rendered DOM instead (see NotesTextBuilder). Undefined: the element leaves the text as it is.
 */
export type TagEffect = 'block' | 'heading' | 'cell' | 'skip' | 'br' | 'link';
const TAG_EFFECTS = new Map<string, TagEffect>(
  [...TAG_KINDS].map(([name, kind]): [string, TagEffect] => [
    name,
    kind === BLOCK ? (/^h[1-6]$/.test(name) ? 'heading' : 'block') : kind === CELL ? 'cell' : kind === SKIP ? 'skip' : name === 'br' ? 'br' : 'link',
  ]),
);
export const tagEffect = (name: string): TagEffect | undefined => TAG_EFFECTS.get(name);

/** A tag that changes the text: its lower-cased name, what it does, and whether it is a heading (`h1`…`h6`). */
interface KnownTag {
  name: string;
  kind: number;
  heading: boolean;
}
/** The tags in TAG_KINDS by the hash `tagAt` computes (`h * 31 + char`, lower-cased). */
const KNOWN_BY_HASH = new Map<number, KnownTag>(
  [...TAG_KINDS].map(([name, kind]) => [
    [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0),
    { name, kind, heading: /^h[1-6]$/.test(name) },
  ]),
);
/**
 * The same tags in a table indexed by the hash's low bits, sized so that no two share a slot: an array read per tag
 * instead of a Map lookup (hostile notes hold hundreds of thousands of tags). A slot holds at most one known tag, so
 * a name that hashes to another tag's slot fails the letter-by-letter check, as it failed the Map.
 */
const TAG_SLOTS: ReadonlyArray<KnownTag | undefined> = (() => {
  for (let size = 64; ; size *= 2) {
    const slots = new Array<KnownTag | undefined>(size).fill(undefined);
    let clash = false;
    for (const [hash, tag] of KNOWN_BY_HASH) {
      const slot = hash & (size - 1);
      if (slots[slot] !== undefined) clash = true;
      slots[slot] = tag;
    }
    if (!clash) return slots;
  }
})();
const TAG_SLOT_MASK = TAG_SLOTS.length - 1;
/** A tag whose name leaves the text as it is (span, strong, img, …). */
const INLINE: KnownTag = { name: '', kind: 0, heading: false };

/**
 * The tag opening at `lt` (`<p`, `</A`): undefined when `<` opens no tag, INLINE for a tag whose name does not
 * change the text, else its entry. Names are matched by a numeric hash checked letter by letter, so no string is
 * made per tag: hostile notes hold hundreds of thousands of tags.
 */
function tagAt(input: string, lt: number): KnownTag | undefined {
  let p = lt + 1;
  if (input.charCodeAt(p) === 47) p++;
  const start = p;
  const first = input.charCodeAt(p) | 32;
  if (first < 97 || first > 122) return undefined;
  let hash = 0;
  while (p < input.length && p - start < 31) {
    const c = input.charCodeAt(p);
    const lower = c | 32;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 45) p++;
    else break;
    hash = (hash * 31 + lower) | 0;
  }
  const known = TAG_SLOTS[hash & TAG_SLOT_MASK];
  if (known === undefined || known.name.length !== p - start) return INLINE;
  const name = known.name;
  for (let k = 0; k < name.length; k++) if ((input.charCodeAt(start + k) | 32) !== name.charCodeAt(k)) return INLINE;
  return known;
}
// The href attribute itself, not `data-href=` or `:href=`.
const HREF_ATTR = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** What HTML layout collapses: ASCII whitespace, plus no-break spaces, which read as spaces in notes. */
const isLayoutSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 160;
const UTF16 = new TextDecoder('utf-16le');

/**
 * Accumulates output text, collapsing whitespace the way a browser lays out inline text. Every piece goes character
 * by character into one growing UTF-16 buffer, decoded once at the end: a string per piece, then a rope or an array
 * of them, cost more than the reading itself (hostile notes hold hundreds of thousands of pieces), and so did the
 * native searches and decoding of keeping long pieces as strings. Lone surrogates come out as U+FFFD, one code unit
 * for one, so offsets stay.
 */
class TextBuilder {
  private buf: Uint16Array;
  /** Characters in the buffer. */
  private n = 0;
  get length(): number {
    return this.n;
  }
  /** The last character written, as a char code (a newline to begin with). */
  private last = 10;
  private pendingSpace = false;

  /** `reuse`: a buffer an earlier builder is done with (its old contents are never read). */
  constructor(capacity: number, reuse?: Uint16Array) {
    this.buf = reuse ?? new Uint16Array(Math.max(64, Math.min(capacity, 1 << 16)));
  }

  /** The buffer, for a later builder once this one is done. */
  buffer(): Uint16Array {
    return this.buf;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const bigger = new Uint16Array(Math.max(this.buf.length * 2, this.n + k));
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  /**
   * Text `s[from, to)`: runs of layout whitespace become one space, written only between words of a line. A text may
   * come in parts (between tags, around a character reference): the result is the same, surrogate pairs included.
   */
  text(s: string, from = 0, to = s.length): void {
    this.room(to - from + 1);
    const buf = this.buf;
    let n = this.n;
    let last = this.last;
    let pending = this.pendingSpace;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13) || c === 160) {
        pending = true;
        continue;
      }
      if (pending && last !== 10 && last !== 32) buf[n++] = 32;
      pending = false;
      buf[n++] = c;
      last = c;
    }
    this.n = n;
    this.last = last;
    this.pendingSpace = pending;
  }

  /** Layout whitespace alone: a space if text follows on the same line. */
  space(): void {
    this.pendingSpace = true;
  }

  /** Between two cells of a table row: a tab, unless the row's line has only just begun. */
  cell(): void {
    this.pendingSpace = false;
    if (this.last !== 10 && this.last !== 9) this.put(9);
  }

  newline(force: boolean): void {
    this.pendingSpace = false;
    if (force || this.last !== 10) this.put(10);
  }

  private put(c: number): void {
    this.room(1);
    this.buf[this.n++] = c;
    this.last = c;
  }

  done(): string {
    return UTF16.decode(this.buf.subarray(0, this.n));
  }
}

/**
 * Notes' text written piece by piece by a reader of a rendered DOM, into the HTML reader's own TextBuilder (its
 * rules for whitespace, line breaks and table cells), with links and headings as that reader records them. The
 * reader decides from `tagEffect` which call an element makes.
 */
export class NotesTextBuilder {
  private readonly out = new TextBuilder(1024);
  private readonly links: LinkSpan[] = [];
  private readonly headings: number[] = [];
  /** Characters written so far. */
  get length(): number {
    return this.out.length;
  }
  /** A text node's data (entities already decoded). */
  text(data: string): void {
    this.out.text(data);
  }
  /** A block's start or end: a line break unless the line is empty. */
  block(): void {
    this.out.newline(false);
  }
  /** `<br>`: always a line break. */
  lineBreak(): void {
    this.out.newline(true);
  }
  /** A table cell's start or end: a tab, unless the row's line has only just begun. */
  cell(): void {
    this.out.cell();
  }
  link(start: number, href: string): void {
    if (this.out.length > start) this.links.push({ start, end: this.out.length, href });
  }
  heading(start: number): void {
    this.headings.push(start, this.out.length);
  }
  done(): NormalizedText {
    return trimSpans({ text: this.out.done(), links: this.links, headings: this.headings });
  }
}

/**
 * indexOf for one character, remembering its last answer so increasing `from`s cost one pass in all. A class, not a
 * closure: the reader makes several per call, and closures cost more to make (and name, under tsx) than the search.
 */
class Finder {
  private found = -2;
  constructor(
    private readonly input: string,
    private readonly ch: string,
  ) {}

  from(from: number): number {
    if (this.found === -1 || (this.found >= from && this.found !== -2)) return this.found;
    this.found = this.input.indexOf(this.ch, from);
    return this.found;
  }
}

/** Where the tag opening at `lt` ends: its first '>' outside a quoted attribute value, or -1. */
function tagEnd(lt: number, gt: Finder, dquote: Finder, squote: Finder): number {
  const first = gt.from(lt);
  let end = first;
  // Jump from quote to quote (cached searches) instead of walking the attributes: long style attributes are
  // common in pasted notes, and most tags hold no quote before their '>'.
  for (let k = lt + 1; end !== -1; ) {
    const dq = dquote.from(k);
    const sq = squote.from(k);
    const q = dq === -1 ? sq : sq === -1 ? dq : Math.min(dq, sq);
    if (q === -1 || q > end) return end;
    const close = (q === dq ? dquote : squote).from(q + 1);
    // An unclosed quote: fall back to the first '>', as the value was never going to end.
    if (close === -1) return first;
    k = close + 1;
    if (close > end) end = gt.from(close);
  }
  return end;
}

/**
 * Flat `[start, end]` pairs (the headings), grown in a typed array: pushing onto a plain array cost tens of
 * nanoseconds a number on notes holding tens of thousands of headings.
 */
class Pairs {
  private buf: Int32Array | undefined;
  private n = 0;

  add(start: number, end: number): void {
    let buf = this.buf;
    if (buf === undefined || this.n + 2 > buf.length) {
      const bigger = new Int32Array(buf === undefined ? 16 : buf.length * 2);
      if (buf !== undefined) bigger.set(buf);
      buf = this.buf = bigger;
    }
    buf[this.n++] = start;
    buf[this.n++] = end;
  }

  /** The pairs added, as a view (no copy); an empty list when there are none. */
  view(): ArrayLike<number> {
    return this.buf === undefined ? NO_PAIRS : this.buf.subarray(0, this.n);
  }
}
const NO_PAIRS: readonly number[] = [];

/** The HTML reader's buffer between calls (a DOM walk has its own, see NotesTextBuilder: it yields midway). */
const scratch = new Spare<Uint16Array>();

function fromHtml(input: string): ReadText {
  const out = new TextBuilder(input.length, scratch.take());
  try {
    return readHtml(input, out);
  } finally {
    scratch.give(out.buffer());
  }
}

function readHtml(input: string, out: TextBuilder): ReadText {
  const amp = new Finder(input, '&');
  const links: LinkSpan[] = [];
  const headings = new Pairs();
  let openLink: { start: number; href: string } | undefined;
  let openHeading: number | undefined;
  let i = 0;
  // Next '>' and quotes, cached: re-searching from every '<' is quadratic on runs of unclosed tags or quotes.
  const gt = new Finder(input, '>');
  const dquote = new Finder(input, '"');
  const squote = new Finder(input, "'");
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    const textEnd = lt === -1 ? input.length : lt;
    if (textEnd > i) {
      // Layout whitespace alone between two tags (most chunks of indented markup): a pending space, no slice.
      let w = i;
      while (w < textEnd && w - i < 16 && isLayoutSpace(input.charCodeAt(w))) w++;
      if (w === textEnd) out.space();
      else textWithReferences(input, i, textEnd, amp, out);
    }
    if (lt === -1) break;
    const second = input.charCodeAt(lt + 1);
    if (second === 33 && input.startsWith('<!--', lt)) {
      const close = input.indexOf('-->', lt + 4);
      i = close === -1 ? input.length : close + 3;
      continue;
    }
    const tag = tagAt(input, lt);
    const end = tag !== undefined ? tagEnd(lt, gt, dquote, squote) : second === 33 ? gt.from(lt) : -1;
    if (end === -1) {
      // Not a tag (a literal "<" in text, or a tag cut off): keep it as text.
      out.text('<');
      i = lt + 1;
      continue;
    }
    i = end + 1;
    // A doctype or similar, or a tag that leaves the text as it is (span, strong, …): nothing more to do.
    if (tag === undefined || tag === INLINE) continue;
    const kind = tag.kind;
    const closing = second === 47;
    if (kind === SKIP) {
      // `<svg …/>` closes itself: nothing to skip.
      if (!closing && input.charCodeAt(end - 1) !== 47) {
        const skipEnd = SKIP_END.get(tag.name)!;
        skipEnd.lastIndex = i;
        const m = skipEnd.exec(input);
        i = m ? m.index + m[0].length : input.length;
      }
      continue;
    }
    if (kind === CELL) {
      out.cell();
    } else if (kind === BLOCK) {
      if (tag.heading && closing && openHeading !== undefined) {
        headings.add(openHeading, out.length);
        openHeading = undefined;
      }
      out.newline(false);
      if (tag.heading && !closing) openHeading = out.length;
    } else if (tag.name === 'br') {
      out.newline(true);
    } else if (closing) {
      if (openLink && out.length > openLink.start) links.push({ start: openLink.start, end: out.length, href: openLink.href });
      openLink = undefined;
    } else {
      const m = HREF_ATTR.exec(input.slice(lt, end));
      const href = m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '', true) : '';
      openLink = { start: out.length, href };
    }
  }
  return trimSpans({ text: out.done(), links, headings: headings.view() });
}

/**
 * Text between two tags, its character references decoded as decodeEntities does, written part by part: the
 * builder's text is the same however a text is split (it carries its whitespace state from one part to the next),
 * and no decoded copy of the text is made to be read again. Whether the piece is long is told by its decoded length.
 */
function textWithReferences(input: string, from: number, to: number, amp: Finder, out: TextBuilder): void {
  let at = amp.from(from);
  while (at !== -1 && at < to) {
    // The text ends at a '<' (or the input's end), where every reference stops reading.
    const ref = readReference(input, at, false);
    if (ref) {
      out.text(input, from, at);
      out.text(ref.text);
      from = ref.end;
    }
    at = amp.from(Math.max(at + 1, from));
  }
  out.text(input, from, to);
}

/** Link spans can start on a space the builder emitted lazily; keep them on the link's own text. */
function trimSpans<T extends { text: string; links: LinkSpan[] }>(n: T): T {
  if (n.links.length === 0) return n;
  for (const l of n.links) {
    while (l.start < l.end && isSpaceCode(n.text.charCodeAt(l.start))) l.start++;
    while (l.end > l.start && isSpaceCode(n.text.charCodeAt(l.end - 1))) l.end--;
  }
  n.links = n.links.filter((l) => l.end > l.start);
  return n;
}

const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\n/;
// Markdown links (and images) at a `[`, entities at a `&`. The text is searched with indexOf, which is many
// times faster than a regex scanning every position, and these sticky regexes run only at the hits. Text and URL
// parts exclude brackets, so a failed attempt never rescans what another covers: linear on runs of "[x](".
const LINK_AT = /\[([^[\]\n]{0,500})\]\(([^()\s[\]]*(?:\([^()\s[\]]*\)[^()\s[\]]*)*)(?:\s+"[^"\n]{0,200}")?\)/y;
const ENTITY_AT = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;

function fromText(input: string): NormalizedText {
  let src = input;
  if (src.includes('\r')) src = src.replace(/\r\n?/g, '\n');
  src = stripFrontMatter(src);
  const links: LinkSpan[] = [];
  // String concatenation builds a rope that V8 flattens once; cheaper than collecting parts here.
  let out = '';
  let last = 0;
  let bracket = src.indexOf('[');
  let amp = src.indexOf('&');
  while (bracket !== -1 || amp !== -1) {
    const isLink = amp === -1 || (bracket !== -1 && bracket < amp);
    const at = isLink ? bracket : amp;
    const re = isLink ? LINK_AT : ENTITY_AT;
    re.lastIndex = at;
    const m = re.exec(src);
    let next = at + 1;
    if (m) {
      const image = isLink && at > last && src.charCodeAt(at - 1) === 33;
      out += src.slice(last, image ? at - 1 : at);
      last = next = at + m[0].length;
      if (!isLink) {
        out += decodeEntities(m[0]);
      } else if (!image) {
        const label = decodeEntities(m[1]!);
        links.push({ start: out.length, end: out.length + label.length, href: decodeEntities(m[2]!, true) });
        out += label;
      }
    }
    if (bracket !== -1 && bracket < next) bracket = src.indexOf('[', next);
    if (amp !== -1 && amp < next) amp = src.indexOf('&', next);
  }
  const text = last === 0 ? src : out + src.slice(last);
  // Markdown headings are told from the line text where the parser needs them (`# Title`): no pass here.
  return trimSpans({ text, links, headings: [] });
}

/** YAML/TOML front matter of markdown notes holds metadata (`duration: "53:43"`), never the timeline. */
function stripFrontMatter(src: string): string {
  const open = FRONT_MATTER.exec(src);
  if (!open) return src;
  const fence = open[1]!;
  let pos = open[0].length;
  // Only metadata opens with `key: value` (YAML) or `key = value` (TOML); a `---` rule above a list does not.
  if (!/^[A-Za-z_][\w-]*[ \t]*[:=]/.test(src.slice(pos, pos + 80))) return src;
  // A front matter block is short; an unclosed fence within the first lines means it was not one.
  for (let lines = 0; lines < 200 && pos < src.length; lines++) {
    const nl = src.indexOf('\n', pos);
    const line = src.slice(pos, nl === -1 ? src.length : nl).trimEnd();
    if (line === fence) return src.slice(nl === -1 ? src.length : nl + 1);
    if (nl === -1) break;
    pos = nl + 1;
  }
  return src;
}
