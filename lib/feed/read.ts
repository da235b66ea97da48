/**
 * A podcast's RSS feed, read into the few things Earmark uses: each episode's identity (guid, enclosure, title,
 * date, length), its notes, its chapter references (a Podcasting 2.0 `podcast:chapters` file, Podlove Simple
 * Chapters inline) and the people it names (`podcast:person`). Pure: no DOM, no `browser` (the background and the CLI
 * share it).
 *
 * The XML is read by feedsmith (on fast-xml-parser): maintained, typed, no DOM needed (a service worker has no
 * DOMParser), and it already knows the iTunes, Podcasting 2.0 and Podlove namespaces, including their older
 * spellings. Podcast feeds are RSS 2.0 (Apple and every directory require it), so only its RSS reader is bundled.
 * Everything it hands back is feed text (hostile): checked field by field here, kept as text, never markup.
 */
import { parseRssFeed } from 'feedsmith';
import * as z from 'zod/mini';
import { parseTimeValue } from '../timeline';
import { webUrl } from './source';

export { webUrl };

/** Longest text kept per field: titles and names are short; notes are cut, never rejected. */
export const FEED_LIMITS = {
  title: 1_000,
  url: 2_048,
  notes: 256 * 1024,
  name: 200,
  items: 5_000,
  persons: 50,
  chapters: 1_000,
  /** A feed is read up to this size; a bigger one up to its last whole episode within it. */
  feedBytes: 8 * 1024 * 1024,
} as const;

export interface FeedPerson {
  name: string;
  /** `host`, `guest`… (the namespace's roles, lowercased); the namespace's default is `host`. */
  role: string;
  group?: string;
  /** https only (checked here and again where shown). */
  img?: string;
  href?: string;
}

/** A chapter the feed gives inline (Podlove Simple Chapters). */
export interface InlineChapter {
  startTime: number;
  title: string;
  url?: string;
}

export interface FeedItem {
  title: string;
  guid?: string;
  /** Milliseconds since the epoch. */
  published?: number;
  /** Seconds. */
  duration?: number;
  enclosure?: string;
  /** The fullest notes the item has (`content:encoded`, else `description`, else `itunes:summary`): HTML, hostile. */
  notes: string;
  /** A Podcasting 2.0 JSON chapters file. */
  chaptersUrl?: string;
  inlineChapters: InlineChapter[];
  persons: FeedPerson[];
}

export interface FeedDocument {
  title: string;
  /** People named for the whole show (hosts, mostly). */
  persons: FeedPerson[];
  items: FeedItem[];
}

export class FeedError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-rss' | 'malformed' | 'too-large' | 'http' | 'network',
  ) {
    super(message);
  }
}

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
const text = (v: unknown, n: number): string | undefined => (typeof v === 'string' ? cut(v.trim(), n) || undefined : undefined);

const PersonSchema = z.object({
  display: z.optional(z.unknown()),
  role: z.optional(z.unknown()),
  group: z.optional(z.unknown()),
  img: z.optional(z.unknown()),
  href: z.optional(z.unknown()),
});

function persons(list: unknown): FeedPerson[] {
  if (!Array.isArray(list)) return [];
  const out: FeedPerson[] = [];
  for (const raw of list.slice(0, FEED_LIMITS.persons)) {
    const p = PersonSchema.safeParse(raw);
    if (!p.success) continue;
    const name = text(p.data.display, FEED_LIMITS.name);
    if (!name) continue;
    const person: FeedPerson = { name, role: (text(p.data.role, 40) ?? 'host').toLowerCase() };
    const group = text(p.data.group, 40);
    if (group) person.group = group.toLowerCase();
    const img = webUrl(p.data.img, true);
    if (img) person.img = img;
    const href = webUrl(p.data.href);
    if (href) person.href = href;
    out.push(person);
  }
  return out;
}

