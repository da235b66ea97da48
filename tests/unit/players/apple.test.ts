import { describe, expect, it } from 'vitest';
import { fixture, parse } from '../fixture-pages';
import { apple, isoSeconds } from '../../../lib/players/apple';
import { parseTimeline } from '../../../lib/timeline';

const EPISODE_URL = new URL('https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890?i=1000123456789');
const SHOW_URL = new URL('https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890');
/** Another episode of the show: where the SPA lands after a click, with the first page's JSON still in place. */
const OTHER_EPISODE_URL = new URL('https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890?i=1000123456790');
const STARTS = [0, 135, 460, 845, 1290, 1630];
const TITLES = [
  'Cold open',
  'Why the harbour froze in 1963',
  "The ferryman's logbook",
  'Listener letters',
  'Knots, badly explained',
  "What's next",
];

const episodePage = (): Document => parse(fixture('apple/episode.html'));

/** The episode page with its serialized-server-data replaced by `json` (or by raw text when given a string). */
function withServerData(json: unknown): Document {
  const doc = episodePage();
  const script = doc.querySelector('script#serialized-server-data')!;
  script.textContent = typeof json === 'string' ? json : JSON.stringify(json);
  return doc;
}

/** The page without its episode JSON-LD, for tests of the server data and the DOM alone. */
function withoutLd(doc: Document): Document {
  doc.querySelector('script[id="schema:episode"]')?.remove();
  return doc;
}

function serverData(doc: Document = episodePage()): { data: Array<{ data: Record<string, unknown> }> } {
  return JSON.parse(doc.querySelector('script#serialized-server-data')!.textContent!);
}

function chapters(notes: string, duration?: number) {
  return parseTimeline(notes, { html: true, ...(duration ? { duration } : {}) }).chapters;
}

describe('apple: episode page', () => {
  it('reads the episode from serialized-server-data when it names the episode in the URL', () => {
    const ep = apple.readEpisode(episodePage(), EPISODE_URL)!;
    expect(ep).toMatchObject({
      title: "The ferryman's logbook",
      show: 'The Tiny Harbour',
      duration: 1800,
      url: 'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890?i=1000123456789',
    });
    const found = chapters(ep.notes, ep.duration);
    expect(found.map((c) => c.startTime)).toEqual(STARTS);
    expect(found.map((c) => c.title)).toEqual(TITLES);
    // The show's id, from the address: Apple's lookup endpoint gives its feed.
    expect(ep.feed).toEqual({ appleId: '1234567890' });
  });

  it('keeps the canonical URL free of other parameters and of our fragment', () => {
    const url = new URL(`${EPISODE_URL.href}&l=en-GB#earmark-t=90`);
    expect(apple.readEpisode(episodePage(), url)?.url).toBe(EPISODE_URL.href);
  });

  it('never reads the "More episodes" summaries or the footer as this episode\'s notes', () => {
    const doc = episodePage();
    for (const notes of [apple.readEpisode(doc, EPISODE_URL)!.notes, apple.notesElement(doc)!.innerHTML]) {
      expect(notes).not.toContain('Herring gulls');
      expect(notes).not.toContain('Foghorns');
      expect(notes).not.toContain('10:30');
    }
  });

  it('finds the rendered notes, and anchors the panel after their section', () => {
    const doc = episodePage();
    const notes = apple.notesElement(doc)!;
    expect(notes.getAttribute('data-testid')).toBe('paragraphs');
    expect(chapters(notes.innerHTML).map((c) => c.startTime)).toEqual(STARTS);
    const anchor = apple.panelAnchor(doc)!;
    expect(anchor.classList.contains('section--paragraph')).toBe(true);
    expect(anchor.contains(notes)).toBe(true);
  });

  it('finds the notes after the header, deeper in the tree than them, past a heading and a paragraph section before the header', () => {
    const doc = episodePage();
    // The header sits two levels deeper than the notes' section (as on the pages saved in 2025).
    const header = doc.querySelector('.container-detail-header')!;
    const section = doc.querySelector('div.section.section--paragraph')!;
    expect(header.parentElement!.parentElement!.parentElement).toBe(section.parentElement);
    // The notes section opens with a heading in a div pair (as a show page's "Info" does).
    section.querySelector('.shelf-content')!.insertAdjacentHTML('beforebegin', '<div class="header"><div class="header-title-wrapper"><h2 data-testid="header-title">About</h2></div></div>');
    // A paragraph section before the header (a promotion) is not the notes.
    const before = doc.createElement('div');
    before.className = 'section section--paragraph';
    before.innerHTML = '<div><div data-testid="paragraphs"><p>00:00 Not these 01:00 Nor this</p></div></div>';
    header.closest('.section')!.before(before);
    const notes = apple.notesElement(doc)!;
    expect(notes.getAttribute('data-testid')).toBe('paragraphs');
    expect(chapters(notes.innerHTML).map((c) => c.startTime)).toEqual(STARTS);
    expect(apple.panelAnchor(doc)).toBe(section);
  });

  it('anchors the panel after the header when the notes section is missing', () => {
    const doc = episodePage();
    doc.querySelector('div.section.section--paragraph')!.remove();
    expect(apple.notesElement(doc)).toBeNull();
    expect(apple.panelAnchor(doc)?.classList.contains('container-detail-header')).toBe(true);
  });

  it('has no media element before the first play, and finds MusicKit\'s once it exists', () => {
    const doc = episodePage();
    expect(apple.media(doc)).toBeNull();
    const audio = doc.createElement('audio');
    audio.id = 'apple-music-player';
    audio.setAttribute('src', 'https://media.earmark.test/apple.mp3');
    doc.body.append(audio);
    expect(apple.media(doc)).toBe(audio);
  });

  it("starts playback with the episode's own play button, not a card's", () => {
    const doc = episodePage();
    const clicked: string[] = [];
    for (const button of Array.from(doc.querySelectorAll('button'))) {
      button.addEventListener('click', () => clicked.push(button.closest('.container-detail-header') ? 'header' : (button.getAttribute('aria-label') ?? '')));
    }
    expect(apple.startPlayback!(doc)).toBe(true);
    expect(clicked).toEqual(['header']);
  });

  it('takes a hero play button in the header as well, and reports false with no button at all', () => {
    const doc = episodePage();
    const generic = doc.querySelector('.container-detail-header button[data-testid="button-base"]')!;
    generic.setAttribute('data-testid', 'hero__play-button');
    let clicks = 0;
    generic.addEventListener('click', () => clicks++);
    expect(apple.startPlayback!(doc)).toBe(true);
    expect(clicks).toBe(1);
    for (const b of Array.from(doc.querySelectorAll('button'))) b.remove();
    expect(apple.startPlayback!(doc)).toBe(false);
  });

  it('offers no progress bar (the panel draws its own timeline)', () => {
    expect(apple.progressBar(episodePage())).toBeNull();
  });

  it('formats links with the fragment the content script seeks to', () => {
    expect(apple.linkAt!(EPISODE_URL.href, 754.9)).toBe(`${EPISODE_URL.href}#earmark-t=754`);
    expect(apple.linkAt!(`${EPISODE_URL.href}#earmark-t=1`, -3)).toBe(`${EPISODE_URL.href}#earmark-t=0`);
  });
});

