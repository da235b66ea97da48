/**
 * One episode as its podcast publishes it: the item in the feed, the chapters the podcaster made (a chapters file,
 * Podlove chapters in the feed, the audio file's ID3 frames, in that order of trust) and the guests the feed names.
 * The background (for the page on screen) and the CLI (for podcasters checking their feed) both come here; how
 * each resource is fetched and cached is theirs. Pure apart from the functions it is given.
 */
import { parseTimeline, type Chapter } from '../timeline';
import { fromInline, isTimeline, ordered, readJsonChapters } from './chapters';
import type { ChapterSource } from './source';
import { id3TagLength, readId3Chapters, type AudioChapter } from './id3';
import type { FeedItem, FeedPerson } from './read';

/** The largest ID3 tag read for its chapters: cover art makes tags of a few MB; chapters come after it at times. */
export const MAX_ID3_TAG = 4 * 1024 * 1024;
/** What a first look at an audio file reads: most tags, cover art included, fit. */
export const ID3_FIRST_READ = 256 * 1024;

export interface ChapterSources {
  /** A Podcasting 2.0 chapters file's text (undefined: could not be read). */
  chaptersFile(url: string): Promise<string | undefined>;
  /** The audio file's ID3 chapters (readAudioChapters, cached or not). */
  audioChapters(url: string): Promise<AudioChapter[]>;
}

/** The first `length` bytes of an audio file. */
export type AudioHead = (url: string, length: number) => Promise<Uint8Array>;

export interface PublishedChapters {
  chapters: Chapter[];
  source: Exclude<ChapterSource, 'notes' | 'feed-notes'>;
}

/** Chapters from the audio file's ID3 tag: one read for most files, a second when the tag is bigger. */
export async function readAudioChapters(url: string, audioHead: AudioHead): Promise<AudioChapter[]> {
  let head = await audioHead(url, ID3_FIRST_READ);
  const length = id3TagLength(head.subarray(0, 10));
  if (length === undefined || length > MAX_ID3_TAG) return [];
  if (length > head.length) head = await audioHead(url, length);
  return readId3Chapters(head);
}

const toChapters = (list: readonly AudioChapter[]): Chapter[] =>
  ordered(
    list.flatMap((c) =>
      c.title ? [{ startTime: c.startTime, title: c.title, ...(c.url ? { url: c.url } : {}), ...(c.endTime !== undefined ? { endTime: c.endTime } : {}) }] : [],
    ),
  );

/**
 * The chapters the podcaster published for `item`, best source first; undefined when there are none. A source
 * that fails (a file gone, a host that refuses) is passed over for the next.
 */
export async function publishedChapters(item: FeedItem, sources: ChapterSources): Promise<PublishedChapters | undefined> {
  if (item.chaptersUrl) {
    const text = await sources.chaptersFile(item.chaptersUrl).catch(() => undefined);
    const chapters = text === undefined ? undefined : readJsonChapters(text);
    if (isTimeline(chapters)) return { chapters, source: 'feed' };
  }
  const inline = fromInline(item.inlineChapters);
  if (isTimeline(inline)) return { chapters: inline, source: 'feed' };
  if (item.enclosure) {
    const chapters = toChapters(await sources.audioChapters(item.enclosure).catch(() => []));
    if (isTimeline(chapters)) return { chapters, source: 'audio' };
  }
  return undefined;
}

/** The timeline written in the feed's notes for the item (the same engine as the page's notes). */
export function notesChapters(item: FeedItem): Chapter[] {
  if (!item.notes) return [];
  return parseTimeline(item.notes, { html: true, ...(item.duration !== undefined ? { duration: item.duration } : {}) }).chapters;
}

/** The people the feed names as the episode's guests (hosts and other roles are left out). */
export const feedGuests = (item: FeedItem): FeedPerson[] => item.persons.filter((p) => p.role === 'guest');

