/**
 * Unit tests for `parseTimeline`: every layout the timeline issue lists, the HTML variants, the things that must
 * never become chapters, mentions, competing groups, duration handling and the warnings.
 * All show notes below are invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseTimeline } from '../../lib/timeline';
import type { ParseOptions, ParseResult, WarningCode } from '../../lib/timeline/types';

type Row = [number, string];

/** The chapters as `[startTime, title]` pairs: what most tests assert exactly. */
function rows(input: string, options?: ParseOptions): Row[] {
  return parseTimeline(input, options).chapters.map((c) => [c.startTime, c.title]);
}

const codes = (r: ParseResult): WarningCode[] => r.warnings.map((w) => w.code);

/** The same three chapters, written in each form below. */
const THREE: Row[] = [
  [0, 'Welcome'],
  [190, 'The tabs debate'],
  [765, 'Listener mail'],
];

describe('one entry per line, time first', () => {
  it.each<[string, string]>([
    ['0:00 Intro', '0:00 Welcome\n3:10 The tabs debate\n12:45 Listener mail'],
    ['00:00 - Intro', '00:00 - Welcome\n03:10 - The tabs debate\n12:45 - Listener mail'],
    ['00:00 — Intro', '00:00 — Welcome\n03:10 — The tabs debate\n12:45 — Listener mail'],
    ['00:00 – Intro', '00:00 – Welcome\n03:10 – The tabs debate\n12:45 – Listener mail'],
    ['00:00: Intro', '00:00: Welcome\n03:10: The tabs debate\n12:45: Listener mail'],
    ['00:00 | Intro', '00:00 | Welcome\n03:10 | The tabs debate\n12:45 | Listener mail'],
    ['(00:00) Intro', '(00:00) Welcome\n(03:10) The tabs debate\n(12:45) Listener mail'],
    ['[00:00] Intro', '[00:00] Welcome\n[03:10] The tabs debate\n[12:45] Listener mail'],
    ['【00:00】Intro', '【00:00】Welcome\n【03:10】The tabs debate\n【12:45】Listener mail'],
    ['[@00:00] Intro', '[@00:00] Welcome\n[@03:10] The tabs debate\n[@12:45] Listener mail'],
    ['- 00:00 Intro', '- 00:00 Welcome\n- 03:10 The tabs debate\n- 12:45 Listener mail'],
    ['* **00:00** Intro', '* **00:00** Welcome\n* **03:10** The tabs debate\n* **12:45** Listener mail'],
    ['1. 00:00 Intro', '1. 00:00 Welcome\n2. 03:10 The tabs debate\n3. 12:45 Listener mail'],
    ['🎙 00:00 Intro', '🎙 00:00 Welcome\n🎙 03:10 The tabs debate\n🎙 12:45 Listener mail'],
    ['00:00Intro', '00:00Welcome\n03:10The tabs debate\n12:45Listener mail'],
    ['00:00-Intro', '00:00-Welcome\n03:10-The tabs debate\n12:45-Listener mail'],
    ['mixed forms in one list', '00:00 Welcome\n[03:10] The tabs debate\n- (12:45) - Listener mail'],
    ['CRLF line ends', '00:00 Welcome\r\n03:10 The tabs debate\r\n12:45 Listener mail\r\n'],
    ['blank lines and a bullet list under each entry', '00:00 Welcome\n\n03:10 The tabs debate\n  - tabs\n  - spaces\n\n12:45 Listener mail\n'],
  ])('%s', (_form, notes) => {
    expect(rows(notes)).toEqual(THREE);
  });
});

describe('one entry per line, title first', () => {
  it.each<[string, string, Row[]]>([
    ['Intro - 00:00', 'Welcome - 00:00\nThe tabs debate - 03:10\nListener mail - 12:45', THREE],
    ['Intro (00:00)', 'Welcome (00:00)\nThe tabs debate (03:10)\nListener mail (12:45)', THREE],
    [
      'Intro — *0:14:35*.',
      'Welcome — *0:00:00*.\nThe tabs debate — *0:03:10*.\nListener mail — *0:14:35*.',
      [[0, 'Welcome'], [190, 'The tabs debate'], [875, 'Listener mail']],
    ],
    ['1. Intro 00:00', '1. Welcome 00:00\n2. The tabs debate 03:10\n3. Listener mail 12:45', THREE],
  ])('%s', (_form, notes, expected) => {
    expect(rows(notes)).toEqual(expected);
  });
});