describe('apple: serialized-server-data is trusted only for its own episode', () => {
  it('reads the DOM after SPA navigation, when the JSON describes the page left behind', () => {
    const doc = episodePage();
    doc.querySelector('h1.headings__title span')!.textContent = 'Gulls, a field guide';
    doc.querySelector('[data-testid="paragraphs"]')!.innerHTML = '<p>00:00 Intro<br>04:12 Herring gulls<br>11:50 The chip thief</p>';
    const ep = apple.readEpisode(doc, OTHER_EPISODE_URL)!;
    expect(ep.title).toBe('Gulls, a field guide');
    expect(ep.duration).toBeUndefined();
    expect(ep.url).toBe(OTHER_EPISODE_URL.href);
    expect(chapters(ep.notes).map((c) => c.title)).toEqual(['Intro', 'Herring gulls', 'The chip thief']);
  });

  it('matches on the episode URL inside the record when it carries no id field', () => {
    const data = serverData();
    const share = (data.data[0]!.data.headerButtonItems as Array<{ model: Record<string, unknown> }>)[1]!;
    delete share.model.id;
    delete share.model.adamId;
    delete (share.model.playAction as { episodeOffer: Record<string, unknown> }).episodeOffer.id;
    expect(apple.readEpisode(withServerData(data), EPISODE_URL)?.duration).toBe(1800);
    delete share.model.url;
    expect(apple.readEpisode(withoutLd(withServerData(data)), EPISODE_URL)?.duration).toBeUndefined();
  });

  it('reads the shelves variant (contextAction.episodeOffer) when the header has no share item', () => {
    const data = serverData();
    delete data.data[0]!.data.headerButtonItems;
    const ep = apple.readEpisode(withServerData(data), EPISODE_URL)!;
    expect(ep).toMatchObject({ title: "The ferryman's logbook", duration: 1800, show: 'The Tiny Harbour' });
    // The shelf item has no summary: the notes come from the page.
    expect(chapters(ep.notes).map((c) => c.startTime)).toEqual(STARTS);

    const shelf = (data.data[0]!.data.shelves as Array<{ items: Array<Record<string, unknown>> }>)[0]!;
    shelf.items[0]!.summary = '00:00 Only\n01:00 From\n02:00 The shelf';
    const fromShelf = apple.readEpisode(withServerData(data), EPISODE_URL)!;
    expect(fromShelf.notes).toContain('<br>');
    expect(chapters(fromShelf.notes).map((c) => c.title)).toEqual(['Only', 'From', 'The shelf']);
  });

  it('turns a plain-text summary into escaped HTML lines', () => {
    const data = serverData();
    const share = (data.data[0]!.data.headerButtonItems as Array<{ model: Record<string, unknown> }>)[1]!;
    share.model.summary = 'Fish & <chips>\n00:00 Start\n01:30 Middle\n03:00 End';
    const ep = apple.readEpisode(withServerData(data), EPISODE_URL)!;
    expect(ep.notes).toContain('Fish &amp; &lt;chips&gt;<br>');
    expect(chapters(ep.notes).map((c) => c.startTime)).toEqual([0, 90, 180]);
  });

  it.each([
    ['not JSON', '{"data":[{'],
    ['an empty object', '{}'],
    ['a wrong shape', '{"data":{"headerButtonItems":[]}}'],
    ['null', 'null'],
    ['wrong field types', JSON.stringify({ data: [{ data: { headerButtonItems: [{ $kind: 'share', modelType: 'EpisodeLockup', model: { id: 1000123456789, title: 5, duration: 'long', summary: { html: 1 } } }] } }] })],
    ['a huge number id', JSON.stringify({ data: [{ data: { headerButtonItems: [{ $kind: 'share', modelType: 'EpisodeLockup', model: { id: 1e300 } }] } }] })],
  ])('falls back to the DOM without throwing on %s', (_what, text) => {
    const ep = apple.readEpisode(withServerData(text), EPISODE_URL)!;
    expect(ep.title).toBe("The ferryman's logbook");
    expect(chapters(ep.notes).map((c) => c.startTime)).toEqual(STARTS);
  });

  it('keeps what a partly wrong record still says', () => {
    const data = serverData();
    const share = (data.data[0]!.data.headerButtonItems as Array<{ model: Record<string, unknown> }>)[1]!;
    share.model.duration = 'thirty minutes';
    const ep = apple.readEpisode(withServerData(data), EPISODE_URL)!;
    expect(ep.duration).toBeUndefined();
    expect(ep.title).toBe("The ferryman's logbook");
  });

  it('reads the data again when the script\'s text changes', () => {
    const doc = episodePage();
    expect(apple.readEpisode(doc, EPISODE_URL)?.duration).toBe(1800);
    const data = serverData(doc);
    const share = (data.data[0]!.data.headerButtonItems as Array<{ model: Record<string, unknown> }>)[1]!;
    share.model.duration = 1234;
    doc.querySelector('script#serialized-server-data')!.textContent = JSON.stringify(data);
    expect(apple.readEpisode(doc, EPISODE_URL)?.duration).toBe(1234);
  });

  it('returns undefined while the page has rendered neither data nor notes', () => {
    const empty = parse('<!doctype html><html><head></head><body><div id="scrollable-page"></div></body></html>');
    expect(apple.readEpisode(empty, EPISODE_URL)).toBeUndefined();
    const doc = withoutLd(withServerData('{}'));
    doc.querySelector('div.section.section--paragraph')!.remove();
    expect(apple.readEpisode(doc, EPISODE_URL)).toBeUndefined();
  });

  it('reads no episode on a show page', () => {
    expect(apple.readEpisode(parse(fixture('apple/show.html')), SHOW_URL)).toBeUndefined();
  });

  it('reads both shapes of the data: the 2026 object holding the model list, and the list itself', () => {
    const data = serverData();
    expect(data).toHaveProperty('userTokenHash');
    expect(apple.readEpisode(withServerData(data), EPISODE_URL)?.duration).toBe(1800);
    expect(apple.readEpisode(withServerData(data.data), EPISODE_URL)?.duration).toBe(1800);
    expect(apple.readEpisode(withoutLd(withServerData([])), EPISODE_URL)?.duration).toBeUndefined();
  });
});

