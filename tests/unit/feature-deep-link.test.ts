import { describe, expect, it } from 'vitest';
import { createDeepLink } from '../../lib/content/features/deep-link';

describe('feature: deep link (#earmark-t=)', () => {
  it('honours the link time once, for the address it opened', () => {
    const link = createDeepLink();
    link.visit('https://overcast.fm/+AbCdEfGh1#earmark-t=754', '#earmark-t=754');
    expect(link.take()).toBe(754);
    expect(link.take()).toBeUndefined();
    // The same address mounted again (a re-render, the notes changing) does not seek again.
    link.visit('https://overcast.fm/+AbCdEfGh1#earmark-t=754', '#earmark-t=754');
    expect(link.take()).toBeUndefined();
  });

  it('reads fractions and a time among other fragment parameters; nothing from other fragments', () => {
    const link = createDeepLink();
    link.visit('a', '#t=1&earmark-t=12.5');
    expect(link.take()).toBe(12.5);
    for (const [href, hash] of [['b', '#t=30'], ['c', '#xearmark-t=5'], ['d', '#earmark-t=-5'], ['e', '']]) {
      link.visit(href!, hash!);
      expect(link.take(), hash).toBeUndefined();
    }
  });

  it('forgets a pending time when another address is mounted before the player could seek', () => {
    const link = createDeepLink();
    link.visit('a', '#earmark-t=90');
    link.visit('b', '');
    expect(link.take()).toBeUndefined();
  });
});
