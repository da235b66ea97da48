/** HTML character references, decoded without a DOM. Covers numeric references, Latin-1 and typography. */

// Latin-1 names in code point order from U+00A0, so the table stays one line of data.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚',
  ldquo: '“', rdquo: '”', bdquo: '„', hellip: '…', bull: '•', trade: '™', euro: '€', dagger: '†', Dagger: '‡',
  thinsp: ' ', ensp: ' ', emsp: ' ', zwnj: '', zwj: '', lrm: '', rlm: '', larr: '←', rarr: '→', uarr: '↑',
  darr: '↓', harr: '↔', minus: '−', prime: '′', Prime: '″', OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š',
  Yuml: 'Ÿ', fnof: 'ƒ', circ: 'ˆ', tilde: '˜', permil: '‰', lsaquo: '‹', rsaquo: '›', star: '☆', check: '✓',
  hearts: '♥', nbhy: '‑', hyphen: '‐', dash: '‐', colon: ':', comma: ',', period: '.', excl: '!', quest: '?',
  lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', num: '#', sol: '/', ast: '*', commat: '@',
  Tab: '\t', NewLine: '\n',
};
LATIN1.split(' ').forEach((name, i) => {
  NAMED[name] = String.fromCodePoint(0xa0 + i);
});

/** Decodes character references with an indexOf scan: a replace() callback per reference costs several times more. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const end = referenceEnd(s, amp);
    if (end !== -1) {
      const decoded = decodeReference(s.slice(amp + 1, end));
      if (decoded !== undefined) {
        out += s.slice(from, amp) + decoded;
        from = s.charCodeAt(end) === 59 ? end + 1 : end;
      }
    }
    amp = s.indexOf('&', amp + 1);
  }
  return from === 0 ? s : out + s.slice(from);
}

/** End (exclusive) of the reference body after `&` at `amp`: `#123`, `#x1F`, or a name; -1 when none. */
function referenceEnd(s: string, amp: number): number {
  let i = amp + 1;
  if (s.charCodeAt(i) === 35) {
    i++;
    const hex = (s.charCodeAt(i) | 32) === 120;
    if (hex) i++;
    const start = i;
    while (i < s.length && i - start < 7 && isDigitOf(s.charCodeAt(i), hex)) i++;
    return i > start ? i : -1;
  }
  const start = i;
  while (i < s.length && i - start < 32 && isAlnum(s.charCodeAt(i))) i++;
  return i - start >= 2 && isAlpha(s.charCodeAt(start)) ? i : -1;
}

function decodeReference(body: string): string | undefined {
  if (body.charCodeAt(0) !== 35) return NAMED[body];
  const hex = (body.charCodeAt(1) | 32) === 120;
  const cp = hex ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
  // Surrogates, NUL and out-of-range values are what a browser replaces with U+FFFD.
  if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

const isAlpha = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isAlnum = (c: number): boolean => isAlpha(c) || (c >= 48 && c <= 57);
const isDigitOf = (c: number, hex: boolean): boolean =>
  (c >= 48 && c <= 57) || (hex && (c | 32) >= 97 && (c | 32) <= 102);
