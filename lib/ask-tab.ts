/**
 * Asking a tab's content scripts a question of the protocol (lib/messages.ts): every frame that runs one hears it,
 * `to` picks one runtime. The answer is checked (lib/answers-content.ts). No content script in the tab answers
 * with an error: that only means Earmark is not running there, and the caller gets undefined.
 */
import { browser } from 'wxt/browser';
import { asContentAnswer } from './answers-content';
import type { Request, Response, TypeFor } from './messages';

export function askTab<K extends TypeFor<'content'>>(tabId: number, request: Request<K>): Promise<Response<K> | undefined> {
  return browser.tabs.sendMessage(tabId, request).then(
    (answer) => asContentAnswer(request.type, answer) as Response<K> | undefined,
    () => undefined,
  );
}
