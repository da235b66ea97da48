// Reading stored settings: defaults, each valid field kept, each bad one back at its default, and the player
// switches; then the stored item through WXT's fake browser (a corrupt value loses nothing else in storage).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, MAX_SAVE_LAST_SECONDS, playerEnabled, readSettings, withPlayer } from '../../lib/settings/model';
import { loadSettings, settingsItem, updateSettings, watchSettings } from '../../lib/settings/store';
import { readPageSettings, watchPageSettings } from '../../lib/settings/page-reader';
import { idleBySettings } from '../../lib/content/stage';

describe('settings: reading a stored value', () => {
  it('gives the defaults for nothing stored, or for something that is not settings at all', () => {
    for (const stored of [undefined, null, 'on', 42, [], [true]]) expect(readSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field and puts each bad one back at its default', () => {
    const read = readSettings({ noteLinks: false, chapterMarkers: 'no', saveLastSeconds: 45, panelCollapsed: 1, disabledPlayers: ['spotify', 'spotify', 7] });
    expect(read.noteLinks).toBe(false);
    expect(read.saveLastSeconds).toBe(45);
    expect(read.chapterMarkers).toBe(DEFAULT_SETTINGS.chapterMarkers);
    expect(read.panelCollapsed).toBe(DEFAULT_SETTINGS.panelCollapsed);
    // One bad id makes the list unreadable: the list falls back, not the other fields.
    expect(read.disabledPlayers).toEqual([]);
    expect(readSettings({ disabledPlayers: ['spotify', 'spotify'] }).disabledPlayers).toEqual(['spotify']);
  });

  it('bounds "save the last N seconds"', () => {
    expect(readSettings({ saveLastSeconds: 4 }).saveLastSeconds).toBe(DEFAULT_SETTINGS.saveLastSeconds);
    expect(readSettings({ saveLastSeconds: MAX_SAVE_LAST_SECONDS + 1 }).saveLastSeconds).toBe(DEFAULT_SETTINGS.saveLastSeconds);
    expect(readSettings({ saveLastSeconds: 12.5 }).saveLastSeconds).toBe(DEFAULT_SETTINGS.saveLastSeconds);
    expect(readSettings({ saveLastSeconds: MAX_SAVE_LAST_SECONDS }).saveLastSeconds).toBe(MAX_SAVE_LAST_SECONDS);
  });

  it('drops fields it does not know', () => {
    expect(Object.keys(readSettings({ ...DEFAULT_SETTINGS, theme: 'neon' })).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('switches a player off and on again', () => {
    const off = withPlayer(DEFAULT_SETTINGS, 'youtube', false);
    expect(playerEnabled(off, 'youtube')).toBe(false);
    expect(playerEnabled(off, 'apple')).toBe(true);
    expect(withPlayer(off, 'youtube', false).disabledPlayers).toEqual(['youtube']);
    expect(playerEnabled(withPlayer(off, 'youtube', true), 'youtube')).toBe(true);
  });
});

describe('settings: the stored item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves a change and reads it back, telling watchers', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.noteLinks));
    await updateSettings((s) => ({ ...s, noteLinks: false }));
    expect((await loadSettings()).noteLinks).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toContain(false);
    stop();
  });

  it('reads a corrupt stored value as defaults plus its good fields, and leaves the rest of storage alone', async () => {
    await fakeBrowser.storage.local.set({ settings: { guestCards: false, onlyWhenAsked: 'yes please' }, moments: [{ id: 'kept' }] });
    const read = await loadSettings();
    expect(read.guestCards).toBe(false);
    expect(read.onlyWhenAsked).toBe(DEFAULT_SETTINGS.onlyWhenAsked);
    expect((await fakeBrowser.storage.local.get('moments')).moments).toEqual([{ id: 'kept' }]);
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await settingsItem.getValue()).toBe('garbage');
  });

  it('reads the same settings in content scripts (straight from storage.local) as the options page writes', async () => {
    const seen: Array<boolean> = [];
    const stop = watchPageSettings((s) => seen.push(s.chapterMarkers));
    await updateSettings((s) => withPlayer({ ...s, chapterMarkers: false }, 'overcast', false));
    expect(await readPageSettings()).toEqual(await loadSettings());
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([false]);
    // A change to anything else in storage is not a settings change.
    await fakeBrowser.storage.local.set({ moments: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([false]);
    stop();
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await readPageSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings: what keeps a player page idle before the runtime loads (the detector’s own check)', () => {
  it('is idle only where Earmark is off for this player or waits to be asked', () => {
    expect(idleBySettings(undefined, 'overcast')).toBe(false);
    expect(idleBySettings(DEFAULT_SETTINGS, 'overcast')).toBe(false);
    expect(idleBySettings({ ...DEFAULT_SETTINGS, onlyWhenAsked: true }, 'overcast')).toBe(true);
    expect(idleBySettings(withPlayer(DEFAULT_SETTINGS, 'overcast', false), 'overcast')).toBe(true);
    expect(idleBySettings(withPlayer(DEFAULT_SETTINGS, 'spotify', false), 'overcast')).toBe(false);
  });

  it('agrees with the full reading on corrupt values: a field that is not what it should be keeps its default', () => {
    const cases: unknown[] = ['garbage', 42, null, [], { onlyWhenAsked: 'yes' }, { disabledPlayers: 'overcast' }, { disabledPlayers: ['overcast', 7] }, { onlyWhenAsked: 1, disabledPlayers: ['overcast'] }];
    for (const stored of cases) {
      const full = readSettings(stored);
      expect(idleBySettings(stored, 'overcast'), JSON.stringify(stored)).toBe(full.onlyWhenAsked || !playerEnabled(full, 'overcast'));
    }
  });
});
