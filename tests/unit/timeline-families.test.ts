// The families of real notes the timeline engine once failed on, each with invented examples of the same shape:
// human-style durations, flattened titles ending in punctuation, tables, seek links without written times,
// lists out of order, and numbers that only look like chapter times (lengths, verses, results, programmes).
import { describe, expect, it } from 'vitest';
import { parseTimeline } from '../../lib/timeline';

const rows = (input: string, html?: boolean) =>
  parseTimeline(input, html === undefined ? {} : { html }).chapters.map((c) => [c.startTime, c.title]);

describe('human-style durations leading their lines', () => {
  it('reads compact units: 0s, 2m40s, 16m27s, 1h02m30s, 1h19m', () => {
    expect(rows('0s - Cold open\n2m40s - The kettle question\n16m27s - Tea in space\n1h02m30s - Listener mail\n1h19m - Goodbyes')).toEqual([
      [0, 'Cold open'],
      [160, 'The kettle question'],
      [987, 'Tea in space'],
      [3750, 'Listener mail'],
      [4740, 'Goodbyes'],
    ]);
  });

  it('reads them in markup: bold times, a title right after a two-unit time', () => {
    expect(rows('<p><b>0m</b> - Hello</p><p><strong>2m40s</strong> Knots and hitches</p><p><b>16m27s</b> - Sails</p>', true)).toEqual([
      [0, 'Hello'],
      [160, 'Knots and hitches'],
      [987, 'Sails'],
    ]);
    expect(rows('**0s** Hello\n**2m40s** Knots\n**16m27s** Sails')).toEqual([
      [0, 'Hello'],
      [160, 'Knots'],
      [987, 'Sails'],
    ]);
  });

  it('reads spaced units and words: 1 h 2 min, 2 Min., 15 min', () => {
    expect(rows('0 min - Begrüßung\n2 Min. - Wetter\n15 min – Gartenkunde\n1 h 2 min - Verabschiedung')).toEqual([
      [0, 'Begrüßung'],
      [120, 'Wetter'],
      [900, 'Gartenkunde'],
      [3720, 'Verabschiedung'],
    ]);
  });

  it("reads 12'30\" and an hour mark after a clock time (1:02:03h)", () => {
    expect(rows("0'00\" Ouverture\n2'30\" Le marché\n12'30\" La pêche\n1:02:03h Fin")).toEqual([
      [0, 'Ouverture'],
      [150, 'Le marché'],
      [750, 'La pêche'],
      [3723, 'Fin'],
    ]);
  });

  it('reads a zero start written bare ("0s Intro")', () => {
    expect(rows('0s Hello\n2m40s Knots\n16m27s Sails')).toEqual([
      [0, 'Hello'],
      [160, 'Knots'],
      [987, 'Sails'],
    ]);
  });

  it('reads a list\'s first start written as a bare zero above clock times ("* 0: Intro")', () => {
    expect(rows('Topics:\n\n* 0: Welcome and background.\n* 15:10: Knots and ropes.\n* 19:27: Sails.')).toEqual([
      [0, 'Welcome and background.'],
      [910, 'Knots and ropes.'],
      [1167, 'Sails.'],
    ]);
    expect(rows('* 0 Harbour talk\n* 14:30: Ropes\n* 26:15: Knots')).toEqual([
      [0, 'Harbour talk'],
      [870, 'Ropes'],
      [1575, 'Knots'],
    ]);
    // A zero in prose, or before "to", or above a line that is no time, is no start.
    expect(rows('- 0 to 60 in five seconds\n- 12:00 Knots\n- 20:00 Sails')).toEqual([]);
    expect(rows('* 0 boats left\n* none came back\n* 14:30 Ropes')).toEqual([]);
  });

  it('reads a flattened list of written durations that starts at zero', () => {
    expect(rows('Chapters: 0s Hello 2m40s Knots and hitches 16m27s Sails 1h02m30s Letters')).toEqual([
      [0, 'Hello'],
      [160, 'Knots and hitches'],
      [987, 'Sails'],
      [3750, 'Letters'],
    ]);
    // Lengths in a sentence do not start at zero, and "0s and 1s" is no list: prose.
    expect(rows('I rowed 5m in the morning, 10m at noon and 15m at night.')).toEqual([]);
    expect(rows('We talk about 0s and 1s, how 5G reaches 10m homes, and why 3s of latency matters.')).toEqual([]);
  });

  it('mixes with clock times in one list', () => {
    expect(rows('00:00 Hello\n13m - Tides\n1h19m - Moon')).toEqual([
      [0, 'Hello'],
      [780, 'Tides'],
      [4740, 'Moon'],
    ]);
  });

  it('leaves lengths in prose and recipes alone', () => {
    expect(rows('- 5 minutes to whisk\n- 10 minutes to rest\n- 20 minutes to bake')).toEqual([]);
    expect(rows('13m downloads\n20m listeners\n45m minutes played')).toEqual([]);
    expect(rows('We spent 2m40s on the intro and 16m27s on the outro.')).toEqual([]);
  });

  it('keeps "10:30h" a clock time', () => {
    expect(rows('Treffen um 10:30h\nDann um 12:00h\nUnd um 15:15h')).toEqual([]);
  });

  it('does not offer written durations as mentions (only clock times are linked in the notes)', () => {
    // A lone written duration leading its line is a candidate; it is not a chapter (one entry) nor a mention.
    const r = parseTimeline('2m40s - the good part\nor 12:30.');
    expect(r.chapters).toEqual([]);
    expect(r.mentions.map((m) => m.text)).toEqual(['12:30']);
  });

  it('leaves lists of distances, days, steps and depths alone, also with separators', () => {
    expect(rows('Results:\n100m – Ada\n200m – Grace\n400m – Alan\n800m - Joan')).toEqual([]);
    expect(rows('24h - Livestream\n48h - Giveaway\n72h - Finale')).toEqual([]);
    expect(rows('Steps\n5 min - whisk eggs\n10 min - rest dough\n25 min - bake')).toEqual([]);
    expect(rows('Plan:\n- 5 min: stretch\n- 15 min: run\n- 30 min: cool down')).toEqual([]);
    expect(rows('Dive profile\n0 m - surface\n5 m - safety stop\n18 m - bottom')).toEqual([]);
    expect(rows('0h – News\n6h – Morning show\n12h – Lunch\n18h – Evening')).toEqual([]);
  });

  it('reads hours written as words and no-break spaces', () => {
    expect(rows('0 min - Hello\n30 min - Tides\n1 hour - Moon\n1 hour 20 min - Bye')).toEqual([
      [0, 'Hello'],
      [1800, 'Tides'],
      [3600, 'Moon'],
      [4800, 'Bye'],
    ]);
    expect(rows('0\u00a0min - Hello\n30\u00a0min - Tides\n45\u00a0min - Moon')).toEqual([
      [0, 'Hello'],
      [1800, 'Tides'],
      [2700, 'Moon'],
    ]);
  });

  it('reads a first start written without its zero minutes (":00-16:34 - Review")', () => {
    expect(rows(':00-16:34 - Review\n17:46-19:08 - Break\n19:38-38:19 - Letters')).toEqual([
      [0, 'Review'],
      [1066, 'Break'],
      [1178, 'Letters'],
    ]);
  });
});

