import { describe, expect, it } from 'vitest';
import { fixture, fixtureUrl, parse } from '../fixture-pages';
import { findProgressBar, initialVideoDetails, youtube } from '../../../lib/players/youtube';
import { assignedObject, balancedObject } from '../../../lib/players/object-literal';
import { parseTimeline } from '../../../lib/timeline';

const WATCH_URL = new URL('https://www.youtube.com/watch?v=abcDEF12345');
const NEXT_URL = new URL('https://www.youtube.com/watch?v=ghiJKL67890');
const OWN_URL = new URL('https://www.youtube.com/watch?v=mnoPQR24680');
const STARTS = [35, 262, 605, 1130, 1582];

const watchPage = (): Document => parse(fixture('youtube/watch.html'));
const starts = (notes: string): number[] => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

/** What YouTube leaves while the description is not rendered yet: the expander with empty halves. */
function emptyDescription(doc: Document): Document {
  for (const half of Array.from(doc.querySelectorAll('#description-inline-expander #snippet, #description-inline-expander #expanded'))) {
    half.innerHTML = '';
  }
  return doc;
}

/** The fixture's fake SPA navigation, done by hand: linkedom runs no page scripts. */
function navigateToNext(doc: Document): Document {
  const link = (s: number, text: string) => `<span><a class="yt-core-attributed-string__link" href="/watch?v=ghiJKL67890&amp;t=${s}s">${text}</a></span>`;
  const lines = `Teodor has opinions about gulls.\n\nIntro - ${link(0, '0:00')}\nHerring gulls - ${link(190, '3:10')}\nKittiwakes - ${link(585, '9:45')}\nThe chip thief - ${link(980, '16:20')}\nGoodbye - ${link(1445, '24:05')}`;
  doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'ghiJKL67890');
  doc.querySelector('ytd-watch-metadata h1 yt-formatted-string')!.textContent = 'Gulls, a field guide — The Tiny Harbour #13';
  doc.querySelector('#description-inline-expander #expanded')!.innerHTML = `<span class="yt-core-attributed-string--white-space-pre-wrap">${lines}</span>`;
  doc.querySelector('#description-inline-expander #snippet')!.innerHTML = '<span>Teodor has opinions about gulls.</span>';
  return doc;
}

