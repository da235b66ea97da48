/** A chapter of an episode; times in seconds from the start of the media. */
export interface Chapter {
  startTime: number;
  /** The next chapter's start, or the episode's duration for the last one when it is known. */
  endTime?: number;
  title: string;
  /** A link the notes attach to the chapter's title (not a seek link). */
  url?: string;
}

/** A time written in the notes that is not a chapter start: still worth a click-to-seek link. */
export interface Mention {
  /** Seconds. */
  time: number;
  /** The time as written, e.g. `12:30`. */
  text: string;
  /** Offset of `text` in the normalised plain text the parser read. */
  offset: number;
}

export type WarningCode =
  | 'several-groups'
  | 'past-duration'
  | 'duplicate-start'
  | 'unordered'
  | 'truncated'
  | 'link-time-differs'
  | 'hours-minutes';

export interface Warning {
  code: WarningCode;
  message: string;
}

export interface ParseOptions {
  /** Treat the input as HTML. When absent, HTML is detected from the input. */
  html?: boolean;
  /** The episode's duration in seconds, when known: bounds the chapters and helps pick readings. */
  duration?: number;
}

export interface ParseResult {
  chapters: Chapter[];
  mentions: Mention[];
  warnings: Warning[];
}

export type Platform = 'youtube' | 'spotify' | 'apple';

/** A platform rule that a chapter list breaks. */
export interface RuleViolation {
  platform: Platform;
  rule: 'first-at-zero' | 'min-count' | 'ascending' | 'min-length';
  message: string;
  /** Index of the first offending chapter, where one chapter is to blame. */
  index?: number;
}
