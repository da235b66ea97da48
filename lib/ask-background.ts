/**
 * Asking the background a question of the protocol (lib/messages.ts): the answer is checked (lib/answers-background.ts),
 * so callers get the promised type or undefined (no receiver, a refusal, a malformed answer), never a cast.
 */
import { browser } from 'wxt/browser';
import { asBackgroundAnswer } from './answers-background';
import type { Request, Response, TypeFor } from './messages';

export function askBackground<K extends TypeFor<'background'>>(request: Request<K>): Promise<Response<K> | undefined> {
  return browser.runtime.sendMessage(request).then(
    (answer) => asBackgroundAnswer(request.type, answer) as Response<K> | undefined,
    () => undefined,
  );
}
