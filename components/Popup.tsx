import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatTimestamp } from '../lib/timeline';
import type { ContentStatus, WikiAnswer } from '../lib/messages';
import { askBackground } from '../lib/ask-background';
import { askTab } from '../lib/ask-tab';
import { findRuntime, type FrameAnswer } from '../lib/find-runtime';
import { WIKIPEDIA_PERMISSION } from '../lib/guests/wikipedia';
import { withPlayer } from '../lib/settings/model';
import { loadSettings, updateSettings } from '../lib/settings/store';
import { savedBefore, savedLabel } from '../lib/moments/share';
import { WikiLookup } from './WikiLookup';
import { GuestIntro, GuestLinks } from './GuestLinks';
import { PageTitle } from './PageTitle';
import { FeedOffer } from './FeedOffer';
import { SOURCE_LABEL } from '../lib/feed/source';

type View =
  | { state: 'loading' }
  | { state: 'none'; message: string; status?: ContentStatus }
  | { state: 'status'; status: ContentStatus }
  /** The listener turned Earmark off for this player (the options page): the popup offers to turn it back on. */
  | { state: 'off'; status: ContentStatus };

/** Which player Earmark recognised here, and what it cannot do there right now. */
function PlayerLine({ status }: { status: ContentStatus }) {
  return (
    <>
      <p class="player" data-player={status.player}>
        Player: <strong>{status.label}</strong>
      </p>
      {status.notice && (
        <p class="notice" role="note">
          {status.notice}
        </p>
      )}
    </>
  );
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The frame that speaks for the tab's episode, and its status (lib/find-runtime.ts). No content script in this tab
 * answers with an error: that only means Earmark is not running there. The answer is built from page text: checked
 * (lib/content-status.ts) before anything of it is shown.
 */
async function askStatus(tabId: number): Promise<FrameAnswer | undefined> {
  return findRuntime(tabId, { list: () => askBackground({ type: 'earmark:frames', tabId }).then((ids) => ids ?? []) });
}

/** The popup is an extension page: it asks for the optional permission itself, on the listener's click. */
async function lookupGuest(name: string): Promise<WikiAnswer> {
  const ask = (): Promise<WikiAnswer> =>
    askBackground({ type: 'earmark:wikipedia', name }).then(
      (answer) => answer ?? { ok: false, reason: 'error', message: 'Earmark could not reach its background page: try again.' },
    );
  // Firefox closes the popup when it shows a permission prompt: there the background's grant window asks instead.
  if (import.meta.env.FIREFOX) return ask();
  const granted = await browser.permissions.request({ origins: [WIKIPEDIA_PERMISSION] }).catch(() => false);
  if (!granted) return { ok: false, reason: 'permission', message: 'Wikipedia look-ups were not allowed: Earmark sent nothing.' };
  return ask();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How often and how long the popup asks a tab whose page is still loading (see refresh). */
const LOADING_MS = 250;
const LOADING_TRIES = 40;

/** The tab's page is still loading (its status needs no permission). */
async function stillLoading(tabId: number): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.status === 'loading';
}

/** The toolbar popup: the current tab's chapters (click to seek), or a way to look for them on any page. */
export function Popup() {
  const [view, setView] = useState<View>({ state: 'loading' });
  /** The frame whose runtime answered: commands go to it alone. */
  const [frameId, setFrameId] = useState<number | undefined>();

  const refresh = async (): Promise<ContentStatus | undefined> => {
    const tabId = await activeTabId();
    let found = tabId === undefined ? undefined : await askStatus(tabId);
    // Players' content scripts start once the page's DOM is parsed: a page still loading is asked again until it
    // has one (or it stops loading), rather than being called a page Earmark does not run on.
    for (let wait = 0; !found && tabId !== undefined && wait < LOADING_TRIES && (await stillLoading(tabId)); wait++) {
      await sleep(LOADING_MS);
      found = await askStatus(tabId);
    }
    // "Only when I ask": opening the popup is pressing the toolbar button on this tab, so Earmark starts here now.
    if (tabId !== undefined && found?.status.waiting === 'ask') {
      await askTab(tabId, { type: 'earmark:wake' });
      found = await askStatus(tabId);
    }
    setFrameId(found?.frameId);
    const status = found?.status;
    if (status?.waiting === 'off') setView({ state: 'off', status });
    else if (status && (status.chapters.length > 0 || status.guests.length > 0)) setView({ state: 'status', status });
    else if (status?.kind === 'episode' && status.emptyNotes) setView({ state: 'none', message: 'This page shows no show notes for this episode, so Earmark has nothing to read here.', status });
    else if (status?.kind === 'episode') setView({ state: 'none', message: 'This episode’s notes hold no timeline and name no guests.', status });
    else setView({ state: 'none', message: 'Earmark is not running on this page.' });
    return status;
  };
  /** The feed was just turned on: the page follows the setting and asks the background; show its answer when in. */
  const awaitFeed = async () => {
    for (let i = 0; i < 20; i++) {
      await sleep(500);
      const status = await refresh();
      if (status?.feed && status.feed.state !== 'off') return;
    }
  };

  useEffect(() => {
    void refresh();
    // Escape closes the popup, as it closes any other popup: Chromium leaves that to the page (the headless one and
    // the popup opened by action.openPopup() at least), and a keyboard user needs a way back to the page.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) window.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const findOnPage = async () => {
    const tabId = await activeTabId();
    if (tabId === undefined) return;
    setView({ state: 'loading' });
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/generic.js'] });
    } catch {
      setView({ state: 'none', message: 'Earmark cannot read this page (browser pages and the web store are off limits).' });
      return;
    }
    const found = await askStatus(tabId);
    setFrameId(found?.frameId);
    const status = found?.status;
    if (status && status.chapters.length > 0) setView({ state: 'status', status });
    else setView({ state: 'none', message: 'No media with a timeline found on this page.' });
  };

  /** Commands go to the runtime that answered, in its frame (a tab may run Earmark in a page and in its embeds). */
  const addressed = (): { to?: string } => {
    const instance = view.state === 'loading' ? undefined : view.status?.instance;
    return instance ? { to: instance } : {};
  };

  const [saved, setSaved] = useState<string | undefined>();
  const saveMoment = async (last: boolean) => {
    const tabId = await activeTabId();
    if (tabId === undefined) return;
    const asked = Date.now();
    const moment = await askTab(tabId, { type: last ? 'earmark:save-last' : 'earmark:save-here', ...addressed() }, frameId);
    setSaved(moment ? `${savedLabel(moment, savedBefore(moment, asked))}.` : 'Could not save here: open an episode page.');
  };
  // The "save the last" length, for the button's label (the page's runtime reads the same setting when it saves).
  const [lastSeconds, setLastSeconds] = useState<number | undefined>();
  useEffect(() => {
    void loadSettings().then((s) => setLastSeconds(s.saveLastSeconds), () => undefined);
  }, []);
  const turnOn = async (player: string) => {
    setView({ state: 'loading' });
    // The page's content script follows the setting at once; ask it again once it runs.
    await updateSettings((s) => withPlayer(s, player, true)).catch(() => undefined);
    await refresh();
  };
  const openSettings = () => void browser.runtime.openOptionsPage().then(() => window.close());
  const openLibrary = () => void browser.tabs.create({ url: browser.runtime.getURL('/moments.html') }).then(() => window.close());

  const seek = async (seconds: number) => {
    const tabId = await activeTabId();
    if (tabId !== undefined) await askTab(tabId, { type: 'earmark:seek', seconds, ...addressed() }, frameId);
  };

  return (
    <main>
      <PageTitle compact>Earmark</PageTitle>
      <div class="actions">
        {view.state === 'status' && view.status.kind === 'episode' && (
          <button class="primary" type="button" data-action="save-moment" onClick={() => void saveMoment(false)}>
            ★ Save moment
          </button>
        )}
        {view.state === 'status' && view.status.kind === 'episode' && lastSeconds !== undefined && (
          <button type="button" data-action="save-last" title={`Save the last ${lastSeconds} seconds as a range`} onClick={() => void saveMoment(true)}>
            Save last {lastSeconds} s
          </button>
        )}
        <button type="button" data-action="open-library" onClick={openLibrary}>
          Saved moments
        </button>
        <button type="button" data-action="open-settings" onClick={openSettings}>
          Settings
        </button>
      </div>
      {saved && (
        <p class="status" role="status">
          {saved}
        </p>
      )}
      {view.state === 'loading' && <p class="status">Looking…</p>}
      {view.state !== 'loading' && view.status && <PlayerLine status={view.status} />}
      {view.state === 'off' && (
        <>
          <p class="status">Earmark is turned off for {view.status.label}.</p>
          <button class="primary" type="button" data-action="turn-on" onClick={() => void turnOn(view.status.player)}>
            Turn on for {view.status.label}
          </button>
        </>
      )}
      {view.state === 'none' && (
        <>
          <p class="status">{view.message}</p>
          {view.status?.kind === 'episode' && <FeedOffer feed={view.status.feed} onChange={() => void awaitFeed()} />}
          <button class="primary" type="button" onClick={() => void findOnPage()}>
            Find chapters on this page
          </button>
        </>
      )}
      {view.state === 'status' && (
        <>
          {view.status.title && <p>{view.status.title}</p>}
          {view.status.kind === 'episode' && <FeedOffer feed={view.status.feed} onChange={() => void awaitFeed()} />}
          {view.status.guests.map((g) => (
            <section class="guest" data-guest={g.name} key={g.name} {...(g.namedBy ? { 'data-named-by': g.namedBy } : {})}>
              <h2>{g.name}</h2>
              {g.namedBy === 'podcast' && <p class="named">Named by the podcast</p>}
              <GuestIntro summary={g.summary} affiliations={g.affiliations} />
              <GuestLinks name={g.name} links={g.links} />
              <WikiLookup name={g.name} lookup={lookupGuest} />
            </section>
          ))}
          {view.status.chapters.length > 0 && (
            <p class="source" data-source={view.status.source ?? 'notes'}>
              Chapters {SOURCE_LABEL[view.status.source ?? 'notes']}
            </p>
          )}
          <ol>
            {view.status.chapters.map((c) => (
              <li key={c.startTime}>
                <button type="button" data-start={String(c.startTime)} onClick={() => void seek(c.startTime)}>
                  <span class="time">{formatTimestamp(c.startTime)}</span>
                  {c.title}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
