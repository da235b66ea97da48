import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WIKIPEDIA_ORIGIN, WIKIPEDIA_PERMISSION } from '../lib/guests/wikipedia';
import { PageTitle } from './PageTitle';

/**
 * Asks for the optional Wikipedia permission on the listener's click. Opened by the background when an in-page
 * guest card asks for a look-up: content scripts cannot request permissions themselves.
 */
export function GrantWikipedia() {
  const [state, setState] = useState<'ask' | 'granted' | 'refused'>('ask');
  const allow = async () => {
    const granted = await browser.permissions.request({ origins: [WIKIPEDIA_PERMISSION] }).catch(() => false);
    setState(granted ? 'granted' : 'refused');
    if (granted) setTimeout(() => window.close(), 1500);
  };
  return (
    <main>
      <PageTitle compact>Look guests up on Wikipedia?</PageTitle>
      <p>
        Earmark can show a short bio and a photo of a guest from Wikipedia. Each look-up sends the guest’s name to{' '}
        {new URL(WIKIPEDIA_ORIGIN).host}, only when you press “Look up on Wikipedia”. Answers are kept in this browser for 30 days.
      </p>
      {state === 'ask' && (
        <button class="primary" type="button" onClick={() => void allow()}>
          Allow Wikipedia look-ups
        </button>
      )}
      {state === 'granted' && <p class="status" role="status">Allowed. Go back to the page and press “Look up on Wikipedia” again.</p>}
      {state === 'refused' && (
        <>
          <p class="status" role="status">Not allowed: Earmark will not contact Wikipedia.</p>
          <button type="button" onClick={() => void allow()}>
            Ask again
          </button>
        </>
      )}
    </main>
  );
}