describe('flattened notes', () => {
  it('starts the next entry at a time glued to a question mark', () => {
    expect(rows('Chapters: 00:00 — Hello 01:12 — Why do gulls shout?03:14 — Harbour walls 07:40 — Is salt a spice?11:34 — Knots')).toEqual([
      [0, 'Hello'],
      [72, 'Why do gulls shout?'],
      [194, 'Harbour walls'],
      [460, 'Is salt a spice?'],
      [694, 'Knots'],
    ]);
  });

  it('keeps a product name that starts with a label word ("MusicBrainz")', () => {
    expect(rows('00:00 — Hello 05:00 — Nets 09:30 — Why MusicBrainz matters')).toEqual([
      [0, 'Hello'],
      [300, 'Nets'],
      [570, 'Why MusicBrainz matters'],
    ]);
  });

  it('ends the last title where a label is glued to it ("…for goodMusic: …")', () => {
    expect(rows('00:00 — Hello 05:00 — Nets 09:30 — Gone for goodMusic: "Sea Shanty" - The Gulls About: a show by two sailors')).toEqual([
      [0, 'Hello'],
      [300, 'Nets'],
      [570, 'Gone for good'],
    ]);
  });
});

describe('flattened notes with two lists (topics with times, then the chapters)', () => {
  // The shape of an Apple page's flattened notes: a "you'll hear" list whose entries run into their descriptions, the
  // links, then a "Timestamps:" label glued to the last address and the real chapter list.
  const TOPICS =
    'Ada talks to us about tides. You’ll hear us talk about:10:45 - Rigor at SeaShe explains why charts matter.22:15 - ' +
    'Keeping Data SafeThe talk turns to logbooks.35:00 - Rules and InventionShe shares how to work with harbour masters.';
  const LINKS = 'Episode resources:Tide atlas: https://tides.example/Our courses: https://courses.example/';
  const CHAPTERS =
    'Timestamps:00:00 From Labs to Boats06:18 Thinking Like a Scientist14:03 Teaching and Openness20:52 Working Across Crews' +
    '26:54 Rules as a Frame31:46 What Comes Next';

  it('reads the chapter list, its first time glued to the address before it ("…example/Timestamps:00:00")', () => {
    expect(rows(`${TOPICS}${LINKS}${CHAPTERS}`)).toEqual([
      [0, 'From Labs to Boats'],
      [378, 'Thinking Like a Scientist'],
      [843, 'Teaching and Openness'],
      [1252, 'Working Across Crews'],
      [1614, 'Rules as a Frame'],
      [1906, 'What Comes Next'],
    ]);
  });

  it('ends each title where flattening glued the description under it ("…at SeaShe explains…")', () => {
    expect(rows(TOPICS)).toEqual([
      [645, 'Rigor at Sea'],
      [1335, 'Keeping Data Safe'],
      [2100, 'Rules and Invention'],
    ]);
    // A name with a capital inside keeps it: only a pronoun, article or possessive opening a sentence is cut at.
    expect(rows('00:00 — Hello 05:00 — Find us on LinkedIn and GitHub today 09:30 — Why MusicBrainz matters to the crew')).toEqual([
      [0, 'Hello'],
      [300, 'Find us on LinkedIn and GitHub today'],
      [570, 'Why MusicBrainz matters to the crew'],
    ]);
  });

  it('never leaves a time’s leading digits to a sentence that ends right before them ("…matter.22:15" is 22:15)', () => {
    expect(rows(TOPICS).map(([start]) => start)).toEqual([645, 1335, 2100]);
    // Read as "…matter.2" + "2:15", the topics would run on into the chapter list as one rising chain of eight.
    expect(rows(`${TOPICS} ${CHAPTERS.replace(':', ': ')}`).map(([start]) => start)).toEqual([0, 378, 843, 1252, 1614, 1906]);
    // After a digit they may still end a title ("Part 1.2", then 1:05).
    expect(rows('00:00 — Hello 00:30 — Part 1.21:05 — Knots 02:00 — Nets').map(([start, title]) => `${start} ${title}`)).toEqual(['0 Hello', '30 Part 1.2', '65 Knots', '120 Nets']);
  });
});