describe('youtube: watch page', () => {
  it('reads title, channel, duration and the rendered description', () => {
    const ep = youtube.readEpisode(watchPage(), WATCH_URL)!;
    expect(ep).toMatchObject({
      title: 'Harbour Lights at Night — The Tiny Harbour #12',
      show: 'The Tiny Harbour',
      duration: 1805,
      url: 'https://www.youtube.com/watch?v=abcDEF12345',
    });
    const { chapters } = parseTimeline(ep.notes, { html: true, duration: ep.duration });
    expect(chapters.map((c) => c.startTime)).toEqual(STARTS);
    expect(chapters.map((c) => c.title)).toEqual([
      'Why the lamps are green and red',
      "The lighthouse keeper's cat",
      'Fog signals, ranked',
      'Listener question: do boats dream?',
      'Goodnight, harbour',
    ]);
  });

  it('keeps the description\'s lines and time links, and nothing outside it', () => {
    const { notes } = youtube.readEpisode(watchPage(), WATCH_URL)!;
    expect(notes).toContain('<a href="/watch?v=abcDEF12345&amp;t=262s">4:22</a> The lighthouse keeper\'s cat<br>');
    expect(notes).not.toContain('style=');
    expect(notes).not.toContain('1,204 views');
    expect(notes).not.toContain('1:39');
    expect(notes).not.toContain('...more');
  });

  it('prefers the expanded description, then the snippet', () => {
    const doc = watchPage();
    expect(youtube.notesElement(doc)?.id).toBe('expanded');
    doc.querySelector('#expanded')!.innerHTML = ' ';
    expect(youtube.notesElement(doc)?.id).toBe('snippet');
    // The snippet holds one timed line: a mention, not a chapter list.
    const { chapters, mentions } = parseTimeline(youtube.readEpisode(doc, WATCH_URL)!.notes, { html: true });
    expect(chapters).toEqual([]);
    expect(mentions.map((m) => m.time)).toEqual([35]);
  });

  it('finds the main video and anchors the panel after the metadata block', () => {
    const doc = watchPage();
    const video = youtube.media(doc)!;
    expect(video.getAttribute('src')).toBe('https://media.earmark.test/youtube.mp3');
    expect(video.closest('#movie_player')).not.toBeNull();
    expect(youtube.panelAnchor(doc)?.localName).toBe('ytd-watch-metadata');
  });

  it('finds the main progress bar, never the hover preview\'s', () => {
    const doc = watchPage();
    const bar = youtube.progressBar(doc)!;
    expect(bar.closest('#movie_player')).not.toBeNull();
    expect(bar.closest('#video-preview')).toBeNull();
    doc.querySelector('#movie_player')!.remove();
    expect(youtube.progressBar(doc)).toBeNull();
  });

  it('skips progress bars without a layout box', () => {
    const doc = watchPage();
    const main = doc.querySelector('#movie_player .ytp-progress-bar')!;
    expect(findProgressBar(doc, (el) => el !== main)).toBeNull();
    // A second, shown bar in the player (the big-mode duplicate) is taken instead of a hidden first one.
    const second = main.cloneNode(true) as Element;
    main.parentElement!.append(second);
    expect(findProgressBar(doc, (el) => el !== main)).toBe(second);
    // Real layout: a zero-size box is hidden.
    Object.defineProperty(main, 'offsetWidth', { value: 0 });
    Object.defineProperty(main, 'offsetHeight', { value: 5 });
    Object.defineProperty(second, 'offsetWidth', { value: 640 });
    Object.defineProperty(second, 'offsetHeight', { value: 5 });
    expect(youtube.progressBar(doc)).toBe(second);
  });

  it('sees no chapters of YouTube\'s own on a description YouTube would not make chapters of', () => {
    expect(youtube.hasOwnChapters!(watchPage())).toBe(false);
  });

  it('formats links with its own time parameter', () => {
    expect(youtube.linkAt!(WATCH_URL.href, 754.6)).toBe('https://www.youtube.com/watch?v=abcDEF12345&t=754s');
    expect(youtube.linkAt!('https://www.youtube.com/watch?v=abcDEF12345&t=10s&list=PL1', 5)).toBe(
      'https://www.youtube.com/watch?v=abcDEF12345&t=5s',
    );
  });

  it('listens for YouTube\'s navigation event', () => {
    expect(youtube.navigationEvents).toEqual(['yt-navigate-finish']);
  });
});

describe('youtube: own chapters', () => {
  it('sees YouTube\'s own chapters', () => {
    const doc = parse(fixture('youtube/own-chapters.html'));
    expect(youtube.hasOwnChapters!(doc)).toBe(true);
    const ep = youtube.readEpisode(doc, OWN_URL)!;
    expect(ep).toMatchObject({ title: 'Tides, Explained Badly — The Tiny Harbour #11', show: 'The Tiny Harbour', duration: 1260 });
    expect(starts(ep.notes)).toEqual([0, 215, 610, 965]);
  });

  it('counts either sign on its own', () => {
    const titleOnly = parse(fixture('youtube/own-chapters.html'));
    titleOnly.querySelector('ytd-macro-markers-list-renderer')!.remove();
    expect(youtube.hasOwnChapters!(titleOnly)).toBe(true);
    const panelOnly = parse(fixture('youtube/own-chapters.html'));
    panelOnly.querySelector('.ytp-chapter-title-content')!.textContent = '  ';
    expect(youtube.hasOwnChapters!(panelOnly)).toBe(true);
    panelOnly.querySelector('ytd-macro-markers-list-renderer #contents')!.innerHTML = '';
    expect(youtube.hasOwnChapters!(panelOnly)).toBe(false);
  });
});

