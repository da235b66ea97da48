export type * from './types';
export { parseNormalized, parseTimeline } from './parse';
export { looksLikeHtml, NotesTextBuilder, tagEffect, toPlainText } from './normalize';
export type { NormalizedText, TagEffect } from './normalize';
export { chapterAt, formatTimestamp, formatClock, parseTimeValue, timeFromUrl } from './time';
export {
  CHAPTER_FORMATS,
  isChapterFormat,
  formatChapters,
  toPodcastingJson,
  toWebVtt,
  toYoutubeLines,
  toMarkdown,
  toPodloveSimpleChapters,
} from './formats';
export type { ChapterFormat, FormatOptions, PodcastingChapter, PodcastingChapters } from './formats';
export { PLATFORMS, PLATFORM_RULES, isPlatform, validateFor } from './validate';
export type { PlatformRules } from './validate';