describe('flattened notes after a list of links', () => {
  it('starts the list at a bracketed time glued to an address, and ends it at a heading glued to a name', () => {
    const flat =
      'Links: Tide tables: https://tides.example/atlas/Chapters(00:00:00) Hello (00:04:10) Knots and hitches ' +
      '(00:19:55) Why gulls shout HostsAda Byron (https://social.example/@ada)Grace Hopper';
    expect(rows(flat)).toEqual([
      [0, 'Hello'],
      [250, 'Knots and hitches'],
      [1195, 'Why gulls shout'],
    ]);
  });

  it('keeps a time that is part of an address out', () => {
    expect(rows('Watch https://video.example/v/00:12:30 and https://video.example/v/00:14:30 later')).toEqual([]);
  });
});

describe('markup', () => {
  it('drops markdown’s escaping backslashes from titles, and keeps any other backslash', () => {
    expect(rows('00:00 Ada \\"Shipwright\\" Byron\n05:00 Think\\... then knot\n09:00 Paths like C:\\Tides stay')).toEqual([
      [0, 'Ada "Shipwright" Byron'],
      [300, 'Think... then knot'],
      [540, 'Paths like C:\\Tides stay'],
    ]);
  });

  it('reads a table row as one line: title cell, then time cell', () => {
    const table =
      '<table><tr><td><b>Topic</b></td><td><b>Start</b></td></tr><tr><td>Welcome</td><td>00:00:27</td></tr>' +
      '<tr><td>Interview "Ada - Looms"</td><td>00:02:18</td></tr><tr><td>Music "Gulls - Tide"</td><td>00:12:23</td></tr></table>';
    expect(rows(table, true)).toEqual([
      [27, 'Welcome'],
      [138, 'Interview "Ada - Looms"'],
      [743, 'Music "Gulls - Tide"'],
    ]);
  });

  it('reads a start written as an open range after its title ("Harbour (7:26~)", "Harbour 7:26〜")', () => {
    const expected = [
      [0, 'Welcome'],
      [446, 'Harbour lights'],
      [4870, 'Goodbye'],
    ];
    expect(rows('### Welcome (0:00~)\nWe say hello.\n### Harbour lights (7:26~)\nAbout lights.\n### Goodbye (1:21:10~)\n')).toEqual(expected);
    expect(rows('Welcome 0:00〜\nHarbour lights 7:26〜\nGoodbye 1:21:10〜')).toEqual(expected);
    // A range with its end is still a range: its second time starts nothing.
    expect(rows('0:00~7:26 Welcome\n7:26〜1:21:10 Harbour lights\n1:21:10 ~ 1:30:00 Goodbye')).toEqual(expected);
  });

  it('keeps an at sign that starts a title\'s word ("@dynamicLookup"), and drops one standing alone', () => {
    expect(rows('00:00:00 - Intro\n00:02:00 - Hello\n00:04:37 - @dynamicLookup\n00:14:17 - Ternary')).toEqual([
      [0, 'Intro'],
      [120, 'Hello'],
      [277, '@dynamicLookup'],
      [857, 'Ternary'],
    ]);
    expect(rows('0:00 @ Intro\n2:00 @ Hello\n4:37 - @ Lookup')).toEqual([
      [0, 'Intro'],
      [120, 'Hello'],
      [277, 'Lookup'],
    ]);
  });

  it('reads line breaks published as a literal backslash-n as line breaks, out-of-order entries included', () => {
    const escaped = 'Atlas charts tides.\\n\\n00:00 Introduction\\n00:14 Knots and ropes\\n03:40 What is Atlas?\\n22:05 Security\\n11:09 Future of Atlas\\n';
    expect(rows(escaped)).toEqual([
      [0, 'Introduction'],
      [14, 'Knots and ropes'],
      [220, 'What is Atlas?'],
      [669, 'Future of Atlas'],
      [1325, 'Security'],
    ]);
    // One literal "\n" in a code sample is text.
    expect(parseTimeline('Use printf("\\n") here.\n0:00 Hello\n2:00 Knots').chapters.map((c) => c.title)).toEqual(['Hello', 'Knots']);
  });

  it('reads a description said to be HTML but holding no markup as text with its line breaks', () => {
    expect(rows('Call us!\n   03:45 Gulls - Tide\n   14:02 Crabs - Sideways\n   28:23 Seals - Rock\n   Background music - Gulls - Ebb\n', true)).toEqual([
      [225, 'Gulls - Tide'],
      [842, 'Crabs - Sideways'],
      [1703, 'Seals - Rock'],
    ]);
  });

  it('reads tables with a numbering column, and with start and end columns', () => {
    const numbered = '<table><tr><td>1</td><td>00:00</td><td>Hello</td></tr><tr><td>2</td><td>05:00</td><td>Knots</td></tr><tr><td>3</td><td>10:00</td><td>Sails</td></tr></table>';
    const ranges = '<table><tr><td>00:00</td><td>05:00</td><td>Hello</td></tr><tr><td>05:00</td><td>10:00</td><td>Knots</td></tr><tr><td>10:00</td><td>15:00</td><td>Sails</td></tr></table>';
    const expected = [
      [0, 'Hello'],
      [300, 'Knots'],
      [600, 'Sails'],
    ];
    expect(rows(numbered, true)).toEqual(expected);
    expect(rows(ranges, true)).toEqual(expected);
  });

  it('reads times whose colon is a character reference', () => {
    expect(rows('<p>00&colon;00 Hello<br>05&colon;00 Knots<br>10&#058;00 Sails<br>15&#x3A;00 Stars</p>', true)).toEqual([
      [0, 'Hello'],
      [300, 'Knots'],
      [600, 'Sails'],
      [900, 'Stars'],
    ]);
  });

  it('reads unclosed and mis-nested entries the way a browser shows them', () => {
    const broken =
      '<ul><li><a href="/x"><strong>00:00</a></strong> Hello<li><span>05:10 Ropes<li>10:20 Sails</ul>' +
      '<div>15:00 Charts</div><p>20:00 Stars<div><b>25:00</i> Home</b>';
    expect(rows(broken, true)).toEqual([
      [0, 'Hello'],
      [310, 'Ropes'],
      [620, 'Sails'],
      [900, 'Charts'],
      [1200, 'Stars'],
      [1500, 'Home'],
    ]);
  });
});