describe('titles whose last word is also a context word ("Cold open", "Where we\'re at")', () => {
  // "open"/"at" before a time can announce a clock time ("doors open 7:30"), but in a list of ascending
  // entries the word ends the previous title.
  const COLD: Row[] = [
    [0, 'Cold open'],
    [190, 'The tabs debate'],
    [765, 'Listener mail'],
  ];

  it.each<[string, string]>([
    ['time first', '00:00 Cold open\n03:10 The tabs debate\n12:45 Listener mail'],
    ['title first with a dash', 'Cold open - 00:00\nThe tabs debate - 03:10\nListener mail - 12:45'],
    ['title first, bare', 'Cold open 00:00\nThe tabs debate 03:10\nListener mail 12:45'],
    ['title first in parentheses', 'Cold open (00:00)\nThe tabs debate (03:10)\nListener mail (12:45)'],
    ['flattened', 'Chapters 0:00 Cold open 3:10 The tabs debate 12:45 Listener mail'],
  ])('"Cold open" stays a chapter title: %s', (_label, notes) => {
    expect(rows(notes)).toEqual(COLD);
  });

  it.each<[string, string]>([
    ['title first in parentheses', 'Intro (00:00)\nWhy tabs won (03:10)\nListener mail (12:45)'],
    ['title first with a dash', 'Intro - 00:00\nWhy tabs won - 03:10\nListener mail - 12:45'],
    ['flattened', 'Chapters 0:00 Intro 3:10 Why tabs won 12:45 Listener mail'],
  ])('"Why tabs won" stays a chapter title: %s', (_label, notes) => {
    expect(rows(notes)).toEqual([
      [0, 'Intro'],
      [190, 'Why tabs won'],
      [765, 'Listener mail'],
    ]);
  });

  it.each<[string, string]>([
    ['title first', 'Intro 00:00\nQ&A with Mark 06:20\nOutro 18:45'],
    ['flattened', 'Chapters 0:00 Intro 6:20 Q&A with Mark 18:45 Outro'],
  ])('a title ending in a name that is also a book of the Bible stays a chapter title: %s', (_label, notes) => {
    expect(rows(notes)).toEqual([
      [0, 'Intro'],
      [380, 'Q&A with Mark'],
      [1125, 'Outro'],
    ]);
  });

  it('"Where we\'re at" stays a chapter title in a flattened list', () => {
    const notes = "Chapters 0:00 Intro 4:10 Where we're at 15:30 What comes next 22:05 Outro";
    expect(rows(notes)).toEqual([
      [0, 'Intro'],
      [250, "Where we're at"],
      [930, 'What comes next'],
      [1325, 'Outro'],
    ]);
  });
});

describe('ranges and split lines', () => {
  it('reads a range by its start: 00:00–05:30 Intro', () => {
    const notes = '00:00–05:30 Welcome\n05:30–12:45 The tabs debate\n12:45–20:00 Listener mail';
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [330, 'The tabs debate'],
      [765, 'Listener mail'],
    ]);
  });

  it('reads a range written with spaced hyphens', () => {
    const notes = '00:00 - 05:30 Welcome\n05:30 - 12:45 The tabs debate\n12:45 - 20:00 Listener mail';
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [330, 'The tabs debate'],
      [765, 'Listener mail'],
    ]);
  });

  it('takes the title from the line after a time that stands alone', () => {
    const notes = '00:00\nWelcome\n03:10\nThe tabs debate\n12:45\nListener mail\n';
    expect(rows(notes)).toEqual(THREE);
  });
});

describe('hours, fractions', () => {
  it('reads H:MM:SS throughout', () => {
    const notes = '0:00:00 Welcome\n0:03:10 The tabs debate\n0:41:05 The long middle\n1:02:03 Listener mail';
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [190, 'The tabs debate'],
      [2465, 'The long middle'],
      [3723, 'Listener mail'],
    ]);
  });

  it('reads hours that appear only after the first hour', () => {
    const notes = '00:00 Welcome\n24:30 Garden tour\n59:10 Seed swap\n1:00:31 Compost questions\n1:22:05 Goodbye';
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [1470, 'Garden tour'],
      [3550, 'Seed swap'],
      [3631, 'Compost questions'],
      [4925, 'Goodbye'],
    ]);
  });

  it('keeps .500 fractions', () => {
    const notes = '00:00.000 Welcome\n03:10.500 The tabs debate\n12:45.250 Listener mail';
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [190.5, 'The tabs debate'],
      [765.25, 'Listener mail'],
    ]);
  });
});

