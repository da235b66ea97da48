/**
 * Which of a tab's frames speaks for its episode, for the popup and the keyboard commands alike: a tab may run
 * Earmark in the page and in embedded players inside it, and a command must reach exactly one of them.
 *
 * The top frame owns the episode when it has one (its own, or an embed's that it shows beside the iframe). Only
 * when it has none do the embeds speak, and among those that have an episode the one playing, else the one that
 * said first that it was there. Every candidate is asked by frame id and its answer awaited: no race between
 * frames, no delay. Embeds are listed by the background (lib/background/embed-frames.ts), since nothing else lists
 * a tab's frames without the `webNavigation` permission.
 */
import { askTab } from './ask-tab';
import type { ContentStatus } from './messages';

/** The top frame's id in the extension APIs. */
export const TOP_FRAME = 0;

export interface FrameAnswer {
  frameId: number;
  status: ContentStatus;
}

/**
 * The frame to speak for the tab, from the top frame's status (undefined: it did not answer) and the listed
 * embeds' (in the order they said they were there; no status: no answer).
 */
export function chooseFrame(top: ContentStatus | undefined, embeds: ReadonlyArray<{ frameId: number; status?: ContentStatus | undefined }>): FrameAnswer | undefined {
  if (top?.owner) return { frameId: TOP_FRAME, status: top };
  const owners = embeds.filter((e): e is FrameAnswer => e.frameId !== TOP_FRAME && e.status?.owner === true);
  const chosen = owners.find((e) => e.status.playing) ?? owners[0];
  if (chosen) return chosen;
  // Nothing has an episode: the top frame's answer still says which player Earmark recognised there.
  return top ? { frameId: TOP_FRAME, status: top } : undefined;
}

export interface EmbedFrameList {
  /** The tab's frames that run Earmark in an embed. */
  list(): Promise<number[]>;
  /** A listed frame did not answer: it is gone. */
  forget?(frameId: number): void;
}

/** Asks the tab's frames as `chooseFrame` needs, and returns its choice. */
export async function findRuntime(tabId: number, embeds: EmbedFrameList): Promise<FrameAnswer | undefined> {
  const top = await askTab(tabId, { type: 'earmark:status' }, TOP_FRAME);
  // The top frame owns the episode: no embed is asked.
  if (top?.owner) return chooseFrame(top, []);
  const ids = await embeds.list().catch(() => []);
  const answers = await Promise.all(ids.map(async (frameId) => ({ frameId, status: await askTab(tabId, { type: 'earmark:status' }, frameId) })));
  for (const { frameId, status } of answers) if (!status) embeds.forget?.(frameId);
  return chooseFrame(top, answers);
}