describe('seek links', () => {
  it('takes times written only as t= links, the title in or beside the link, mixed with plain entries', () => {
    const html =
      '<ul><li><a href="https://pod.example/ep?t=0">Hello</a></li><li><a href="https://pod.example/ep?t=125">Ropes</a> and knots</li>' +
      '<li>Sails <a href="https://pod.example/ep?t=900">listen</a></li><li>20:00 Stars</li></ul>';
    expect(rows(html, true)).toEqual([
      [0, 'Hello'],
      [125, 'Ropes and knots'],
      [900, 'Sails'],
      [1200, 'Stars'],
    ]);
  });

  it('drops an echo of the start in seconds that closes a linked title ("Ropes (125s)"), and keeps other numbers', () => {
    const html =
      '<h2>Sections</h2><ul><li><a href="https://video.example/watch?v=abc&amp;t=0s">Hello (0s)</a></li>' +
      '<li><a href="https://video.example/watch?v=abc&amp;t=125s">Ropes and knots (125s)</a></li>' +
      '<li><a href="https://video.example/watch?v=abc&amp;t=900s">Top 10 sails (30s)</a></li></ul>';
    expect(rows(html, true)).toEqual([
      [0, 'Hello'],
      [125, 'Ropes and knots'],
      [900, 'Top 10 sails (30s)'],
    ]);
  });

  it('takes markdown #t= links that follow their titles ("… starts at [4:29](#t=4:29)")', () => {
    const md =
      '- [Series](https://blog.example/series)\n- [Part one](https://blog.example/1) starts at [4:29](#t=4:29)\n' +
      '- [Part two](https://blog.example/2) starts at [33:48](#t=33:48)\n- Part three (soon) begins at [52:26](#t=52:26)';
    expect(rows(md)).toEqual([
      [269, 'Part one'],
      [2028, 'Part two'],
      [3146, 'Part three (soon)'],
    ]);
  });

  it('does not take links to other videos as chapters', () => {
    expect(rows('- [Ada talk](https://video.example/abc?t=120)\n- [Grace interview](https://video.example/def?t=45)\n- [Turing lecture](https://video.example/ghi?t=900)')).toEqual([]);
    expect(rows('- [Hello](https://video.example/abc?t=0)\n- [Knots](https://video.example/abc?t=45)\n- [Sails](https://video.example/abc?t=900)')).toEqual([
      [0, 'Hello'],
      [45, 'Knots'],
      [900, 'Sails'],
    ]);
  });

  it('ignores a link that shows an address, whatever its query says', () => {
    const html = '<p>00:00 Hello</p><p>05:00 Ropes</p><p>Visit <a href="https://pod.example/?t=10:00">pod.example</a></p><p>15:00 Sails</p>';
    expect(rows(html, true)).toEqual([
      [0, 'Hello'],
      [300, 'Ropes'],
      [900, 'Sails'],
    ]);
  });
});