describe('links', () => {
  it('reads markdown time links: [00:12:30](…#t=750) Title', () => {
    const notes = [
      '[00:00:00](https://example.com/ep/42#t=0) Welcome',
      '[00:03:10](https://example.com/ep/42#t=190) The tabs debate',
      '[00:12:30](https://example.com/ep/42#t=750) Listener mail',
    ].join('\n');
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Welcome'],
      [190, 'The tabs debate'],
      [750, 'Listener mail'],
    ]);
    // Seek links are not the chapter's own link.
    expect(r.chapters.every((c) => c.url === undefined)).toBe(true);
    expect(codes(r)).not.toContain('link-time-differs');
  });

  it('reads HTML time links: <a href="…?t=750">12:30</a> Title', () => {
    const notes = [
      '<p><a href="https://example.com/ep?t=0">0:00</a> Welcome</p>',
      '<p><a href="https://example.com/ep?t=190">3:10</a> The tabs debate</p>',
      '<p><a href="https://example.com/ep?t=750">12:30</a> Listener mail</p>',
    ].join('\n');
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [190, 'The tabs debate'],
      [750, 'Listener mail'],
    ]);
  });

  it('takes the time from the link when its t= differs from the text, and warns', () => {
    const notes = [
      '[00:00](https://example.com/ep#t=0) Welcome',
      '[05:00](https://example.com/ep#t=305) The tabs debate',
      '[12:30](https://example.com/ep#t=750) Listener mail',
    ].join('\n');
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Welcome'],
      [305, 'The tabs debate'],
      [750, 'Listener mail'],
    ]);
    expect(codes(r)).toContain('link-time-differs');
  });

  it('takes the time from an HTML link whose t= differs from the text, and warns', () => {
    const notes =
      '<ul><li><a href="https://example.com/ep?t=0">0:00</a> Welcome</li>' +
      '<li><a href="https://example.com/ep?t=200">3:10</a> The tabs debate</li>' +
      '<li><a href="https://example.com/ep?t=12m45s">12:40</a> Listener mail</li></ul>';
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Welcome'],
      [200, 'The tabs debate'],
      [765, 'Listener mail'],
    ]);
    expect(codes(r)).toContain('link-time-differs');
  });

  it('reads title-first entries whose title is a link, [Title](https://…) 12:30, and keeps the url', () => {
    const notes = [
      '[Welcome](https://example.com/notes/welcome) 00:00',
      '[The tabs debate](https://example.com/notes/tabs) 03:10',
      '[Listener mail](https://example.com/notes/mail) 12:30',
    ].join('\n');
    expect(parseTimeline(notes).chapters).toEqual([
      { startTime: 0, endTime: 190, title: 'Welcome', url: 'https://example.com/notes/welcome' },
      { startTime: 190, endTime: 750, title: 'The tabs debate', url: 'https://example.com/notes/tabs' },
      { startTime: 750, title: 'Listener mail', url: 'https://example.com/notes/mail' },
    ]);
  });
});

