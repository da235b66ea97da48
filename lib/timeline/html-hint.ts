/**
 * Whether show notes read as HTML, apart from the reader itself: every player's stage-1 content script asks this
 * (lib/players/page-text.ts), and importing it from normalize.ts put the whole timeline engine's module-level tables
 * into each of them, built on every player page before the DOM was parsed.
 */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'thead', 'tbody', 'tfoot', 'section', 'article',
  'header', 'footer', 'aside', 'nav', 'main', 'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'details',
  'summary', 'address', 'body', 'html', 'title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
/** Table cells: a row's cells stand side by side on one line, as a browser lays them out. */
export const CELL_TAGS = new Set(['td', 'th']);
const INLINE_HINT_TAGS = ['br', 'a', 'span', 'strong', 'b', 'em', 'i', 'img', 'code', 'small', 'sup', 'sub'];

// Any block tag or common inline tag makes the input HTML. Bounded quantifiers keep this linear on inputs such as
// 100k unclosed `<a` tags.
const HTML_HINT = new RegExp(`<(?:${[...BLOCK_TAGS, ...CELL_TAGS, ...INLINE_HINT_TAGS].join('|')})\\b[^<>]{0,500}>`, 'i');

/** True when the input reads as HTML rather than text or markdown. */
export function looksLikeHtml(input: string): boolean {
  return HTML_HINT.test(input);
}
