import { describe, expect, it } from 'vitest';
import {
  CHAPTER_FORMATS,
  formatChapters,
  toMarkdown,
  toPodcastingJson,
  toPodloveSimpleChapters,
  toWebVtt,
  toYoutubeLines,
} from '../../lib/timeline/formats';
import type { Chapter } from '../../lib/timeline/types';

const basic: Chapter[] = [
  { startTime: 0, title: 'Intro' },
  { startTime: 190, title: 'Middle' },
  { startTime: 765, title: 'End' },
];

const long: Chapter[] = [
  { startTime: 0, title: 'Cold open' },
  { startTime: 1800, title: 'Halfway' },
  { startTime: 3725, title: 'Late' },
];

describe('toPodcastingJson', () => {
  it('writes version 1.2.0 and only the fields a chapter has', () => {
    expect(toPodcastingJson(basic)).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Intro' },
        { startTime: 190, title: 'Middle' },
        { startTime: 765, title: 'End' },
      ],
    });
    for (const c of toPodcastingJson(basic).chapters) {
      expect(Object.keys(c)).toEqual(['startTime', 'title']);
    }
  });

  it('keeps url and endTime, in startTime, title, url, endTime order', () => {
    const out = toPodcastingJson([
      { endTime: 95.5, url: 'https://example.com/a', title: 'Links', startTime: 0 },
      { startTime: 95.5, title: 'Tail', endTime: 300 },
    ]);
    expect(JSON.stringify(out)).toBe(
      '{"version":"1.2.0","chapters":[' +
        '{"startTime":0,"title":"Links","url":"https://example.com/a","endTime":95.5},' +
        '{"startTime":95.5,"title":"Tail","endTime":300}]}',
    );
  });

  it('writes an empty list', () => {
    expect(toPodcastingJson([])).toEqual({ version: '1.2.0', chapters: [] });
  });
});

describe('toWebVtt', () => {
  it('ends each cue at the next start and the last one a minute later when nothing else is known', () => {
    expect(toWebVtt(basic)).toBe(
      [
        'WEBVTT',
        '',
        '1',
        '00:00:00.000 --> 00:03:10.000',
        'Intro',
        '',
        '2',
        '00:03:10.000 --> 00:12:45.000',
        'Middle',
        '',
        '3',
        '00:12:45.000 --> 00:13:45.000',
        'End',
      ].join('\n'),
    );
  });

  it('ends the last cue at the duration', () => {
    expect(toWebVtt(basic, { duration: 800 }).split('\n').slice(-2)).toEqual(['00:12:45.000 --> 00:13:20.000', 'End']);
  });

  it('prefers a chapter endTime over the next start and the duration', () => {
    const out = toWebVtt(
      [
        { startTime: 0, title: 'A', endTime: 100 },
        { startTime: 120, title: 'B', endTime: 200 },
      ],
      { duration: 900 },
    );
    expect(out).toBe('WEBVTT\n\n1\n00:00:00.000 --> 00:01:40.000\nA\n\n2\n00:02:00.000 --> 00:03:20.000\nB');
  });

  it('ignores a duration that does not come after the last start', () => {
    expect(toWebVtt([{ startTime: 100, title: 'Only' }], { duration: 50 })).toBe(
      'WEBVTT\n\n1\n00:01:40.000 --> 00:02:40.000\nOnly',
    );
  });

  it('writes hours and milliseconds', () => {
    expect(toWebVtt([{ startTime: 3723.5, title: 'Late', endTime: 3725.25 }])).toBe(
      'WEBVTT\n\n1\n01:02:03.500 --> 01:02:05.250\nLate',
    );
  });

  it('keeps "-->" and line breaks out of titles', () => {
    expect(toWebVtt([{ startTime: 0, title: 'Before --> after\nsecond\r\nthird', endTime: 10 }])).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:10.000\nBefore → after second third',
    );
  });

  it('leaves < and & alone: chapter titles are plain text, not cue markup', () => {
    expect(toWebVtt([{ startTime: 0, title: 'Q&A <live>', endTime: 10 }])).toMatch(/\nQ&A <live>$/);
  });

  it('names a chapter with a blank title so the cue keeps a title line', () => {
    expect(toWebVtt([{ startTime: 0, title: ' ', endTime: 10 }])).toBe('WEBVTT\n\n1\n00:00:00.000 --> 00:00:10.000\nChapter 1');
  });

  it('writes only the header for an empty list', () => {
    expect(toWebVtt([])).toBe('WEBVTT');
  });
});

describe('toYoutubeLines', () => {
  it('writes M:SS Title lines', () => {
    expect(toYoutubeLines(basic)).toBe('0:00 Intro\n3:10 Middle\n12:45 End');
  });

  it('uses hours on every line once one start needs them', () => {
    expect(toYoutubeLines(long)).toBe('0:00:00 Cold open\n0:30:00 Halfway\n1:02:05 Late');
  });

  it('drops fractions of a second, rounding down', () => {
    expect(toYoutubeLines([{ startTime: 0.4, title: 'A' }, { startTime: 190.9, title: 'B' }])).toBe('0:00 A\n3:10 B');
  });

  it('keeps each chapter on one line', () => {
    expect(toYoutubeLines([{ startTime: 0, title: 'Two\nlines' }])).toBe('0:00 Two lines');
  });

  it('writes nothing for an empty list', () => {
    expect(toYoutubeLines([])).toBe('');
  });
});