function inlineChapters(list: unknown): InlineChapter[] {
  if (!Array.isArray(list)) return [];
  const out: InlineChapter[] = [];
  for (const raw of list.slice(0, FEED_LIMITS.chapters)) {
    if (raw === null || typeof raw !== 'object') continue;
    const { start, title, href } = raw as { start?: unknown; title?: unknown; href?: unknown };
    // Podlove's start is Normal Play Time: `HH:MM:SS.mmm`, `MM:SS` or seconds.
    const startTime = typeof start === 'string' ? parseTimeValue(start) : undefined;
    const name = text(title, FEED_LIMITS.title);
    if (startTime === undefined || !Number.isFinite(startTime) || !name) continue;
    const chapter: InlineChapter = { startTime, title: name };
    const url = webUrl(href);
    if (url) chapter.url = url;
    out.push(chapter);
  }
  return out.sort((a, b) => a.startTime - b.startTime);
}

function date(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
}

function seconds(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : undefined;
  if (typeof v === 'string') return parseTimeValue(v);
  return undefined;
}

function item(raw: Record<string, unknown>): FeedItem | undefined {
  const title = text(raw.title, FEED_LIMITS.title);
  if (!title) return undefined;
  const content = (raw.content as { encoded?: unknown } | undefined)?.encoded;
  const itunes = (raw.itunes ?? {}) as { duration?: unknown; summary?: unknown };
  const podcast = (raw.podcast ?? {}) as { chapters?: { url?: unknown }; persons?: unknown };
  const psc = (raw.psc ?? {}) as { chapters?: unknown };
  const notes = [content, raw.description, itunes.summary].find((n): n is string => typeof n === 'string' && n.trim() !== '') ?? '';
  const out: FeedItem = {
    title,
    notes: cut(notes, FEED_LIMITS.notes),
    inlineChapters: inlineChapters(psc.chapters),
    persons: persons(podcast.persons),
  };
  const guid = text((raw.guid as { value?: unknown } | undefined)?.value, FEED_LIMITS.url);
  if (guid) out.guid = guid;
  const published = date(raw.pubDate);
  if (published !== undefined) out.published = published;
  const duration = seconds(itunes.duration);
  if (duration !== undefined) out.duration = duration;
  const enclosures = Array.isArray(raw.enclosures) ? raw.enclosures : [];
  const enclosure = webUrl((enclosures[0] as { url?: unknown } | undefined)?.url);
  if (enclosure) out.enclosure = enclosure;
  const chaptersUrl = webUrl(podcast.chapters?.url);
  if (chaptersUrl) out.chaptersUrl = chaptersUrl;
  return out;
}

/** The feed in `xml`; throws FeedError when it is not an RSS feed. */
export function readFeed(xml: string): FeedDocument {
  let feed: Record<string, unknown>;
  try {
    feed = parseRssFeed(xml, { maxItems: FEED_LIMITS.items }) as unknown as Record<string, unknown>;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    throw new FeedError(name === 'DetectError' ? 'This is not an RSS feed.' : 'The feed is not well-formed XML.', name === 'DetectError' ? 'not-rss' : 'malformed');
  }
  const items = Array.isArray(feed.items) ? feed.items : [];
  return {
    title: text(feed.title, FEED_LIMITS.title) ?? '',
    persons: persons((feed.podcast as { persons?: unknown } | undefined)?.persons),
    items: items.flatMap((raw) => (raw !== null && typeof raw === 'object' ? (item(raw as Record<string, unknown>) ?? []) : [])),
  };
}

/**
 * A feed cut at a size limit, made readable: everything up to the last complete item, then the channel closed.
 * Feeds list the newest episodes first, so the episode on screen is almost always in the part read.
 */
export function closeTruncatedFeed(partial: string): string | undefined {
  const end = partial.lastIndexOf('</item>');
  if (end === -1) return undefined;
  return `${partial.slice(0, end + '</item>'.length)}</channel></rss>`;
}