describe('order and consistency', () => {
  it('keeps a list written out of order whole, sorted', () => {
    expect(rows('00:00 Hello\n05:00 News\n30:00 Interview\n12:00 Letters\n40:00 Picks\n50:00 Bye')).toEqual([
      [0, 'Hello'],
      [300, 'News'],
      [720, 'Letters'],
      [1800, 'Interview'],
      [2400, 'Picks'],
      [3000, 'Bye'],
    ]);
  });

  it('keeps one entry out of place in a list of headings with paragraphs between them', () => {
    const notes = ['## Welcome (0:00)', 'We say hello.', '## Knots (10:00)', 'Two knots.', '## Sails (50:00)', 'A typo in the time.', '## Masts (20:00)', 'Tall ones.', '## Bye (30:00)', 'See you.'].join('\n');
    expect(rows(notes)).toEqual([
      [0, 'Welcome'],
      [600, 'Knots'],
      [1200, 'Masts'],
      [1800, 'Bye'],
      [3000, 'Sails'],
    ]);
  });

  it('starts another list at a step back after a break, so a sponsor list is not merged in', () => {
    expect(rows('00:00 Hello\n05:00 Knots\n20:00 Sails\n45:00 Bye\n\nSponsors:\n12:30 Rope Co\n38:00 Sail Co')).toEqual([
      [0, 'Hello'],
      [300, 'Knots'],
      [1200, 'Sails'],
      [2700, 'Bye'],
    ]);
    expect(rows('00:00 Hello\n10:00 Knots\n\n5 min - time to brew\n15 min – time to steep')).toEqual([
      [0, 'Hello'],
      [600, 'Knots'],
    ]);
  });

  it('keeps lists with shared starts, dated titles that start at zero, and short announced lists', () => {
    expect(rows('00:00 Hello\n00:00 Cold open\n10:00 Knots\n10:00 Ropes\n20:00 Sails\n30:00 Bye')).toHaveLength(6);
    expect(rows('00:00 June 6, 1944: Landing\n12:00 August 6, 1945: The bomb\n25:00 Q&A')).toHaveLength(3);
    expect(rows('Chapters\n06:00 Interview\n08:00 Q&A\n10:00 Mail\n11:00 Outro')).toHaveLength(4);
    expect(rows('Chapters\n01:10 Headlines\n01:50 Weather\n02:10 Sports')).toHaveLength(3);
  });

  it('cuts a lower-case connector right before the time, not a title word or one before a separator', () => {
    expect(rows('Breathing starts at 00:00\nChanting Om - 10:00\nWhere it\'s at - 20:00')).toEqual([
      [0, 'Breathing'],
      [600, 'Chanting Om'],
      [1200, "Where it's at"],
    ]);
  });

  it('reads a title-first entry whose time is followed by a short note in brackets ("Banana Tune 4:26 (Incomplete)")', () => {
    expect(rows('Apple Song 0:45\nBanana Tune 4:26 (Incomplete)\nCherry Jam 12:32 (first live since 2011)\nDate Dance 18:42')).toEqual([
      [45, 'Apple Song'],
      [266, 'Banana Tune'],
      [752, 'Cherry Jam'],
      [1122, 'Date Dance'],
    ]);
    // A time in the brackets is another time, not a note.
    expect(rows('Apple Song 0:45\nBanana Tune 4:26 (4:30 live)\nDate Dance 8:42').map(([t]) => t)).not.toContain(266);
  });

  it('gives a time alone on its line the title above it when that line introduces it or sits closer', () => {
    // The title ends with a colon and an empty line parts each entry from the next.
    const colons = ['Opening:', ' 00:00', '', 'Harbour walk:', ' 04:36', '', 'Buoys:', ' 17:46', '', 'Questions:', ' 31:02'].join('\n');
    expect(rows(colons)).toEqual([
      [0, 'Opening'],
      [276, 'Harbour walk'],
      [1066, 'Buoys'],
      [1862, 'Questions'],
    ]);
    // Titles without colons, each right above its time, an empty line below.
    const grouped = ['开场介绍', ' 00:00', '', '港口的日常？', ' 04:36', '', '工具推荐（三款）', ' 17:46'].join('\n');
    expect(rows(grouped)).toEqual([
      [0, '开场介绍'],
      [276, '港口的日常？'],
      [1066, '工具推荐（三款）'],
    ]);
    // Colons on both sides and no empty lines: the lines that leave no time without a title.
    expect(rows('Opening:\n00:00\nHarbour walk:\n04:36\nBuoys:\n17:46')).toEqual([
      [0, 'Opening'],
      [276, 'Harbour walk'],
      [1066, 'Buoys'],
    ]);
    expect(rows('Timestamps:\n00:00\nIntro:\n04:36\nHarbour walk:\n17:46\nBuoys:')).toEqual([
      [0, 'Intro'],
      [276, 'Harbour walk'],
      [1066, 'Buoys'],
    ]);
    // Times above their titles, an empty line between entries: still the line below.
    expect(rows('Chapters:\n00:00\nIntro\n\n04:36\nHarbour walk\n\n17:46\nBuoys')).toEqual([
      [0, 'Intro'],
      [276, 'Harbour walk'],
      [1066, 'Buoys'],
    ]);
  });

  it('keeps one list when a few of its entries write the title and time on one line amid times alone under their titles', () => {
    const notes = ['Opening:', ' 00:00', '', 'Harbour walk:', ' 04:36', '', 'Buoys:', ' 17:46', '', 'Shortcuts: 25:10', '', 'Questions:', ' 31:02', '', 'Goodbye:', ' 40:00'].join('\n');
    expect(rows(notes)).toEqual([
      [0, 'Opening'],
      [276, 'Harbour walk'],
      [1066, 'Buoys'],
      [1510, 'Shortcuts'],
      [1862, 'Questions'],
      [2400, 'Goodbye'],
    ]);
  });

  it('leaves out a seek link into another video that goes back amid timed headings', () => {
    const notes = ['## 1:12 Harbours', '', '- [Harbour list](https://harbour.example/)', '', '## 22:51 Buoys', '', '- [Buoy talk](https://video.example/watch?v=abc&t=69) (the dog)', '', '## 46:49 Storms', '', '## 1:08:57 Boats', '', '## 1:21:48 Nets'].join('\n');
    expect(rows(notes)).toEqual([
      [72, 'Harbours'],
      [1371, 'Buoys'],
      [2809, 'Storms'],
      [4137, 'Boats'],
      [4908, 'Nets'],
    ]);
  });

  it('does not read track lengths after song titles as starts', () => {
    const list = Array.from({ length: 8 }, (_, i) => `${i + 1}. Band ${i} - Song ${i} (${3 + ((i * 7) % 3)}:${String((i * 13) % 60).padStart(2, '0')})`).join('\n');
    expect(rows(list)).toEqual([]);
    expect(rows('Playlist:\nGulls - Tide (3:55)\nCrabs - Sideways (4:12)\nSeals - Rock (5:01)\nTerns - Air (5:30)')).toEqual([]);
  });

  it('keeps track lengths inside the titles of a real chapter list', () => {
    expect(rows('00:00 Hello\n03:10 Song One (3:55)\n07:05 Song Two (4:12)\n11:17 Bye')).toEqual([
      [0, 'Hello'],
      [190, 'Song One (3:55)'],
      [425, 'Song Two (4:12)'],
      [677, 'Bye'],
    ]);
  });

  it('does not read times under addresses of other episodes as chapters, and keeps a list under one address', () => {
    const pointers = [
      'Where we talked about tides before:',
      '  - ep32 Harbour year | harbour.example',
      '    - https://harbour.example/episodes/32/',
      '    - 49:17 ~',
      '    - Why the buoys drift',
      '  - ep39 Harbour month | harbour.example',
      '    - https://harbour.example/episodes/39/',
      '    - 1:01:11 ~',
      '    - The storm',
      '  - ep50 Harbour month | harbour.example',
      '    - https://harbour.example/episodes/50/',
      '    - 1:21:50',
      '    - After the storm',
    ].join('\n');
    expect(rows(pointers)).toEqual([]);
    const own = ['Listen: https://harbour.example/episodes/60/', '', '0:00', 'Welcome', '12:00', 'Buoys', '30:00', 'Storms'].join('\n');
    expect(rows(own)).toEqual([
      [0, 'Welcome'],
      [720, 'Buoys'],
      [1800, 'Storms'],
    ]);
  });

  it('does not read verse numbers as chapters', () => {
    const verses = Array.from({ length: 12 }, (_, i) => `1:${i + 1}\tVerse text number ${i + 1}.`).join('\n');
    expect(rows(verses)).toEqual([]);
  });

  it('does not read a programme of dated events at clock times as chapters', () => {
    expect(rows('Coming up:\n9 October: Harbour fair (16:30)\n10 October: Boat race (17:00)\n12 October: Quiz night (19:30)')).toEqual([]);
    expect(rows('Termine:\n09.10.: Hafenfest 16:30\n10.10.: Regatta 17:00\n12.10.: Quiz 19:30')).toEqual([]);
  });

  it('does not read two results far from the start as a list, but takes two announced or early entries', () => {
    expect(rows('Race report\nReal time: 3:44:32\nOfficial time: 3:57:42')).toEqual([]);
    expect(rows('Chapters\n25:00 Interview\n48:00 Questions')).toEqual([
      [1500, 'Interview'],
      [2880, 'Questions'],
    ]);
    expect(rows('00:00 Hello\n12:00 Interview')).toEqual([
      [0, 'Hello'],
      [720, 'Interview'],
    ]);
  });
});
