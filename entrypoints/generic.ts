import { embedSupport } from '../lib/content/frames';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContent } from '../lib/content/start';
import { onDemandPlayer } from '../lib/players/on-demand';

// Injected on demand from the popup ("Find chapters on this page", activeTab + scripting), so Earmark needs no
// access to every site. A second injection into the same page replaces the first (ContentScriptContext does).
export default defineUnlistedScript(() => {
  startContent(new ContentScriptContext('generic'), onDemandPlayer(document), { owner: 'on-demand', embeds: embedSupport });
});
