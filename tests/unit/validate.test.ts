import { describe, expect, it } from 'vitest';
import { PLATFORMS, PLATFORM_RULES, validateFor } from '../../lib/timeline/validate';
import type { Chapter, Platform } from '../../lib/timeline/types';

function list(...starts: number[]): Chapter[] {
  return starts.map((startTime, i) => ({ startTime, title: `Chapter ${i + 1}` }));
}

const rulesOf = (chapters: Chapter[], platform: Platform) => validateFor(chapters, platform).map((v) => v.rule);

const labels: Record<Platform, string> = { youtube: 'YouTube', spotify: 'Spotify', apple: 'Apple Podcasts' };

it('has a rule table entry for every platform', () => {
  expect(PLATFORMS).toEqual(['youtube', 'spotify', 'apple']);
  expect(Object.keys(PLATFORM_RULES).sort()).toEqual([...PLATFORMS].sort());
});

it('words the first-at-zero message as people read it', () => {
  expect(validateFor(list(12, 190, 765), 'youtube')).toEqual([
    {
      platform: 'youtube',
      rule: 'first-at-zero',
      index: 0,
      message: 'YouTube ignores chapter lists whose first chapter does not start at 0:00 (this one starts at 0:12).',
    },
  ]);
});

describe.each(PLATFORMS)('%s', (platform) => {
  const label = labels[platform];

  it('accepts a good list', () => {
    expect(validateFor(list(0, 190, 765), platform)).toEqual([]);
  });

  it('tags every violation with the platform and names it in the message', () => {
    const violations = validateFor(list(5, 5), platform);
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      expect(v.platform).toBe(platform);
      expect(v.message.startsWith(label)).toBe(true);
      expect(v.message).toMatch(/\.$/);
      expect(v.message).not.toContain('\n');
    }
  });

  describe('first-at-zero', () => {
    it('is broken by a first chapter after 0:00', () => {
      const [v] = validateFor(list(12, 190, 765), platform);
      expect(v).toMatchObject({ rule: 'first-at-zero', index: 0 });
      expect(v?.message).toContain('0:12');
    });

    it('holds at exactly 0', () => {
      expect(rulesOf(list(0, 190, 765), platform)).not.toContain('first-at-zero');
    });
  });

  describe('min-count', () => {
    it('is broken by two chapters', () => {
      const violations = validateFor(list(0, 190), platform);
      expect(violations).toHaveLength(1);
      expect(violations[0]).toMatchObject({ rule: 'min-count' });
      expect(violations[0]?.index).toBeUndefined();
      expect(violations[0]?.message).toContain('3');
      expect(violations[0]?.message).toContain('has 2');
    });

    it('is the only rule an empty list breaks', () => {
      expect(rulesOf([], platform)).toEqual(['min-count']);
    });

    it('holds at three chapters', () => {
      expect(rulesOf(list(0, 100, 200), platform)).toEqual([]);
    });
  });

  describe('ascending', () => {
    it('points at the first chapter that does not start after the one before', () => {
      const violations = validateFor(list(0, 300, 200, 100, 400), platform);
      expect(violations).toHaveLength(1);
      expect(violations[0]).toMatchObject({ rule: 'ascending', index: 2 });
      expect(violations[0]?.message).toContain('3:20');
      expect(violations[0]?.message).toContain('5:00');
    });

    it('is broken by two equal starts, which min-length leaves to it', () => {
      expect(validateFor(list(0, 100, 100, 200), platform)).toEqual([
        expect.objectContaining({ rule: 'ascending', index: 2 }),
      ]);
    });
  });

  describe('min-length', () => {
    it('points at the first chapter shorter than 10 seconds, judged from the next start', () => {
      const violations = validateFor(list(0, 100, 105, 200, 202), platform);
      expect(violations).toEqual([expect.objectContaining({ rule: 'min-length', index: 1 })]);
      expect(violations[0]?.message).toContain('5 seconds');
    });

    it('holds at exactly 10 seconds', () => {
      expect(rulesOf(list(0, 10, 20), platform)).toEqual([]);
    });

    it('judges the last chapter only when its end is known', () => {
      expect(rulesOf(list(0, 100, 200), platform)).toEqual([]);
      const short: Chapter[] = [...list(0, 100), { startTime: 200, endTime: 204.5, title: 'Outro' }];
      expect(validateFor(short, platform)).toEqual([expect.objectContaining({ rule: 'min-length', index: 2 })]);
      const enough: Chapter[] = [...list(0, 100), { startTime: 200, endTime: 210, title: 'Outro' }];
      expect(rulesOf(enough, platform)).toEqual([]);
    });

    it('uses the next start, not endTime, for chapters that have a next one', () => {
      const chapters: Chapter[] = [{ startTime: 0, endTime: 5, title: 'A' }, ...list(100, 200)];
      expect(rulesOf(chapters, platform)).toEqual([]);
    });
  });

  it('reports several broken rules in a fixed order', () => {
    expect(rulesOf(list(5, 5), platform)).toEqual(['first-at-zero', 'min-count', 'ascending']);
    expect(rulesOf(list(3, 8, 100), platform)).toEqual(['first-at-zero', 'min-length']);
  });
});
