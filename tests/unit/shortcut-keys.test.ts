// A command's shortcut, as browsers write it, in the form aria-keyshortcuts takes; anything else is not announced.
import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts } from '../../lib/shortcut-keys';

describe('ariaKeyShortcuts', () => {
  it('names modifiers as the attribute does, and keys the manifest names by word as their characters', () => {
    expect(ariaKeyShortcuts('Alt+Shift+M')).toBe('Alt+Shift+M');
    expect(ariaKeyShortcuts('Ctrl+Shift+K')).toBe('Control+Shift+K');
    expect(ariaKeyShortcuts('Command+Shift+S')).toBe('Meta+Shift+S');
    expect(ariaKeyShortcuts('MacCtrl+Shift+S')).toBe('Control+Shift+S');
    expect(ariaKeyShortcuts('Alt+Shift+Period')).toBe('Alt+Shift+.');
    expect(ariaKeyShortcuts('Alt+Shift+.')).toBe('Alt+Shift+.');
  });

  it('names arrow keys as key values, and keeps function keys', () => {
    expect(ariaKeyShortcuts('Alt+Shift+Up')).toBe('Alt+Shift+ArrowUp');
    expect(ariaKeyShortcuts('Ctrl+F5')).toBe('Control+F5');
  });

  it('reads the symbols Chrome writes on macOS', () => {
    expect(ariaKeyShortcuts('⌥⇧M')).toBe('Alt+Shift+M');
    expect(ariaKeyShortcuts('⌘⇧S')).toBe('Meta+Shift+S');
  });

  it('announces nothing it cannot read: no key, no modifier, an unknown word, a stray space', () => {
    for (const odd of ['', 'M', 'Alt+', 'Hyper+M', 'Alt+Shift+M M', '⌥', 'Alt++', 'Alt+Space', 'MediaNextTrack+M', 'Ctrl+MediaPlayPause']) {
      expect(ariaKeyShortcuts(odd), odd).toBeUndefined();
    }
  });
});
