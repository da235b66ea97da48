// What a player's content script (stage 1) does when it loads, before anything asks for an episode: it builds no
// zod schema. Its adapters' page-data schemas and the page-bridge messages are made on first use (`once`); built at
// module level they ran inside the page's own parse task on every page of the player (about 8 ms on an Apple page,
// 12 on Spotify's, measured in Chromium).
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('zod/mini', async (importOriginal) => {
  const z = await importOriginal<Record<string, unknown>>();
  const counted: Record<string, unknown> = { ...z };
  for (const [name, value] of Object.entries(z)) {
    // Every schema and check constructor (lower-case functions); classes and types are left alone.
    if (typeof value === 'function' && /^[a-z]/.test(name)) {
      counted[name] = (...args: unknown[]) => {
        calls.push(name);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    }
  }
  return counted;
});

describe('stage 1 on load', () => {
  it('builds no schema in any player content script, and builds them once asked', async () => {
    await Promise.all([
      import('../../entrypoints/apple.content/index'),
      import('../../entrypoints/embeds.content/index'),
      import('../../entrypoints/overcast.content/index'),
      import('../../entrypoints/pocket-casts.content/index'),
      import('../../entrypoints/spotify.content/index'),
      import('../../entrypoints/substack.content/index'),
      import('../../entrypoints/transistor.content/index'),
      import('../../entrypoints/youtube-music.content/index'),
      import('../../entrypoints/youtube.content/index'),
    ]);
    expect(calls).toEqual([]);
    // The mock does count: the first message check builds the bridge's schemas.
    const { asBridgeMessage } = await import('../../lib/page/bridge-messages');
    expect(asBridgeMessage('page', { kind: 'reply', id: 0, ok: true })).toBeDefined();
    expect(calls.length).toBeGreaterThan(0);
  });
});

describe('the runtime on load', () => {
  // The runtime imports the moments model on every episode page for its helpers, before the panel; its schemas wait
  // until moments are read or saved (after the panel has painted).
  it('builds the moments schemas only once asked', async () => {
    calls.length = 0;
    const model = await import('../../lib/moments/model');
    expect(model.isRange({ time: 1, end: 2 })).toBe(true);
    expect(calls).toEqual([]);
    expect(model.momentSchema().safeParse({}).success).toBe(false);
    expect(calls.length).toBeGreaterThan(0);
  });
});
