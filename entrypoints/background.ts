import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

// Listeners are registered synchronously: the service worker may be woken by the very event it must handle.
export default defineBackground(() => {
  browser.commands.onCommand.addListener((command) => {
    const delta = command === 'next-chapter' ? 1 : command === 'previous-chapter' ? -1 : 0;
    if (delta === 0) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return;
      // No content script on this tab (not a player page) is not an error worth a console line.
      return browser.tabs.sendMessage(tab.id, { type: 'earmark:step', delta }).catch(() => undefined);
    });
  });
});
