/**
 * Checks a chapter list against the rules a platform applies before it shows chapters taken from
 * a description. Pure: no DOM, no `browser`.
 */
import { formatTimestamp } from './time';
import type { Chapter, Platform, RuleViolation } from './types';

export const PLATFORMS: readonly Platform[] = ['youtube', 'spotify', 'apple'];

export interface PlatformRules {
  /** The platform's name as people write it, used in messages. */
  label: string;
  firstAtZero: boolean;
  /** Fewest chapters the platform shows; undefined when it has no minimum. */
  minCount?: number;
  ascending: boolean;
  /** Shortest chapter in seconds; undefined when it has no minimum. */
  minLength?: number;
}

/**
 * Today the three platforms publish the same rules for description timestamps. They are kept
 * per platform so that one can change without touching the others or the checks.
 */
export const PLATFORM_RULES: Readonly<Record<Platform, Readonly<PlatformRules>>> = {
  youtube: { label: 'YouTube', firstAtZero: true, minCount: 3, ascending: true, minLength: 10 },
  spotify: { label: 'Spotify', firstAtZero: true, minCount: 3, ascending: true, minLength: 10 },
  apple: { label: 'Apple Podcasts', firstAtZero: true, minCount: 3, ascending: true, minLength: 10 },
};

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

function chapterRef(chapter: Chapter, index: number): string {
  return `chapter ${index + 1}, "${chapter.title}",`;
}

function seconds(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return `${rounded} second${rounded === 1 ? '' : 's'}`;
}

/** Rules in a fixed order (first-at-zero, min-count, ascending, min-length), each at most once. */
export function validateFor(chapters: readonly Chapter[], platform: Platform): RuleViolation[] {
  const rules = PLATFORM_RULES[platform];
  const name = rules.label;
  const out: RuleViolation[] = [];

  const first = chapters[0];
  if (rules.firstAtZero && first !== undefined && first.startTime !== 0) {
    out.push({
      platform,
      rule: 'first-at-zero',
      index: 0,
      message: `${name} ignores chapter lists whose first chapter does not start at 0:00 (this one starts at ${formatTimestamp(first.startTime)}).`,
    });
  }

  if (rules.minCount !== undefined && chapters.length < rules.minCount) {
    out.push({
      platform,
      rule: 'min-count',
      message: `${name} needs at least ${rules.minCount} chapters to show them (this list has ${chapters.length}).`,
    });
  }

  if (rules.ascending) {
    const i = chapters.findIndex((c, j) => j > 0 && c.startTime <= chapters[j - 1]!.startTime);
    if (i > 0) {
      const c = chapters[i]!;
      const prev = chapters[i - 1]!;
      out.push({
        platform,
        rule: 'ascending',
        index: i,
        message: `${name} needs each chapter to start after the one before it (${chapterRef(c, i)} starts at ${formatTimestamp(c.startTime)}, not after ${formatTimestamp(prev.startTime)}).`,
      });
    }
  }

  const minLength = rules.minLength;
  if (minLength !== undefined) {
    const i = chapters.findIndex((c, j) => {
      const next = chapters[j + 1];
      // Out-of-order starts give no length at all; that is the ascending rule's finding, and
      // reporting it twice would only add noise.
      if (next !== undefined) return next.startTime > c.startTime && next.startTime - c.startTime < minLength;
      // The last chapter's length is unknown unless its end is, and a guess would blame it unfairly.
      return c.endTime !== undefined && c.endTime - c.startTime < minLength;
    });
    if (i >= 0) {
      const c = chapters[i]!;
      const end = chapters[i + 1]?.startTime ?? c.endTime!;
      out.push({
        platform,
        rule: 'min-length',
        index: i,
        message: `${name} ignores chapter lists with a chapter shorter than ${seconds(minLength)} (${chapterRef(c, i)} lasts ${seconds(end - c.startTime)}).`,
      });
    }
  }

  return out;
}