describe('apple: the episode JSON-LD', () => {
  /** The page with neither server data nor a rendered notes section: only the JSON-LD and the header. */
  const ldOnly = () => {
    const doc = withServerData('{}');
    doc.querySelector('div.section.section--paragraph')!.remove();
    return doc;
  };

  it('stands in for notes the page does not render, when its name is the title on screen', () => {
    const ep = apple.readEpisode(ldOnly(), EPISODE_URL)!;
    expect(ep).toMatchObject({ title: "The ferryman's logbook", duration: 1800 });
    expect(chapters(ep.notes).map((c) => c.startTime)).toEqual([0, 135, 460]);
  });

  it('reads the older form too: `script[name=schema:podcast-episode]`, an AudioObject', () => {
    const doc = ldOnly();
    const now = doc.querySelector('script[id="schema:episode"]')!;
    const ld = JSON.parse(now.textContent!) as Record<string, unknown>;
    const script = doc.createElement('script');
    script.setAttribute('name', 'schema:podcast-episode');
    script.setAttribute('type', 'application/ld+json');
    script.textContent = JSON.stringify({ ...ld, '@type': 'AudioObject', duration: 'PT31M40S' });
    now.replaceWith(script);
    const ep = apple.readEpisode(doc, EPISODE_URL)!;
    expect(ep).toMatchObject({ title: "The ferryman's logbook", duration: 1900 });
    expect(chapters(ep.notes).map((c) => c.startTime)).toEqual([0, 135, 460]);
  });

  it('is not trusted for another title (a page left behind), nor when broken', () => {
    const doc = ldOnly();
    doc.querySelector('h1.headings__title span')!.textContent = 'Gulls, a field guide';
    expect(apple.readEpisode(doc, OTHER_EPISODE_URL)).toBeUndefined();
    for (const broken of ['{"name":', '[]', '{"name":5,"description":"00:00 A\\n01:00 B"}']) {
      const d = ldOnly();
      d.querySelector('script[id="schema:episode"]')!.textContent = broken;
      expect(apple.readEpisode(d, EPISODE_URL), broken).toBeUndefined();
    }
  });

  it('reads the rendered notes over the JSON-LD, and the server data over both', () => {
    const doc = withServerData('{}');
    const ep = apple.readEpisode(doc, EPISODE_URL)!;
    expect(chapters(ep.notes).map((c) => c.startTime)).toEqual(STARTS);
    expect(ep.duration).toBe(1800);
    expect(apple.readEpisode(episodePage(), EPISODE_URL)?.notes).toContain('Listener letters');
  });

  it('reads ISO 8601 durations', () => {
    expect(isoSeconds('PT14M38S')).toBe(878);
    expect(isoSeconds('PT1H2M3S')).toBe(3723);
    expect(isoSeconds('PT45S')).toBe(45);
    expect(isoSeconds('P1DT1H')).toBe(90_000);
    for (const bad of [undefined, '', 'PT', 'P', 'PT0S', '14:38', 'PT-5M', 'PT1H2M3S junk']) expect(isoSeconds(bad), String(bad)).toBeUndefined();
  });
});