describe('youtube: ytInitialPlayerResponse is a fallback for its own video only', () => {
  it('reads shortDescription when the description has not rendered', () => {
    const ep = youtube.readEpisode(emptyDescription(watchPage()), WATCH_URL)!;
    expect(ep.title).toBe('Harbour Lights at Night — The Tiny Harbour #12');
    expect(ep.duration).toBe(1805);
    expect(ep.notes).toContain('0:35 Why the lamps are green and red<br>');
    expect(starts(ep.notes)).toEqual(STARTS);
  });

  it('escapes the plain-text description', () => {
    const doc = emptyDescription(watchPage());
    const script = Array.from(doc.querySelectorAll('script')).find((s) => s.textContent!.includes('ytInitialPlayerResponse'))!;
    const response = { videoDetails: { videoId: 'abcDEF12345', title: 'T', lengthSeconds: '60', shortDescription: 'a & b\n<script>x</script>\n"q"' } };
    script.textContent = `var ytInitialPlayerResponse = ${JSON.stringify(response)};`;
    expect(youtube.readEpisode(doc, WATCH_URL)!.notes).toBe('a &amp; b<br>\n&lt;script&gt;x&lt;/script&gt;<br>\n&quot;q&quot;');
  });

  it('ignores it once the address names another video (SPA navigation)', () => {
    const doc = emptyDescription(watchPage());
    doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'ghiJKL67890');
    expect(initialVideoDetails(doc, 'ghiJKL67890')).toBeUndefined();
    expect(youtube.readEpisode(doc, NEXT_URL)).toBeUndefined();
  });

  it('reads the re-rendered page after SPA navigation, without the stale duration', () => {
    const doc = navigateToNext(watchPage());
    const ep = youtube.readEpisode(doc, NEXT_URL)!;
    expect(ep.title).toBe('Gulls, a field guide — The Tiny Harbour #13');
    expect(ep.url).toBe(NEXT_URL.href);
    expect(ep.duration).toBeUndefined();
    const { chapters } = parseTimeline(ep.notes, { html: true });
    expect(chapters.map((c) => c.startTime)).toEqual([0, 190, 585, 980, 1445]);
    expect(chapters.map((c) => c.title)).toEqual(['Intro', 'Herring gulls', 'Kittiwakes', 'The chip thief', 'Goodbye']);
  });

  it('takes the duration from the video when the inline data is stale', () => {
    const doc = navigateToNext(watchPage());
    Object.defineProperty(youtube.media(doc)!, 'duration', { value: 1500 });
    expect(youtube.readEpisode(doc, NEXT_URL)?.duration).toBe(1500);
  });

  it('waits while the page still shows the previous video', () => {
    // The address changed first; ytd-watch-flexy still carries the old id and the old description.
    expect(youtube.readEpisode(watchPage(), NEXT_URL)).toBeUndefined();
  });

  it('tolerates broken or hostile inline data', () => {
    for (const text of [
      'var ytInitialPlayerResponse = {"videoDetails":{"videoId":"abcDEF12345"',
      'var ytInitialPlayerResponse = {"videoDetails":{"videoId":"abcDEF12345",}};',
      'var ytInitialPlayerResponse = {"videoDetails":{"videoId":"<script>"}};',
      'var ytInitialPlayerResponse = {"videoDetails":[]};',
      'var ytInitialPlayerResponse = null;',
    ]) {
      const doc = emptyDescription(watchPage());
      const script = Array.from(doc.querySelectorAll('script')).find((s) => s.textContent!.includes('ytInitialPlayerResponse'))!;
      script.textContent = text;
      expect(initialVideoDetails(doc, 'abcDEF12345'), text).toBeUndefined();
      expect(youtube.readEpisode(doc, WATCH_URL), text).toBeUndefined();
    }
  });

  it('keeps the fields that validate when others do not', () => {
    const doc = emptyDescription(watchPage());
    const script = Array.from(doc.querySelectorAll('script')).find((s) => s.textContent!.includes('ytInitialPlayerResponse'))!;
    script.textContent = 'var ytInitialPlayerResponse = {"videoDetails":{"videoId":"abcDEF12345","lengthSeconds":"-5","shortDescription":"0:00 A\\n1:00 B\\n2:00 C"}};';
    const ep = youtube.readEpisode(doc, WATCH_URL)!;
    expect(ep.duration).toBeUndefined();
    expect(starts(ep.notes)).toEqual([0, 60, 120]);
  });
});