describe('toMarkdown', () => {
  it('writes bold times and links titles that have a url', () => {
    expect(
      toMarkdown([
        { startTime: 0, title: 'Intro' },
        { startTime: 190, title: 'Middle', url: 'https://example.com/a?b=1' },
      ]),
    ).toBe('- **0:00** Intro\n- **3:10** [Middle](https://example.com/a?b=1)');
  });

  it('uses hours on every line once one start needs them', () => {
    expect(toMarkdown(long)).toBe('- **0:00:00** Cold open\n- **0:30:00** Halfway\n- **1:02:05** Late');
  });

  it('escapes brackets and backslashes in titles', () => {
    expect(toMarkdown([{ startTime: 0, title: 'See [1] and C:\\dir' }])).toBe('- **0:00** See \\[1\\] and C:\\\\dir');
    expect(toMarkdown([{ startTime: 0, title: 'A [b]', url: 'https://example.com' }])).toBe(
      '- **0:00** [A \\[b\\]](https://example.com)',
    );
  });

  it('percent-encodes spaces and parentheses that would end the link destination', () => {
    expect(toMarkdown([{ startTime: 0, title: 'Wiki', url: 'https://en.wikipedia.org/wiki/Foo_(bar) baz' }])).toBe(
      '- **0:00** [Wiki](https://en.wikipedia.org/wiki/Foo_%28bar%29%20baz)',
    );
  });

  it('writes nothing for an empty list', () => {
    expect(toMarkdown([])).toBe('');
  });
});

describe('toPodloveSimpleChapters', () => {
  it('writes one psc:chapter per chapter, with href only when there is a url', () => {
    expect(
      toPodloveSimpleChapters([
        { startTime: 0, title: 'Intro' },
        { startTime: 3723.5, title: 'Links', url: 'https://example.com/' },
      ]),
    ).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">',
        '  <psc:chapter start="00:00:00.000" title="Intro"/>',
        '  <psc:chapter start="01:02:03.500" title="Links" href="https://example.com/"/>',
        '</psc:chapters>',
      ].join('\n'),
    );
  });

  it('escapes attribute text', () => {
    const out = toPodloveSimpleChapters([
      { startTime: 0, title: `Q&A <live> "quoted" 'single'`, url: 'https://example.com/?a=1&b="2"' },
    ]);
    expect(out.split('\n')[2]).toBe(
      '  <psc:chapter start="00:00:00.000" title="Q&amp;A &lt;live&gt; &quot;quoted&quot; &apos;single&apos;"' +
        ' href="https://example.com/?a=1&amp;b=&quot;2&quot;"/>',
    );
  });

  it('drops line breaks and characters XML cannot hold', () => {
    const out = toPodloveSimpleChapters([{ startTime: 0, title: 'a\nb\u0007c' }]);
    expect(out.split('\n')[2]).toBe('  <psc:chapter start="00:00:00.000" title="a bc"/>');
  });

  it('writes an empty chapters element for an empty list', () => {
    expect(toPodloveSimpleChapters([])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">\n' +
        '</psc:chapters>',
    );
  });
});

describe('formatChapters', () => {
  it('lists the formats', () => {
    expect(CHAPTER_FORMATS).toEqual(['json', 'vtt', 'youtube', 'md', 'psc']);
  });

  it('pretty-prints json with two spaces and a final newline', () => {
    expect(formatChapters([{ startTime: 0, title: 'Intro', url: 'https://example.com' }], 'json')).toBe(
      '{\n  "version": "1.2.0",\n  "chapters": [\n    {\n      "startTime": 0,\n' +
        '      "title": "Intro",\n      "url": "https://example.com"\n    }\n  ]\n}\n',
    );
    expect(formatChapters([], 'json')).toBe('{\n  "version": "1.2.0",\n  "chapters": []\n}\n');
  });

  it('ends every format with one newline', () => {
    for (const format of CHAPTER_FORMATS) {
      const out = formatChapters(basic, format);
      expect(out.endsWith('\n') && !out.endsWith('\n\n'), format).toBe(true);
    }
  });

  it('dispatches to the writers', () => {
    expect(formatChapters(basic, 'vtt', { duration: 800 })).toBe(`${toWebVtt(basic, { duration: 800 })}\n`);
    expect(formatChapters(basic, 'youtube')).toBe('0:00 Intro\n3:10 Middle\n12:45 End\n');
    expect(formatChapters(basic, 'md')).toBe(`${toMarkdown(basic)}\n`);
    expect(formatChapters(basic, 'psc')).toBe(`${toPodloveSimpleChapters(basic)}\n`);
  });

  it('writes the empty string, not a blank line, for an empty line list', () => {
    expect(formatChapters([], 'youtube')).toBe('');
    expect(formatChapters([], 'md')).toBe('');
    expect(formatChapters([], 'vtt')).toBe('WEBVTT\n');
  });
});
