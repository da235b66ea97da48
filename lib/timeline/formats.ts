/**
 * Writers that turn a chapter list into the formats podcast tools and video sites read.
 * Pure: no DOM, no `browser`, so the CLI, the tests and the extension share them.
 */
import { formatClock, formatTimestamp } from './time';
import type { Chapter } from './types';

export const CHAPTER_FORMATS = ['json', 'vtt', 'youtube', 'md', 'psc'] as const;
export type ChapterFormat = (typeof CHAPTER_FORMATS)[number];

export interface FormatOptions {
  /** The episode's duration in seconds, when known; only formats that need an end for the last chapter use it. */
  duration?: number;
}

export interface PodcastingChapter {
  startTime: number;
  title: string;
  url?: string;
  endTime?: number;
}

/** The Podcasting 2.0 JSON chapters document (https://github.com/Podcastindex-org/podcast-namespace). */
export interface PodcastingChapters {
  version: '1.2.0';
  chapters: PodcastingChapter[];
}

export function isChapterFormat(value: string): value is ChapterFormat {
  return (CHAPTER_FORMATS as readonly string[]).includes(value);
}

export function toPodcastingJson(chapters: readonly Chapter[]): PodcastingChapters {
  return {
    version: '1.2.0',
    chapters: chapters.map((c) => {
      // Built key by key so absent fields are left out rather than serialised as undefined/null,
      // which some apps reject.
      const out: PodcastingChapter = { startTime: c.startTime, title: c.title };
      if (c.url !== undefined) out.url = c.url;
      if (c.endTime !== undefined) out.endTime = c.endTime;
      return out;
    }),
  };
}

/** Line-based formats would split a title with a line break in it into a bogus extra line. */
function oneLine(title: string): string {
  return title.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

export function toWebVtt(chapters: readonly Chapter[], options: FormatOptions = {}): string {
  const cues = chapters.map((c, i) => {
    const next = chapters[i + 1];
    const duration = options.duration !== undefined && Number.isFinite(options.duration) ? options.duration : undefined;
    const known =
      c.endTime ??
      next?.startTime ??
      (duration !== undefined && duration > c.startTime ? duration : undefined) ??
      // Nothing tells where the last chapter ends, yet every cue needs an end after its start.
      // A one-minute cue keeps the file valid; players clamp cues to the media's real length.
      c.startTime + 60;
    // Two chapters at one start would make an empty cue, which WebVTT forbids: give it a millisecond.
    const end = Math.max(known, c.startTime + 0.001);
    // The chapter title grammar forbids "-->" (it would read as a timing line), and a blank
    // payload would leave the cue without a title.
    const title = oneLine(c.title).replace(/-->/g, '→').trim() || `Chapter ${i + 1}`;
    return `${i + 1}\n${formatClock(c.startTime)} --> ${formatClock(end)}\n${title}`;
  });
  return ['WEBVTT', ...cues].join('\n\n');
}

/**
 * Description timestamps are typed by people and read by sites that expect whole seconds, so the
 * fraction is dropped; flooring (not rounding) keeps a seek from landing after the chapter starts.
 */
function stamps(chapters: readonly Chapter[]): string[] {
  const seconds = chapters.map((c) => Math.floor(Math.max(0, c.startTime)));
  // One format for the whole list: YouTube and readers both expect a uniform column.
  const withHours = seconds.some((s) => s >= 3600);
  return seconds.map((s) => formatTimestamp(s, { withHours }));
}

export function toYoutubeLines(chapters: readonly Chapter[]): string {
  const times = stamps(chapters);
  return chapters.map((c, i) => `${times[i]} ${oneLine(c.title)}`).join('\n');
}

function escapeMarkdownText(text: string): string {
  // The backslash goes first so the escapes added for brackets are not themselves escaped.
  return text.replace(/[\\[\]]/g, (ch) => `\\${ch}`);
}

/** Spaces, angle brackets and parentheses would end or break a `(url)` destination. */
function escapeMarkdownUrl(url: string): string {
  // encodeURIComponent leaves parentheses alone, hence the two spelled out.
  return url.replace(/[\s()<>]/g, (ch) => (ch === '(' ? '%28' : ch === ')' ? '%29' : encodeURIComponent(ch)));
}

export function toMarkdown(chapters: readonly Chapter[]): string {
  const times = stamps(chapters);
  return chapters
    .map((c, i) => {
      const title = escapeMarkdownText(oneLine(c.title));
      const label = c.url !== undefined ? `[${title}](${escapeMarkdownUrl(c.url)})` : title;
      return `- **${times[i]}** ${label}`;
    })
    .join('\n');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXmlAttribute(text: string): string {
  return (
    oneLine(text)
      // Control characters are not allowed anywhere in an XML 1.0 document, even escaped.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch] ?? ch)
  );
}

export function toPodloveSimpleChapters(chapters: readonly Chapter[]): string {
  const lines = chapters.map((c) => {
    const href = c.url !== undefined ? ` href="${escapeXmlAttribute(c.url)}"` : '';
    return `  <psc:chapter start="${formatClock(c.startTime)}" title="${escapeXmlAttribute(c.title)}"${href}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">',
    ...lines,
    '</psc:chapters>',
  ].join('\n');
}

/**
 * The whole file for a format, ending with a newline. The line lists (youtube, md) of an empty
 * chapter list are the empty string rather than a lone blank line.
 */
export function formatChapters(chapters: readonly Chapter[], format: ChapterFormat, options: FormatOptions = {}): string {
  let text: string;
  switch (format) {
    case 'json':
      text = JSON.stringify(toPodcastingJson(chapters), null, 2);
      break;
    case 'vtt':
      text = toWebVtt(chapters, options);
      break;
    case 'youtube':
      text = toYoutubeLines(chapters);
      break;
    case 'md':
      text = toMarkdown(chapters);
      break;
    case 'psc':
      text = toPodloveSimpleChapters(chapters);
      break;
    default: {
      // A new entry in CHAPTER_FORMATS without a writer fails the type check here.
      const unknown: never = format;
      throw new Error(`unknown chapter format: ${String(unknown)}`);
    }
  }
  return text === '' ? '' : `${text}\n`;
}
