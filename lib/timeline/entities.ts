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

const REF = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(REF, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    // Surrogates, NUL and out-of-range values are what a browser replaces with U+FFFD.
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(cp);
  });
}