// The watch page as the server sends it (fixture mirrors a saved real page): nothing rendered yet, so the episode
// can only come from the inline data (issue 12 found Earmark showing nothing on such a page).
describe('youtube: server HTML before the app renders', () => {
  const SERVER_URL = fixtureUrl('youtube/watch-server.html');
  const serverPage = (): Document => parse(fixture('youtube/watch-server.html'));

  it('reads the episode from ytInitialPlayerResponse alone: title, channel, length and the description’s timeline', () => {
    const doc = serverPage();
    // What the rendered page has and this one lacks, as on the saved page.
    expect(doc.querySelector('ytd-watch-metadata, ytd-watch-flexy, video')).toBeNull();
    const ep = youtube.readEpisode(doc, SERVER_URL)!;
    expect(ep).toMatchObject({ title: 'Ropes and Reasons — The Tiny Harbour #14', show: 'The Tiny Harbour', duration: 2140, url: 'https://www.youtube.com/watch?v=srvHTML0042' });
    expect(starts(ep.notes)).toEqual([0, 168, 555, 1050, 1745]);
    // The related video's timeline in ytInitialData is not this episode's.
    expect(ep.notes).not.toContain('Kittiwakes');
  });

  it('trusts the inline data for its own video only, and offers nothing to link or mark before the page renders', () => {
    const doc = serverPage();
    expect(youtube.readEpisode(doc, new URL('https://www.youtube.com/watch?v=ghiJKL67890'))).toBeUndefined();
    expect(youtube.notesElement(doc)).toBeNull();
    expect(youtube.media(doc)).toBeNull();
    expect(findProgressBar(doc, () => true)).toBeNull();
  });
});

describe('youtube: page kinds', () => {
  it('classifies only watch pages with a video id as episodes', () => {
    expect(youtube.pageKind(new URL('https://www.youtube.com/watch?v=abcDEF12345&t=1s'))).toBe('episode');
    expect(youtube.pageKind(new URL('https://www.youtube.com/watch'))).toBe('other');
    expect(youtube.pageKind(new URL('https://music.youtube.com/watch?v=abcDEF12345'))).toBe('other');
    expect(youtube.readEpisode(watchPage(), new URL('https://www.youtube.com/@tinyharbour'))).toBeUndefined();
  });
});

describe('object literal scanner', () => {
  it('ends the object where its braces balance, reading strings and escapes', () => {
    const src = 'var x = {"a":"}{","b":"\\"}","c":{"d":[1,{"e":"\\\\"}]}}; var y = {"z":1};';
    const found = assignedObject(src, 'x')!;
    expect(JSON.parse(found)).toEqual({ a: '}{', b: '"}', c: { d: [1, { e: '\\' }] } });
    expect(assignedObject(src, 'y')).toBe('{"z":1}');
  });

  it('skips mentions that are not an assignment of an object, and gives up on unclosed objects', () => {
    expect(assignedObject('window.x = null; if (x) {} var x = {"ok":true};', 'x')).toBe('{"ok":true}');
    expect(assignedObject('var x = {"a":"unclosed', 'x')).toBeUndefined();
    expect(assignedObject('var x = {{{{', 'x')).toBeUndefined();
    expect(assignedObject('nothing here', 'x')).toBeUndefined();
    expect(balancedObject('{"a":1}', 1)).toBeUndefined();
    expect(balancedObject('{"a":"' + 'x'.repeat(100) + '"}', 0, 50)).toBeUndefined();
  });

  it('stays linear on adversarial input', () => {
    const hostile = 'x = {'.repeat(20_000) + '"'.repeat(20_000);
    const t = performance.now();
    expect(assignedObject(hostile, 'x')).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(500);
  });
});