describe('flattened timelines (every line break gone)', () => {
  it('splits glued entries whose titles end in digits, and stops at trailing matter', () => {
    const notes =
      'Chapters 00:00 — Hello there04:20 — The big rewrite13:05 — Release notes for version 31:05:40 — Listener questions Music: "Tin Roof" by The Lanterns';
    expect(rows(notes)).toEqual([
      [0, 'Hello there'],
      [260, 'The big rewrite'],
      [785, 'Release notes for version 3'],
      [3940, 'Listener questions'],
    ]);
  });

  it('splits parenthesised times glued to the titles before them', () => {
    const notes = 'Outline(00:00) Welcome back(05:12) The 3×3 matrix, part 2(1:02:30) Goodbye';
    expect(rows(notes)).toEqual([
      [0, 'Welcome back'],
      [312, 'The 3×3 matrix, part 2'],
      [3750, 'Goodbye'],
    ]);
  });

  it('keeps time-like text (9:16 video) inside a title', () => {
    const notes = 'Timestamps 0:00 Intro 2:15 Shooting 9:16 video on a budget 8:40 Colour grading 14:02 Outro';
    expect(rows(notes)).toEqual([
      [0, 'Intro'],
      [135, 'Shooting 9:16 video on a budget'],
      [520, 'Colour grading'],
      [842, 'Outro'],
    ]);
  });

  it('keeps colons, quotes and dashes inside titles', () => {
    const notes = `Chapters 0:00 Intro: why we're here 4:30 "Ship it" – a retro 11:20 Q&A - round two 19:45 Bye`;
    expect(rows(notes)).toEqual([
      [0, "Intro: why we're here"],
      [270, '"Ship it" – a retro'],
      [680, 'Q&A - round two'],
      [1185, 'Bye'],
    ]);
  });

  it('skips a time-like title fragment that would break the ascending order', () => {
    // "5:50" inside the second title is before 8:00, so it cannot be a chapter start.
    const notes = 'Chapters 0:00 Welcome 8:00 Why 5:50 is the new 6:00 12:30 Mailbag';
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [480, 'Why 5:50 is the new 6:00'],
      [750, 'Mailbag'],
    ]);
  });

  it.each<[string, string]>([
    ['Music:', 'Music: "Blue Hour" by Ana Sol'],
    ['Links:', 'Links: example.org/notes and example.org/book'],
    ['Sponsors:', 'Sponsors: Acme Widgets and Nimbus Tea'],
    ['About:', 'About: The show is recorded in Leeds'],
    ['Credits', 'Credits Editing by Sam Reyes'],
    ['a URL', 'https://example.com/episodes/12'],
  ])('stops the last title where trailing matter begins (%s)', (_label, trailer) => {
    const notes = `Chapters 0:00 Hello 6:15 Main topic 20:30 Goodbye and thanks ${trailer}`;
    expect(rows(notes)).toEqual([
      [0, 'Hello'],
      [375, 'Main topic'],
      [1230, 'Goodbye and thanks'],
    ]);
  });

  it('reads a flattened title-first list', () => {
    const notes = 'Topics: Welcome (0:00) The tabs debate (3:10) Listener mail (12:45)';
    expect(rows(notes)).toEqual(THREE);
  });
});

describe('headers, late starts, languages, emoji', () => {
  it.each(['Timestamps:', 'Chapters', 'Outline', 'Zeitmarken', '目次'])('reads a list under the header %s', (header) => {
    const notes = `${header}\n00:00 Welcome\n03:10 The tabs debate\n12:45 Listener mail`;
    expect(rows(notes)).toEqual(THREE);
  });

  it.each(['Timestamps:', 'Chapters', 'Outline', 'Zeitmarken', '目次'])('reads a flattened list after the header %s', (header) => {
    const notes = `${header} 00:00 Welcome 03:10 The tabs debate 12:45 Listener mail`;
    expect(rows(notes)).toEqual(THREE);
  });

  it('reads a list that starts after 0:00', () => {
    expect(rows('02:10 Hello\n10:00 The topic\n25:30 Goodbye')).toEqual([
      [130, 'Hello'],
      [600, 'The topic'],
      [1530, 'Goodbye'],
    ]);
  });

  it('reads non-English titles', () => {
    const notes = '00:00 Begrüßung und Überblick\n04:40 Кофе и код\n11:15 コーヒーの話\n19:00 ¿Qué sigue?';
    expect(rows(notes)).toEqual([
      [0, 'Begrüßung und Überblick'],
      [280, 'Кофе и код'],
      [675, 'コーヒーの話'],
      [1140, '¿Qué sigue?'],
    ]);
  });

  it('keeps emoji inside titles', () => {
    const notes = '00:00 Welcome 🎉\n03:10 Coffee ☕ talk\n12:45 Goodbye 👋';
    expect(rows(notes)).toEqual([
      [0, 'Welcome 🎉'],
      [190, 'Coffee ☕ talk'],
      [765, 'Goodbye 👋'],
    ]);
  });

  // Words such as "h", "am", "long", "video" or "win" right after a time can mark a clock time, a duration or a
  // ratio ("12:30 h", "45:00 long", "9:16 video"), but not when they merely begin a longer word or a list entry.
  it.each<[string, string, Row[]]>([
    [
      'Video, Display, Long-form',
      '00:00 Intro\n04:30 Video editing on a budget\n12:10 Display calibration\n20:45 Long-form interviews',
      [[0, 'Intro'], [270, 'Video editing on a budget'], [730, 'Display calibration'], [1245, 'Long-form interviews']],
    ],
    [
      'Win, Lead',
      '00:00 Intro\n03:15 Win of the week\n09:40 Lead generation without spam\n17:05 Outro',
      [[0, 'Intro'], [195, 'Win of the week'], [580, 'Lead generation without spam'], [1025, 'Outro']],
    ],
    [
      'German words starting with Hö/Hä (an "h" then a non-ASCII letter)',
      '00:00 Begrüßung\n04:10 Höhepunkte der Woche\n11:30 Hörerfragen\n19:45 Häufige Irrtümer',
      [[0, 'Begrüßung'], [250, 'Höhepunkte der Woche'], [690, 'Hörerfragen'], [1185, 'Häufige Irrtümer']],
    ],
    [
      'French words starting with Am/Hô',
      '00:00 Bienvenue\n05:00 Amélie raconte\n12:00 Hôtel du Nord\n20:00 Au revoir',
      [[0, 'Bienvenue'], [300, 'Amélie raconte'], [720, 'Hôtel du Nord'], [1200, 'Au revoir']],
    ],
  ])('keeps titles that begin with a unit, format or score word: %s', (_label, notes, expected) => {
    expect(rows(notes)).toEqual(expected);
  });
});

