/**
 * HTML character references, decoded without a DOM, following the browser's rules where they matter for
 * show notes: numeric references (with the Windows-1252 mapping of 0x80–0x9F that real feeds rely on for
 * `&#146;` and `&#150;`), Latin-1 and typographic names. Names need their `;` except the legacy ones
 * browsers also accept bare (`&amp`, `&copy2020`); inside attributes a bare legacy name followed by `=` or
 * a letter or digit stays as written, so `?a=1&para=2` is not turned into `?a=1¶=2`.
 */

// Latin-1 names in code point order from U+00A0, so the table stays one line of data.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';

// A Map, not an object literal: a lookup must never find Object.prototype's members (`&constructor;`).
const NAMED = new Map<string, string>(
  Object.entries({
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚',
    ldquo: '“', rdquo: '”', bdquo: '„', hellip: '…', bull: '•', trade: '™', euro: '€', dagger: '†', Dagger: '‡',
    thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
    larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', minus: '−', prime: '′', Prime: '″', OElig: 'Œ',
    oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', fnof: 'ƒ', circ: 'ˆ', tilde: '˜', permil: '‰', lsaquo: '‹',
    rsaquo: '›', star: '☆', check: '✓', hearts: '♥', nbhy: '‑', hyphen: '‐', dash: '‐', colon: ':', comma: ',',
    period: '.', excl: '!', quest: '?', lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']',
    num: '#', sol: '/', ast: '*', commat: '@', Tab: '\t', NewLine: '\n',
  }),
);
/** Names a browser decodes even without `;` (the HTML 4 legacy set we carry: Latin-1 and the XML five). */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot']);
LATIN1.split(' ').forEach((name, i) => {
  NAMED.set(name, String.fromCodePoint(0xa0 + i));
  LEGACY.add(name);
});

// What browsers show for &#128;…&#159;: the Windows-1252 characters, not C1 controls. 0 keeps the code point.
const CP1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e,
  0x0178,
];

/** Decodes character references with an indexOf scan; `attribute` applies the attribute rule above. */
export function decodeEntities(s: string, attribute = false): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const ref = readReference(s, amp, attribute);
    if (ref) {
      out += s.slice(from, amp) + ref.text;
      from = ref.end;
    }
    amp = s.indexOf('&', Math.max(amp + 1, from));
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * The character reference at `s[amp]` (an `&`): its text and where it ends, or undefined when none is read there. It
 * reads no further than a `<`, so a reader may pass a whole document and the offset of one text's `&`.
 */
export function readReference(s: string, amp: number, attribute: boolean): { text: string; end: number } | undefined {
  let i = amp + 1;
  if (s.charCodeAt(i) === 35) {
    i++;
    const hex = (s.charCodeAt(i) | 32) === 120;
    if (hex) i++;
    const start = i;
    let cp = 0;
    // Every digit is consumed, as a browser does; past U+10FFFF the value is only known to be out of range.
    for (; i < s.length && isDigitOf(s.charCodeAt(i), hex); i++) {
      if (cp <= 0x10ffff) cp = cp * (hex ? 16 : 10) + digitValue(s.charCodeAt(i));
    }
    if (i === start) return undefined;
    const end = s.charCodeAt(i) === 59 ? i + 1 : i;
    return { text: fromCodePoint(cp), end };
  }
  const start = i;
  while (i < s.length && i - start < 32 && isAlnum(s.charCodeAt(i))) i++;
  if (i === start) return undefined;
  if (s.charCodeAt(i) === 59) {
    const text = NAMED.get(s.slice(start, i));
    return text === undefined ? undefined : { text, end: i + 1 };
  }
  // No `;`: the longest legacy name that prefixes the run, unless an attribute value continues after it.
  for (let end = Math.min(i, start + 6); end > start + 1; end--) {
    const name = s.slice(start, end);
    if (!LEGACY.has(name)) continue;
    const next = s.charCodeAt(end);
    if (attribute && (next === 61 || isAlnum(next))) return undefined;
    return { text: NAMED.get(name)!, end };
  }
  return undefined;
}

function fromCodePoint(cp: number): string {
  // NUL, surrogates and out-of-range values are what a browser replaces with U+FFFD.
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  if (cp >= 0x80 && cp <= 0x9f) return String.fromCodePoint(CP1252[cp - 0x80] || cp);
  return String.fromCodePoint(cp);
}

const isAlnum = (c: number): boolean => ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57);
/** The value of a digit isDigitOf accepted, from its char code: parseInt on a one-character string cost more than the rest of the reference. */
const digitValue = (c: number): number => (c <= 57 ? c - 48 : (c | 32) - 87);
const isDigitOf = (c: number, hex: boolean): boolean =>
  (c >= 48 && c <= 57) || (hex && (c | 32) >= 97 && (c | 32) <= 102);
