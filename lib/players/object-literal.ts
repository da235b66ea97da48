/**
 * Finds `name = {…}` in an inline script's source and returns the object's text, for pages that embed their
 * data as a JavaScript assignment (YouTube's `var ytInitialPlayerResponse = {…};`). The object ends where its
 * braces balance, read with string and escape awareness (a `}` inside a string does not close it), so no
 * pattern has to guess where it stops. One pass, bounded: the caller still validates what it parses.
 */

/** Real player responses are a few hundred kB; past this the assignment is not read. */
export const MAX_LITERAL = 4_000_000;
/** A name assigned more often than this is not the data assignment; later ones are not scanned. */
const MAX_ATTEMPTS = 4;

/** The text of the object literal opening at `open` (a `{`), or undefined when it does not close in bounds. */
export function balancedObject(source: string, open: number, max = MAX_LITERAL): string | undefined {
  if (source.charCodeAt(open) !== 123) return undefined;
  const end = Math.min(source.length, open + max);
  let depth = 0;
  let inString = false;
  for (let i = open; i < end; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next char is escaped, whatever it is
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return source.slice(open, i + 1);
  }
  return undefined;
}

/** The object assigned to `name` in `source` (`name = {…}`), or undefined. */
export function assignedObject(source: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `[ \t]{0,20}` rather than `\s*`: bounded, so a run of spaces after every mention cannot make this quadratic.
  const assignment = new RegExp(`${escaped}[ \\t]{0,20}=[ \\t]{0,20}\\{`, 'g');
  let attempts = 0;
  for (let m = assignment.exec(source); m && attempts < MAX_ATTEMPTS; m = assignment.exec(source), attempts++) {
    const open = m.index + m[0].length - 1;
    const found = balancedObject(source, open);
    if (found) return found;
  }
  return undefined;
}
