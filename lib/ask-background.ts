/**
 * Asking the background a question of the protocol (lib/messages.ts): the answer is checked (lib/answers-background.ts),
 * so callers get the promised type or undefined (no receiver, a refusal, a malformed answer), never a cast.
 *
 * The answers' schemas (the Wikipedia result's, the feed's, the moments') are imported with the first answer, not
 * with the module: in a content script's runtime they would otherwise be built before the panel is shown, on every
 * player page, though the first question is asked only after it. Bundles that split code get them as a chunk of
 * their own.
 */
import { browser } from 'wxt/browser';
import type { Request, Response, TypeFor } from './messages';

export function askBackground<K extends TypeFor<'background'>>(request: Request<K>): Promise<Response<K> | undefined> {
  return Promise.all([browser.runtime.sendMessage(request), import('./answers-background')]).then(
    ([answer, { asBackgroundAnswer }]) => asBackgroundAnswer(request.type, answer) as Response<K> | undefined,
    () => undefined,
  );
}
