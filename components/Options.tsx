/**
 * The options page: where Earmark runs, what it adds to player pages, saved moments, and the keyboard shortcuts.
 * Every change is saved at once (lib/settings/store.ts) and reaches open tabs through storage's change events, so
 * nothing needs a reload. Moment sync is the background's switch (the same one as in the library).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground } from '../lib/ask-background';
import type { Response } from '../lib/messages';
import { PLAYERS } from '../lib/players/registry';
import type { PlayerAdapter } from '../lib/players/types';
import { commandRank } from '../lib/commands';
import { MAX_SAVE_LAST_SECONDS, playerEnabled, withPlayer, type Settings } from '../lib/settings/model';
import { loadSettings, updateSettings, watchSettings } from '../lib/settings/store';
import { PageTitle } from './PageTitle';
import { playerName } from './player-name';
import { enableFeed, FEED_EXPLANATION } from './FeedOffer';

/** The page-feature switches, in the order they are shown. */
const SHOWN: Array<{ key: 'chapterMarkers' | 'momentMarkers' | 'noteLinks' | 'guestCards'; label: string; hint: string }> = [
  { key: 'chapterMarkers', label: 'Chapter markers on the progress bar', hint: 'A tick where each chapter starts.' },
  { key: 'momentMarkers', label: 'Saved moments on the progress bar', hint: 'A mark at each moment you saved.' },
  { key: 'noteLinks', label: 'Clickable times in the show notes', hint: 'A time in the notes seeks the player there.' },
  { key: 'guestCards', label: 'Guest cards in the panel', hint: 'Who the guests are; the toolbar popup still lists them.' },
];

/** The players a listener can switch off (the on-request mode runs only when asked anyway). */
const SWITCHABLE: readonly PlayerAdapter[] = (PLAYERS as readonly PlayerAdapter[]).filter((p) => p.id !== 'generic');

interface Commands {
  list: Array<{ name: string; description: string; shortcut: string }>;
}