describe('apple: show page', () => {
  it('lists the episode cards with absolute URLs, titles and summaries', () => {
    const doc = parse(fixture('apple/show.html'));
    const cards = apple.showEpisodes!(doc, SHOW_URL);
    expect(cards.map((c) => c.url)).toEqual([
      'https://podcasts.apple.com/us/podcast/the-ferrymans-logbook/id1234567890?i=1000123456789',
      'https://podcasts.apple.com/us/podcast/gulls-a-field-guide/id1234567890?i=1000123456790',
      'https://podcasts.apple.com/us/podcast/fog-week/id1234567890?i=1000123456791',
    ]);
    expect(cards.map((c) => c.title)).toEqual(["The ferryman's logbook", 'Gulls, a field guide', 'Fog week']);
    for (const card of cards) expect(card.element.localName).toBe('li');
    expect(cards.map((c) => chapters(c.notes).length)).toEqual([4, 4, 0]);
    expect(cards.map((c) => apple.pageKind(new URL(c.url)))).toEqual(['episode', 'episode', 'episode']);
  });

  it('skips cards without an episode link or a title, and links that are not web URLs', () => {
    const doc = parse(fixture('apple/show.html'));
    const links = doc.querySelectorAll('a[data-testid="click-action"]');
    links[0]!.setAttribute('href', '/us/podcast/the-tiny-harbour/id1234567890');
    links[1]!.setAttribute('href', 'javascript:alert(1)//?i=1');
    doc.querySelectorAll('[data-testid="episode-lockup-title"]')[2]!.textContent = '  ';
    expect(apple.showEpisodes!(doc, SHOW_URL)).toEqual([]);
  });

  it('finds no cards on a page without an episode list', () => {
    expect(apple.showEpisodes!(parse('<!doctype html><html><body><p>Loading</p></body></html>'), SHOW_URL)).toEqual([]);
  });
});
