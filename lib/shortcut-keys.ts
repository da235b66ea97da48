/**
 * A command's shortcut as the browser writes it ("Alt+Shift+M", "Ctrl+Shift+K"; Chrome on macOS writes symbols:
 * "⌥⇧M") in the form `aria-keyshortcuts` takes ("Alt+Shift+M", "Control+Shift+K"), or undefined when it cannot be
 * read so: a wrong key announced is worse than none. Pure.
 */
const MODIFIERS: Readonly<Record<string, string>> = {
  Alt: 'Alt',
  Option: 'Alt',
  Shift: 'Shift',
  Ctrl: 'Control',
  Control: 'Control',
  MacCtrl: 'Control',
  Command: 'Meta',
  Meta: 'Meta',
};
const SYMBOLS: Readonly<Record<string, string>> = { '⌥': 'Alt', '⇧': 'Shift', '⌃': 'Control', '⌘': 'Meta' };
/**
 * Keys browsers name by word, as the key values the attribute expects. A word not here (media keys, "Space") is not
 * announced.
 */
const NAMED: Readonly<Record<string, string>> = {
  Period: '.',
  Comma: ',',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Insert: 'Insert',
  Delete: 'Delete',
};
/** One character, or a function key. */
const PLAIN_KEY = /^(?:[^\s+]|F(?:[1-9]|1[0-2]))$/u;

export function ariaKeyShortcuts(shortcut: string): string | undefined {
  let rest = shortcut.trim();
  const symbols: string[] = [];
  while (rest && SYMBOLS[rest[0]!]) {
    symbols.push(SYMBOLS[rest[0]!]!);
    rest = rest.slice(1);
  }
  const parts = symbols.length ? [...symbols, rest] : rest.split('+');
  const key = parts.pop();
  if (!key || parts.length === 0 || /\s|\+/.test(key)) return undefined;
  const modifiers = parts.map((p) => (symbols.length ? p : MODIFIERS[p]));
  if (modifiers.some((m) => !m)) return undefined;
  const value = NAMED[key] ?? (PLAIN_KEY.test(key) ? key : undefined);
  return value === undefined ? undefined : [...modifiers, value].join('+');
}
