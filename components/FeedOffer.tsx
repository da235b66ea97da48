import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FEED_ORIGINS } from '../lib/feed/permission';
import type { FeedStatus } from '../lib/messages';
import { updateSettings } from '../lib/settings/store';

/** What turning the feed on fetches, said where the listener decides (the popup, the options page, the README). */
export const FEED_EXPLANATION =
  'Earmark finds the show’s feed: the one the page links to, or else by asking Apple’s podcast directory. It then reads the feed, the podcast’s chapter file and the first bytes of the episode’s audio, straight from the podcast’s hosts. Feeds can live on any site, so this needs access to all sites. Nothing else is sent. Turning it off forgets what was read and gives the access back.';

/**
 * Turns "read the podcast's feed" on: the all-sites grant, asked on the listener's click, then the setting. Firefox
 * closes a popup that shows a permission prompt (the code after it never runs): there the setting goes first, and
 * the page shows "allow" until the grant is given.
 */
export async function enableFeed(): Promise<boolean> {
  if (import.meta.env.FIREFOX) await updateSettings((s) => ({ ...s, feedLookup: true }));
  const granted = await browser.permissions.request({ origins: FEED_ORIGINS }).catch(() => false);
  if (granted) await updateSettings((s) => ({ ...s, feedLookup: true }));
  return granted;
}

/** The popup's line about the feed for the episode on screen: its answer, or the offer to look there. */
export function FeedOffer({ feed, onChange }: { feed: FeedStatus | undefined; onChange: () => void }) {
  const [refused, setRefused] = useState(false);
  const allow = async () => {
    const granted = await enableFeed();
    setRefused(!granted);
    if (granted) onChange();
  };
  if (feed?.state === 'found') return null;
  if (feed?.state === 'none' || feed?.state === 'error') {
    return (
      <p class="status feed" data-feed={feed.state}>
        {feed.message ?? 'The podcast’s feed could not be read.'}
      </p>
    );
  }
  return (
    <div class="feed" data-feed={feed?.state ?? 'off'}>
      <p class="status">
        {feed?.state === 'no-access'
          ? 'Earmark is set to read the podcast’s feed but has no access to the sites it lives on.'
          : 'The podcast’s own feed may have chapters, guests and fuller notes.'}
      </p>
      <details>
        <summary>What is fetched</summary>
        <p>{FEED_EXPLANATION}</p>
      </details>
      <button type="button" data-action="read-feed" onClick={() => void allow()}>
        {feed?.state === 'no-access' ? 'Allow access' : 'Look in the podcast’s feed'}
      </button>
      {refused && <p class="status" role="status">Access was not given: Earmark fetched nothing.</p>}
    </div>
  );
}