describe('title cleanup', () => {
  it.each<[string, string, string]>([
    ['markdown bold', '00:00 **Welcome**', 'Welcome'],
    ['markdown italics', '00:00 _Welcome_', 'Welcome'],
    ['wrapping double quotes', '00:00 "Welcome"', 'Welcome'],
    ['wrapping curly quotes', '00:00 “Welcome”', 'Welcome'],
    ['collapsed whitespace', '00:00    Cold \t  open   ', 'Cold open'],
    ['leading bullet after the time', '00:00 • Welcome', 'Welcome'],
    ['entities in markdown', '00:00 Welcome &amp; news', 'Welcome & news'],
    ['an ideographic space after the time (common in Japanese notes)', '00:00\u3000オープニング', 'オープニング'],
    ['a narrow no-break space around the title', '00:00 \u202fBienvenue\u202f', 'Bienvenue'],
    ['a line separator (U+2028) before the title', '00:00 \u2028Welcome', 'Welcome'],
  ])('%s', (_label, first, title) => {
    const notes = `${first}\n03:10 The tabs debate\n12:45 Listener mail`;
    expect(rows(notes)).toEqual([[0, title], [190, 'The tabs debate'], [765, 'Listener mail']]);
  });
});

describe('HTML', () => {
  it.each<[string, string]>([
    ['<br>', '00:00 Welcome<br>03:10 The tabs debate<br/>12:45 Listener mail<br />'],
    ['<p>', '<p>00:00 Welcome</p><p>03:10 The tabs debate</p><p>12:45 Listener mail</p>'],
    ['<li>', '<ul><li>00:00 Welcome</li><li>03:10 The tabs debate</li><li>12:45 Listener mail</li></ul>'],
    ['<strong> times', '<p><strong>00:00</strong> Welcome<br><strong>03:10</strong> The tabs debate<br><strong>12:45</strong> Listener mail</p>'],
    ['indented source', '<ul>\n  <li>\n    00:00 Welcome\n  </li>\n  <li>03:10   The tabs debate</li>\n  <li>12:45 Listener\n mail</li>\n</ul>'],
  ])('reads one entry per %s', (_label, html) => {
    expect(rows(html)).toEqual(THREE);
  });

  it('decodes entities (&amp; &#8211; &nbsp; &#x2019;)', () => {
    const html =
      '<p>00:00&nbsp;Q&amp;A warm-up</p><p>03:10 Before &#8211; after</p><p>12:45 We&#x2019;re done</p>';
    expect(rows(html)).toEqual([
      [0, 'Q&A warm-up'],
      [190, 'Before – after'],
      [765, 'We’re done'],
    ]);
  });

  it('drops zero-width spaces around titles', () => {
    const html = '<p>00:00 \u200bWelcome\u200b</p><p>03:10 The tabs debate</p><p>12:45 Listener mail</p>';
    expect(rows(html)).toEqual(THREE);
  });

  it('ignores <script> and <style> content', () => {
    const html =
      '<script>var demo = "00:00 Not a chapter<br>01:00 Nor this<br>02:00 Nor that";</script>' +
      '<style>.t:before { content: "05:00 styled" }</style>' +
      '<p>00:00 Welcome</p><p>03:10 The tabs debate</p><p>12:45 Listener mail</p>';
    expect(rows(html)).toEqual(THREE);
  });

  it('makes no chapters from a timeline that exists only inside <script>', () => {
    const html = '<p>Episode notes</p><script>const toc = ["00:00 One", "03:00 Two", "09:00 Three"].join("<br>");</script>';
    expect(parseTimeline(html).chapters).toEqual([]);
  });

  it('honours html: true for a fragment without block tags', () => {
    expect(rows('00:00 Welcome<br>03:10 The tabs debate<br>12:45 Listener mail', { html: true })).toEqual(THREE);
  });

  it('takes the <h2> above a lone time as its title', () => {
    const html = [
      '<h2>Welcome and news</h2><span>00:00:00</span><p><a href="https://example.com/a">Article A</a>, <a href="https://example.com/b">Article B</a></p>',
      '<h2>The deep dive</h2><span>00:01:21</span><p><a href="https://example.com/c">Paper C</a></p>',
      '<h2>Listener questions</h2><span>00:17:40</span><p>Send yours to <a href="mailto:hi@example.com">hi@example.com</a></p>',
    ].join('\n');
    expect(rows(html)).toEqual([
      [0, 'Welcome and news'],
      [81, 'The deep dive'],
      [1060, 'Listener questions'],
    ]);
  });
});