export function Options() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [said, setSaid] = useState<{ text: string; error?: boolean } | undefined>();
  const [sync, setSync] = useState<Response<'earmark:moments-sync'> | undefined>();
  const [commands, setCommands] = useState<Commands | undefined>();

  useEffect(() => {
    void loadSettings().then(setSettings);
    void askBackground({ type: 'earmark:moments-sync' }).then(setSync, () => undefined);
    void browser.commands.getAll().then(
      (all) =>
        setCommands({
          list: all
            .filter((c) => c.name && c.description)
            .map((c) => ({ name: c.name!, description: c.description!, shortcut: c.shortcut ?? '' }))
            .sort((a, b) => commandRank(a.name) - commandRank(b.name)),
        }),
      () => undefined,
    );
    // Another tab (or the popup) may change a setting while this page is open.
    return watchSettings(setSettings);
  }, []);

  /**
   * Saves `next` applied to the settings as stored. `next` runs after the stored value is read, when the input's
   * event has finished (its currentTarget is null by then): handlers read the input first and close over the value.
   */
  const change = (next: (s: Settings) => Settings) => {
    updateSettings(next).then(
      (saved) => {
        setSettings(saved);
        setSaid({ text: 'Saved. Open player tabs follow at once.' });
      },
      () => setSaid({ text: 'Earmark could not save this setting: try again.', error: true }),
    );
  };
  const toggleSync = async (enabled: boolean) => setSync(await askBackground({ type: 'earmark:moments-sync', enabled }));
  const openShortcuts = async () => {
    // Firefox has its own page for extension shortcuts; Chromium's is a chrome:// page an extension may open.
    const commandsApi = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
    if (commandsApi.openShortcutSettings) await commandsApi.openShortcutSettings();
    else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  };

  if (!settings) return <main><p class="status">Loading…</p></main>;

  return (
    <main>
      <PageTitle>Earmark settings</PageTitle>

      <fieldset>
        <legend>Where Earmark runs</legend>
        <label class="setting">
          <input type="checkbox" data-setting="onlyWhenAsked" checked={settings.onlyWhenAsked} onChange={(e) => {
              const on = e.currentTarget.checked;
              change((s) => ({ ...s, onlyWhenAsked: on }));
            }} />
          <span>
            Only when I ask
            <span class="hint">Earmark stays idle on every page until you press its toolbar button there.</span>
          </span>
        </label>
        <p>Players:</p>
        <div class="players">
          {SWITCHABLE.map((p) => (
            <label class="setting" key={p.id}>
              <input type="checkbox" data-player={p.id} checked={playerEnabled(settings, p.id)} onChange={(e) => {
              const on = e.currentTarget.checked;
              change((s) => withPlayer(s, p.id, on));
            }} />
              {playerName(p)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>On player pages</legend>
        {SHOWN.map(({ key, label, hint }) => (
          <label class="setting" key={key}>
            <input type="checkbox" data-setting={key} checked={settings[key]} onChange={(e) => {
              const on = e.currentTarget.checked;
              change((s) => ({ ...s, [key]: on }));
            }} />
            <span>
              {label}
              <span class="hint">{hint}</span>
            </span>
          </label>
        ))}
        <label class="setting">
          <input type="checkbox" data-setting="panelCollapsed" checked={settings.panelCollapsed} onChange={(e) => {
              const on = e.currentTarget.checked;
              change((s) => ({ ...s, panelCollapsed: on }));
            }} />
          <span>
            Start the chapter panel collapsed
            <span class="hint">Only its header shows until you open it.</span>
          </span>
        </label>
      </fieldset>

      <fieldset>
        <legend>The podcast’s feed</legend>
        <label class="setting">
          <input type="checkbox" data-setting="feedLookup" checked={settings.feedLookup} onChange={(e) => {
              const input = e.currentTarget;
              const on = input.checked;
              if (!on) {
                // The background forgets what it read and gives the all-sites access back.
                change((s) => ({ ...s, feedLookup: false }));
                return;
              }
              void enableFeed().then((granted) => {
                if (granted) void loadSettings().then(setSettings);
                // Not given: the box shows what is saved (Preact leaves an unchanged prop alone).
                else input.checked = false;
                setSaid(granted ? { text: 'Saved. Open player tabs follow at once.' } : { text: 'Access to all sites was not given: the feed stays off.', error: true });
              });
            }} />
          <span>
            Read the podcast’s feed for chapters, guests and fuller notes
            <span class="hint">{FEED_EXPLANATION}</span>
          </span>
        </label>
      </fieldset>

      <fieldset>
        <legend>Saved moments</legend>
        <label class="setting">
          <span>“Save last N s” saves the last</span>
          <input
            type="number"
            data-setting="saveLastSeconds"
            min={5}
            max={MAX_SAVE_LAST_SECONDS}
            step={5}
            value={settings.saveLastSeconds}
            onChange={(e) => {
              const n = Math.round(Number(e.currentTarget.value));
              if (Number.isFinite(n) && n >= 5 && n <= MAX_SAVE_LAST_SECONDS) change((s) => ({ ...s, saveLastSeconds: n }));
              else setSaid({ text: `Choose between 5 and ${MAX_SAVE_LAST_SECONDS} seconds.`, error: true });
            }}
          />
          <span>seconds</span>
        </label>
        <label class="setting">
          <input type="checkbox" data-sync checked={sync?.enabled ?? false} disabled={!sync} onChange={(e) => void toggleSync(e.currentTarget.checked)} />
          <span>
            Sync moments between my browsers
            <span class="hint">Through the browser’s own sync; nothing goes anywhere else.</span>
          </span>
        </label>
        {sync?.problem && (
          <p class="error" role="alert">
            {sync.problem}
          </p>
        )}
        <p>
          <a href="/moments.html">Open the library of saved moments</a>
        </p>
      </fieldset>

      <fieldset>
        <legend>Keyboard shortcuts</legend>
        {commands && commands.list.length > 0 && (
          <ul class="shortcuts">
            {commands.list.map((c) => (
              <li key={c.name}>
                {c.description}: <kbd>{c.shortcut || 'not set'}</kbd>
              </li>
            ))}
          </ul>
        )}
        <button type="button" data-action="shortcuts" onClick={() => void openShortcuts()}>
          Change shortcuts in the browser’s settings
        </button>
      </fieldset>

      <p class={said?.error ? 'error' : 'status'} role="status" aria-live="polite">
        {said?.text ?? ''}
      </p>
    </main>
  );
}
