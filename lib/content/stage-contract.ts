/** What the detector (lib/content/stage.ts) and the staged runtime (entrypoints/content-runtime.ts) agree on: types only. */
import type { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PlayerAdapter } from '../players/types';
import type { PlayersZod } from '../players/zod';
import type { PageBridge } from './page-bridge';

/** A content request, handled by the runtime: a promise of the answer, or undefined when this frame does not answer. */
export type ContentHandler = (message: unknown) => Promise<unknown> | undefined;

export interface StageOptions {
  /** Who runs this runtime (see startContent). */
  owner?: string;
  /** The script may meet embedded players, in the page or as the embed (lib/content/frames.ts, in stage 2). */
  embeds?: boolean;
}

export interface StageRuntime {
  /** Runs the player runtime; returns the content-request handler the detector forwards messages to. */
  start(
    ctx: ContentScriptContext,
    adapter: PlayerAdapter,
    options: StageOptions & {
      browser: typeof browser;
      /** The settings as stored (unchecked: the runtime reads them through lib/settings/model.ts). */
      settings?: unknown;
      connectBridge?: (features: NonNullable<PlayerAdapter['bridge']>) => Promise<PageBridge | undefined>;
      /** Hands the runtime's zod to the detector's adapter (lib/players/zod-provided.ts): called before anything else. */
      provideZod?: (zod: PlayersZod) => void;
    },
  ): ContentHandler | undefined;
}