describe('a title that contains a time', () => {
  it('stays one chapter in a line list: 05:00 The 24:00 rule', () => {
    const notes = '00:00 Hello\n05:00 The 24:00 rule\n31:20 Goodbye';
    expect(rows(notes)).toEqual([
      [0, 'Hello'],
      [300, 'The 24:00 rule'],
      [1880, 'Goodbye'],
    ]);
  });
});

describe('never chapters', () => {
  const negatives: Array<[string, string]> = [
    [
      'times in URLs',
      'Watch: https://youtu.be/abc123?t=1:30\nClip: https://example.com/clips/02:15/part\nMore: https://example.com/x#t=05:40\nwww.example.org/show/12:00/notes',
    ],
    ['clock times in a sentence', 'We go live at 10:30 pm tonight, doors open 9:45 pm and the stream runs until 11:59 pm.'],
    ['a schedule with am/pm', 'Schedule:\n09:00 am Registration\n10:30 am Keynote\n12:15 pm Lunch\n01:30 pm Workshops'],
    ['a schedule with Uhr and time zones', 'Livestream:\n18:00 Uhr Einlass\n19:30 Uhr Show\n21:15 CET Aftershow'],
    ['ratios', 'We shot in 16:9, cropped to an aspect ratio of 16:10 and compared 21:09 monitor panels.'],
    ['scores', 'Weekend results:\nRavens won 27:24\nOwls lost 13:20\nFinal score 31:17 in the derby'],
    ['verse references', 'Readings this week: John 3:16, Romans 8:28 and Genesis 1:31.\nPsalm 23:10 and Luke 10:25 next week.'],
    ['verse references, one per line', 'Readings:\nJohn 3:16 – God so loved\nRomans 8:28 – All things\nMatthew 5:14 – The light'],
    ['durations', 'Duration: 1:02:03\nThe interview runs 45:00 long, the bonus lasts 12:30.'],
    ['durations with units', 'Total time 58:12\nOur longest episode was 2:10:44 hours; the shortest, 14:30 minutes.'],
    ['a lone time in a sentence', 'At the 12:30 mark she changes her mind about everything.'],
    [
      'an aspect ratio inside link text',
      'Gear we mention:\n- [16:10 monitor by Acme](https://example.com/monitor)\n- [32:10 display arm](https://example.com/arm)',
    ],
    ['clock times in prose, German', 'Wir treffen uns um 18:30 Uhr und beginnen ab 19:00 mit der Aufnahme.'],
  ];

  it.each(negatives)('no chapters from %s', (_label, notes) => {
    expect(parseTimeline(notes).chapters).toEqual([]);
  });

  // A mention is a click-to-seek link: these are not positions in the episode either.
  it.each(negatives.filter(([label]) => label !== 'a lone time in a sentence'))('no mentions from %s', (_label, notes) => {
    expect(parseTimeline(notes).mentions).toEqual([]);
  });
});

describe('mentions', () => {
  it('turns a time in prose into a mention', () => {
    const notes = 'A long chat about soil; around 45:10 she takes questions from the audience.';
    const r = parseTimeline(notes);
    expect(r.chapters).toEqual([]);
    expect(r.mentions).toEqual([{ time: 2710, text: '45:10', offset: notes.indexOf('45:10') }]);
  });

  it('keeps the prose times beside a chapter list as mentions', () => {
    const notes = [
      'Chapters',
      '00:00 Welcome',
      '03:10 The tabs debate',
      '12:45 Listener mail',
      '',
      'The best bit comes around 1:02:30 when the cat walks in, and again near 58:20.',
    ].join('\n');
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual(THREE);
    expect(r.mentions.map((m) => [m.time, m.text])).toEqual([
      [3750, '1:02:30'],
      [3500, '58:20'],
    ]);
  });

  it('drops mentions past the duration', () => {
    const r = parseTimeline('Around 45:10 she takes questions.', { duration: 1800 });
    expect(r.mentions).toEqual([]);
  });
});

