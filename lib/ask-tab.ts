/**
 * Asking a tab's content scripts a question of the protocol (lib/messages.ts): the frame `frameId`, or every frame
 * that runs one when it is not given (`to` then picks one runtime; which frame to ask: lib/find-runtime.ts). The
 * answer is checked (lib/answers-content.ts). No content script in the frame answers with an error: that only
 * means Earmark is not running there, and the caller gets undefined.
 */
import { browser } from 'wxt/browser';
import { asContentAnswer } from './answers-content';
import type { Request, Response, TypeFor } from './messages';

export function askTab<K extends TypeFor<'content'>>(tabId: number, request: Request<K>, frameId?: number): Promise<Response<K> | undefined> {
  return (frameId === undefined ? browser.tabs.sendMessage(tabId, request) : browser.tabs.sendMessage(tabId, request, { frameId })).then(
    (answer) => asContentAnswer(request.type, answer) as Response<K> | undefined,
    () => undefined,
  );
}
