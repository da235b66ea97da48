/**
 * The keyboard commands, in the order the settings list them: the manifest is made from this (wxt.config.ts), and
 * the options page sorts the browser's list by it (Chrome hands commands back in its own order, and its copy of the
 * manifest keeps keys sorted, so neither says the declared order).
 */
export const COMMANDS = {
  // At most three suggested keys: Chrome allows four per extension and WXT's dev mode takes one.
  'next-chapter': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Next chapter' },
  'previous-chapter': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Previous chapter' },
  'save-moment': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Save this moment (press again to end a range)' },
  // No suggested key (see above): the listener picks one on the browser's shortcuts page.
  'save-last': { description: 'Save last N s: the seconds just heard, as a range (N is set in Earmark’s options)' },
} as const;

const ORDER: readonly string[] = Object.keys(COMMANDS);
/** A command's place in COMMANDS; an unknown one (the browser's own) goes last. */
export const commandRank = (name: string): number => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