describe('several timed groups', () => {
  it('prefers the chapter list over a sponsor list', () => {
    const notes = [
      'Thanks to our sponsors:',
      '00:45 Acme Mattresses',
      '28:10 Nimbus VPN',
      '',
      'Chapters:',
      '00:00 Welcome',
      '04:12 News roundup',
      '19:30 Interview with Dr. Ito',
      '41:05 Listener mail',
    ].join('\n');
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Welcome'],
      [252, 'News roundup'],
      [1170, 'Interview with Dr. Ito'],
      [2465, 'Listener mail'],
    ]);
    expect(codes(r)).toContain('several-groups');
  });

  it('prefers the chapter list over a longer transcript that restarts at 0', () => {
    const para = (who: string, topic: string) =>
      `${who}: So the thing about ${topic} is that nobody plans for it until the week before launch, and then ` +
      `everyone is surprised that the old system had quirks we never wrote down anywhere, which is why we keep ` +
      `a notebook now and read it aloud at every planning meeting.`;
    const notes = [
      'Chapters',
      '0:00 Welcome',
      '6:40 The migration',
      '22:15 What broke',
      '38:50 Lessons',
      '',
      'Transcript',
      '',
      `[0:00] ${para('Maya', 'migrations')}`,
      '',
      `[0:52] ${para('Tom', 'backups')}`,
      '',
      `[1:47] ${para('Maya', 'rollbacks')}`,
      '',
      `[2:33] ${para('Tom', 'monitoring')}`,
      '',
      `[3:20] ${para('Maya', 'on-call rotas')}`,
      '',
      `[4:05] ${para('Tom', 'feature flags')}`,
    ].join('\n');
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Welcome'],
      [400, 'The migration'],
      [1335, 'What broke'],
      [2330, 'Lessons'],
    ]);
    expect(codes(r)).toContain('several-groups');
    const warning = r.warnings.find((w) => w.code === 'several-groups');
    expect(warning?.message.length).toBeGreaterThan(0);
  });

  it('prefers an "Episode chapters" list over a track list', () => {
    const notes = [
      'Tracklist',
      '0:00 Nightcall – Aurora Vale',
      '3:42 Paper Boats – The Wrens',
      '7:15 Low Tide – Kessler',
      '10:58 Glasshouse – Mira Okon',
      '14:20 Afterglow – Ten Oaks',
      '18:05 Saltwater – June Harbor',
      '',
      'Episode chapters',
      '0:00 Intro',
      '2:30 Interview with the band',
      '16:00 Live session',
      '24:10 Outro',
    ].join('\n');
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Intro'],
      [150, 'Interview with the band'],
      [960, 'Live session'],
      [1450, 'Outro'],
    ]);
    expect(codes(r)).toContain('several-groups');
  });

  it('gives no several-groups warning for a single list', () => {
    expect(codes(parseTimeline('00:00 Welcome\n03:10 The tabs debate\n12:45 Listener mail'))).not.toContain('several-groups');
  });
});

