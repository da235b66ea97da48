/**
 * Hostile inputs for the timeline parser's linearity check (used by timeline-bench.ts). Each generator makes a
 * string of about `size` characters (mostly ASCII, so about as many bytes) and is deterministic: the random ones
 * use a fixed-seed PRNG, so every run and every size measures the same kind of text.
 */
import { prng } from '../prng';

export interface AdversarialCase {
  name: string;
  /** What the input looks like, for the report. */
  description: string;
  html: boolean;
  make: (size: number) => string;
}

/** `unit` repeated and cut to exactly `size` characters. */
function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Concatenates chunks from `next` until `size` characters, then cuts. */
function fill(size: number, next: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const chunk = next(i);
    parts.push(chunk);
    length += chunk.length;
  }
  return parts.join('').slice(0, size);
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function randomFrom(alphabet: string, seed: number, size: number): string {
  const rnd = prng(seed);
  const chars = [...alphabet];
  const out = new Array<string>(size);
  for (let i = 0; i < size; i++) out[i] = chars[Math.floor(rnd() * chars.length)]!;
  return out.join('');
}

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  {
    name: 'digit-colon-run',
    description: 'one line "1:2:3:4:5:…"',
    html: false,
    make: (size) => repeatTo('1:2:3:4:5:6:7:8:9:0:', size),
  },
  {
    name: 'pair-colon-run',
    description: 'one line "12:34:56:78:…"',
    html: false,
    make: (size) => repeatTo('12:34:56:78:90:', size),
  },
  {
    name: 'open-brackets-times',
    description: 'unbalanced "[[[[((((" runs mixed with times, few closers',
    html: false,
    make: (size) => {
      const rnd = prng(7);
      return fill(size, (i) => {
        const open = '['.repeat(1 + Math.floor(rnd() * 8)) + '('.repeat(1 + Math.floor(rnd() * 8));
        const close = rnd() < 0.1 ? ')]' : '';
        const nl = rnd() < 0.05 ? '\n' : ' ';
        return `${open} ${clock(i % 36000)}${close} @${nl}`;
      });
    },
  },
  {
    name: 'zero-time-repeated',
    description: '"00:00 " repeated on one line',
    html: false,
    make: (size) => repeatTo('00:00 ', size),
  },
  {
    name: 'glued-a0:00b',
    description: 'one line of "a0:00b" glue',
    html: false,
    make: (size) => repeatTo('a0:00b', size),
  },
  {
    name: 'html-unclosed-a',
    description: '~100k unclosed <a href=" tags per MB (html: true)',
    html: true,
    make: (size) => repeatTo('<a href="1', size),
  },
  {
    name: 'html-deep-nesting',
    description: 'never-closed <div><b> nesting with times (html: true)',
    html: true,
    make: (size) => fill(size, (i) => `<div><b>${clock(i % 36000)} x `),
  },
  {
    name: 'markdown-open-links',
    description: 'runs of "[x](" with unclosed "[0:01](#t=" links',
    html: false,
    make: (size) => fill(size, (i) => `${'[x]('.repeat(20)}[${clock(i % 3600)}](#t=${i % 3600} `),
  },
  {
    name: 'headings-then-bare-lists',
    description: 'half <h2> headings, then many short lists of times alone on their lines (html: true)',
    html: true,
    make: (size) =>
      repeatTo('<h2>T</h2>', Math.floor(size / 2)) +
      fill(Math.ceil(size / 2), (i) => `<p>${clock(0)}</p><p>A</p><p>${clock(1 + (i % 50))}</p><p>B</p>`),
  },
  {
    name: 'one-line-flattened-list',
    description: 'a whole flattened list of 20k entries on one line ("0:00 T0 0:13 T1 …")',
    html: false,
    make: (size) => fill(size, (i) => `${clock(i * 13)} T${i} `),
  },
  {
    name: 'separator-run',
    description: '"0:00 Intro" then one 1 MB run of " -–—" separators, then "x"',
    html: false,
    make: (size) => `0:00 Intro${repeatTo(' -–—', Math.max(0, size - 12))}x\n`,
  },
  {
    name: 'time-only-lines',
    description: 'ascending times alone on their lines (title-on-next-line bait)',
    html: false,
    make: (size) => fill(size, (i) => `${clock(i)}\n`),
  },
  {
    name: 'huge-chapter-list',
    description: 'a valid "M:SS Title" list of ~40k chapters per MB, 13 s apart',
    html: false,
    make: (size) => fill(size, (i) => `${clock(i * 13)} Chapter number ${i}\n`),
  },
  {
    name: 'random-printable',
    description: 'random printable ASCII, one line (seed 1)',
    html: false,
    make: (size) => randomFrom(Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join(''), 1, size),
  },
  {
    name: 'random-timeish',
    description: 'random digits, colons, brackets, dashes, spaces, newlines (seed 2)',
    html: false,
    make: (size) => randomFrom('0123456789012345678901234567890123456789:::::: \n\n[]()-–@.', 2, size),
  },
];
