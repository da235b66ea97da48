/**
 * Character classes shared by the timeline modules, by char code where they run per character. One
 * definition each, so the scanner, the candidate finder and the title cleaner agree on what a space is.
 */

/** Whitespace as a reader sees it: ASCII, no-break and the Unicode spaces (ideographic, narrow, line separators). */
export const isSpaceCode = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 160 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x1680;

/** Characters that show nothing: zero-width space and joiners' kin, byte-order mark, soft hyphen. */
export const isInvisibleCode = (c: number): boolean =>
  c === 0x200b || c === 0x2060 || c === 0xfeff || c === 0x180e || c === 0xad;

/**
 * The same two sets as regex class contents, for native searches that jump to them (titles.ts): the whitespace other
 * than the plain space, and the invisible characters. tests/unit/timeline-edge-cases.test.ts holds them to the
 * predicates above, code point by code point.
 */
export const OTHER_SPACE_CLASS = '\\t\\n\\v\\f\\r\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const INVISIBLE_CLASS = '\\u200b\\u2060\\ufeff\\u180e\\u00ad';

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

export const isAsciiLetterCode = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

const LETTER = /[\p{L}\p{M}]/u;

/** A letter of any script (combining marks included, so a decomposed "ä" stays inside its word). */
export const isLetter = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return isAsciiLetterCode(c) || (c > 127 && LETTER.test(ch));
};

/** Starts a URL in text: a scheme or `www.`. */
export const URL_START = /(?:https?:\/\/|www\.)/i;
