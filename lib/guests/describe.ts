/**
 * Who a guest is, in the notes' own words: the clause that presents them (role, affiliation, what they are known
 * for), a few affiliations, and the pages the notes give for them. Pure: no DOM.
 */
import type { LinkSpan } from '../timeline/normalize';
import type { Candidate, Occurrence } from './candidates';
import { foldName } from './candidates';
import { hasRole as roleIn } from './features';
import { linkHost, MAX_GUEST_LINKS } from '../guest-links';

const hasRole = (text: string | undefined) => roleIn(text ?? '');

const SUMMARY_MAX = 200;
const AFFILIATION_MAX = 60;

/** "at Oceanlab", "of MIT", "von Meinberg": an organisation after a preposition. */
const ORG_AFTER_PREP = /(?:^|\s)(?:at|of|from|for|bei|von|vom|der|chez|de|del|di|da|en|på|hos|ve|w|z|@)\s+[“"«]?((?:the\s+)?\p{Lu}[\p{L}\p{M}\p{N}.&'’-]*(?:\s+(?:of|for|and|de|der|für|y|&)?\s*\p{Lu}[\p{L}\p{M}\p{N}.&'’-]*){0,4})/u;
const CLAUSE_END = /[.;!?](?:\s|$)|\s[–—]\s|\n/u;

export interface Description {
  summary: string;
  affiliations: string[];
}

/** The text on one line, cut at a word to at most `max` characters. */
export function clip(s: string, max = SUMMARY_MAX): string {
  const t = s.replace(/\s+/g, ' ').replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
  if (t.length <= max) return t;
  return `${t.slice(0, max - 1).replace(/[\s,;:]+\S*$/, '')}…`;
}

/** The text after a name up to the end of its clause, as written. */
function clauseAfter(o: Occurrence): string {
  const end = o.rawAfter.search(CLAUSE_END);
  return (end === -1 ? o.rawAfter : o.rawAfter.slice(0, end)).trimEnd();
}

/** The presenting clause for one occurrence, or undefined when this mention says nothing about who they are. */
function presenting(o: Occurrence): string | undefined {
  const after = clauseAfter(o);
  // "Ada Byron, Professor of Oceanography at MIT, …" or "Ada Byron (Oceanlab)"
  const appos = /^\s*(?:,\s*|\(\s*)([^()]{3,220}?)(?:\)|,\s+(?:who|to|about|joins|and we|we|on|where|i|y|und|et|e)\b|$)/u.exec(after);
  if (appos && (hasRole(appos[1]) || ORG_AFTER_PREP.test(` ${appos[1]}`)) && !/^(?:@|https?:)/.test(appos[1]!)) return appos[1];
  // "Ada Byron is a marine geologist at MIT"
  const is = /^\s+(?:is|was|ist|war|es|fue|est|è|er|var|är|je|jest|é|foi)\s+(.{3,220})$/u.exec(after);
  if (is && (hasRole(is[1]) || ORG_AFTER_PREP.test(` ${is[1]}`))) return is[1];
  // "Ada Byron from Oceanlab joins us", "Ada Byron von Meinberg"
  if (/^\s+(?:from|of|at|von|bei|de|di|da|chez|z)\s+\p{Lu}/u.test(after)) return `${o.surface}${after}`;
  return undefined;
}

/** The words before a name that present it ("Nextcloud founder", "author and speaker"), from the clause start. */
function presentingBefore(o: Occurrence): string | undefined {
  const before = o.rawBefore.split(/[.;!?:]\s|,\s|\s[–—-]\s|\(/).pop() ?? '';
  const orig = before.trim().split(/\s+/).slice(-5);
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

/** The sentence of a line that holds an occurrence. */
export function sentenceOf(o: Occurrence): string {
  const rel = Math.max(0, o.line.toLowerCase().lastIndexOf(o.surface.toLowerCase(), o.line.length));
  const text = o.line;
  const starts = [...text.matchAll(/[.!?]\s+(?=\p{Lu})/gu)].map((m) => m.index + m[0].length).filter((s) => s <= rel);
  const from = starts.length ? starts[starts.length - 1]! : 0;
  const endM = /[.!?](?:\s+(?=\p{Lu})|$)/u.exec(text.slice(rel + o.surface.length));
  const to = endM ? rel + o.surface.length + endM.index + 1 : text.length;
  return text.slice(from, to).trim();
}

/** Summary and affiliations for a guest. */
export function describeGuest(c: Candidate, title: string, notesText = ''): Description {
  const lines = notesText.split('\n');
  const names = c.spellings;
  const notes = c.occurrences.filter((o) => o.where === 'notes' && o.kind !== 'handle');
  const titles = c.occurrences.filter((o) => o.where === 'title');
  let summary: string | undefined;
  for (const o of [...notes, ...titles]) {
    const p = presenting(o);
    const b = presentingBefore(o);
    if (p && b) summary = `${b.slice(0, b.length - o.surface.length).trim()}, ${p}`;
    else summary = p ?? b;
    if (summary) break;
  }
  // No clause presents them: the notes' sentence that names them with a role, starting at the name.
  if (!summary) {
    for (const o of notes) {
      const s = sentenceOf(o);
      // The role or organisation is another word than the name ("Le blog de Ada" says nothing about her).
      const rest = s.replace(o.surface, ' ');
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
    for (const o of notes) {
      const next = o.line.trim() === sentenceOf(o) ? nextLine(lines, o) : undefined;
      if (next && /^\s*(?:from|of|at|von|bei|de|di|da|du|z)\s/iu.test(next) && ORG_AFTER_PREP.test(` ${next.trim().replace(/^\S+/, (w) => w.toLowerCase())}`)) {
        summary = `${clip(o.line)} ${next.trim()}`;
        break;
      }
    }
  }
  // The title that names them says what they are on about; else the first sentence that names them.
  if (!summary && titles.length) summary = title;
  if (!summary && notes.length) {
    const s = sentenceOf(notes[0]!);
    const at = s.indexOf(notes[0]!.surface);
    summary = at > 0 ? s.slice(at) : s;
  }
  summary ??= title;
  const sources = [summary, ...(titles.length ? [title] : []), ...notes.slice(0, 3).map(sentenceOf)];
  const affiliations: string[] = [];
  // "… with Ada Byron (MIT, Oceanlab)" or "… with Ada Byron, Oceanlab" in the title.
  for (const o of titles) {
    const m = /^\s*(?:\(([^()]{2,80})\)|,\s*([^,()|]{2,60}))\s*$/u.exec(o.rawAfter);
    const text = (m?.[1] ?? m?.[2])?.trim();
    if (!text || /^(?:part|teil|partie|parte|live|rerun|repost|encore|bonus|ep|e\d|\d|he\/|she\/|they\/)/i.test(text)) continue;
    const at = /\b(?:at|@|bei|chez)\s+(.+)$/iu.exec(text);
    for (const a of (at ? at[1]! : text).split(/\s*,\s*/)) if (a && a.length <= AFFILIATION_MAX && affiliations.length < 3) affiliations.push(a);
  }
  for (const text of sources) {
    for (const a of affiliationsOf(text, names)) {
      if (affiliations.length < 3 && !affiliations.some((x) => foldName(x) === foldName(a))) affiliations.push(a);
    }
  }
  return { summary: clip(summary), affiliations };
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