describe('end times and duration', () => {
  const notes = '00:00 Welcome\n03:10 The tabs debate\n12:45 Listener mail';

  it('ends each chapter at the next start and leaves the last open without a duration', () => {
    const r = parseTimeline(notes);
    expect(r.chapters).toEqual([
      { startTime: 0, endTime: 190, title: 'Welcome' },
      { startTime: 190, endTime: 765, title: 'The tabs debate' },
      { startTime: 765, title: 'Listener mail' },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('ends the last chapter at the duration', () => {
    const r = parseTimeline(notes, { duration: 1500 });
    expect(r.chapters).toEqual([
      { startTime: 0, endTime: 190, title: 'Welcome' },
      { startTime: 190, endTime: 765, title: 'The tabs debate' },
      { startTime: 765, endTime: 1500, title: 'Listener mail' },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('drops chapters that start past the duration and warns', () => {
    const r = parseTimeline(`${notes}\n25:00 Bonus clip\n31:00 Outtakes`, { duration: 1400 });
    expect(r.chapters).toEqual([
      { startTime: 0, endTime: 190, title: 'Welcome' },
      { startTime: 190, endTime: 765, title: 'The tabs debate' },
      { startTime: 765, endTime: 1400, title: 'Listener mail' },
    ]);
    expect(codes(r)).toContain('past-duration');
  });

  it('reads a list of A:BB times as hours and minutes when, as minutes and seconds, it would all lie in the first sixtieth', () => {
    const show = '<p><b>00:00 Welcome</b></p><p><b>00:07 Ada from Harbourtown</b></p><p><b>00:30 News</b></p><p><b>01:05 Alan from Dockside</b> (see 1:12)</p><p><b>02:58 Goodbye</b></p>';
    const threeHours = parseTimeline(show, { html: true, duration: 3 * 3600 });
    expect(threeHours.chapters.map((c) => c.startTime)).toEqual([0, 420, 1800, 3900, 10680]);
    expect(codes(threeHours)).toContain('hours-minutes');
    // The notes' other times of that form point the same way.
    expect(threeHours.mentions.map((m) => m.time)).toEqual([4320]);
    // Without a duration, or when hours and minutes would not fit, they stay minutes and seconds.
    expect(parseTimeline(show, { html: true }).chapters.map((c) => c.startTime)).toEqual([0, 7, 30, 65, 178]);
    expect(parseTimeline(show, { html: true, duration: 3600 }).chapters.map((c) => c.startTime)).toEqual([0, 7, 30, 65, 178]);
    // A minutes-and-seconds list that ends early in a long episode is left alone.
    expect(parseTimeline('00:00 Hello\n02:30 Knots\n10:00 Sails', { duration: 7200 }).chapters.map((c) => c.startTime)).toEqual([0, 150, 600]);
  });

  it('lets the duration decide between two ascending readings of a glued time', () => {
    // "Part 120:00" is "Part" + 120:00 or "Part 1" + 20:00; both ascend, but the episode is 30 minutes long.
    const flat = 'Chapters 0:00 Hello 10:00 Part 120:00 Outro';
    expect(rows(flat, { duration: 1800 })).toEqual([
      [0, 'Hello'],
      [600, 'Part 1'],
      [1200, 'Outro'],
    ]);
  });

  it('uses the duration to read a flattened list', () => {
    // "part 21:02:03" can be "part 2" + 1:02:03 or "part" + 21:02:03; the episode is 70 minutes long.
    const flat = 'Chapters 0:00 Hello 10:00 Tooling, part 21:02:03 Q&A';
    expect(rows(flat, { duration: 4200 })).toEqual([
      [0, 'Hello'],
      [600, 'Tooling, part 2'],
      [3723, 'Q&A'],
    ]);
  });
});

describe('order', () => {
  it('sorts an unordered list and warns', () => {
    const r = parseTimeline('00:00 Intro\n12:00 Part two\n05:00 Part one\n20:00 Outro');
    expect(r.chapters.map((c) => [c.startTime, c.title, c.endTime])).toEqual([
      [0, 'Intro', 300],
      [300, 'Part one', 720],
      [720, 'Part two', 1200],
      [1200, 'Outro', undefined],
    ]);
    expect(codes(r)).toContain('unordered');
  });

  it('does not warn about order for an ascending list', () => {
    expect(codes(parseTimeline('00:00 Intro\n05:00 Part one\n12:00 Part two'))).not.toContain('unordered');
  });
});

describe('front matter', () => {
  it('ignores markdown front matter', () => {
    const notes = [
      '---',
      'title: "Episode 12: Soil"',
      'duration: "53:43"',
      'recorded: 2024-05-01 10:30',
      '---',
      '',
      '00:00 Welcome',
      '03:10 The tabs debate',
      '12:45 Listener mail',
    ].join('\n');
    const r = parseTimeline(notes);
    expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual(THREE);
    expect(r.mentions).toEqual([]);
  });
});

describe('robustness', () => {
  it.each(['', '   ', '\n\n', '<p></p>', '00:00'])('returns no chapters for %j', (notes) => {
    const r = parseTimeline(notes);
    expect(r.chapters).toEqual([]);
  });

  it('ignores a non-finite or non-positive duration', () => {
    const notes = '00:00 Welcome\n03:10 The tabs debate\n12:45 Listener mail';
    for (const duration of [Number.NaN, 0, -5, Number.POSITIVE_INFINITY]) {
      const r = parseTimeline(notes, { duration });
      expect(r.chapters.map((c) => [c.startTime, c.title])).toEqual(THREE);
      expect(r.chapters[2]!.endTime).toBeUndefined();
    }
  });
});
