// In a player's content script, lib/players/zod.ts is zod-provided.ts (wxt.config.ts): a stand-in that throws until the
// runtime hands its zod over when it starts. Nothing stage 1 does before that may build a schema. Here stage 1 meets
// the same stand-in, and everything it calls on its adapters before the runtime runs.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/players/zod', () => import('../../lib/players/zod-provided'));

describe('stage 1 before the runtime provides zod', () => {
  it('the stand-in says so when a schema is built too early', async () => {
    const { text } = await import('../../lib/players/schema');
    expect(() => text(10)).toThrow(/before the runtime provided zod/);
  });

  it('loads every player’s content script and tells every example page’s kind', async () => {
    const entries = ['apple', 'embeds', 'overcast', 'pocket-casts', 'spotify', 'substack', 'transistor', 'youtube-music', 'youtube'];
    for (const name of entries) await expect(import(`../../entrypoints/${name}.content/index.ts`), name).resolves.toBeDefined();
    const { PLAYERS } = await import('../../lib/players/registry');
    const { embedPlayerFor } = await import('../../lib/players/embed-players');
    let pages = 0;
    for (const p of PLAYERS) {
      for (const url of [...p.examples.episode, ...p.examples.show, ...p.examples.other]) {
        expect(() => p.pageKind(new URL(url)), url).not.toThrow();
        expect(() => embedPlayerFor(new URL(url)), url).not.toThrow();
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(50);
  });

  it('reads page data once the runtime has provided zod', async () => {
    const { provideZod } = await import('../../lib/players/zod');
    const real = await vi.importActual<typeof import('../../lib/players/zod')>('../../lib/players/zod');
    provideZod(real.z);
    const { text } = await import('../../lib/players/schema');
    expect(text(3).safeParse('abcd').success).toBe(false);
    expect(text(3).safeParse('abc').success).toBe(true);
  });
});
