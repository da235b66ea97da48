import { MAX_GUEST_NOTES } from '../../lib/guests/limits';
import { describe, expect, it } from 'vitest';
import { asContentStatus } from '../../lib/content-status';
import { MAX_GUEST_LINKS } from '../../lib/guest-links';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asBackgroundRequest, asContentRequest, protocol, type MessageType } from '../../lib/messages';
import { asBackgroundAnswer, BACKGROUND_ANSWERS, type BackgroundAnswerType } from '../../lib/answers-background';
import { asContentAnswer, CONTENT_ANSWERS, type ContentAnswerType } from '../../lib/answers-content';

/** Either half of the answers, by the message's receiver. */
const asResponse = (type: MessageType, value: unknown): unknown =>
  protocol()[type].to === 'content' ? asContentAnswer(type as ContentAnswerType, value) : asBackgroundAnswer(type as BackgroundAnswerType, value);

describe('content requests', () => {
  it('accepts exactly the requests the popup and the background send, addressed or not', () => {
    expect(asContentRequest({ type: 'earmark:status' })).toEqual({ type: 'earmark:status' });
    expect(asContentRequest({ type: 'earmark:step', delta: -1, to: 'abc-123' })).toEqual({ type: 'earmark:step', delta: -1, to: 'abc-123' });
    expect(asContentRequest({ type: 'earmark:seek', seconds: 90 })).toEqual({ type: 'earmark:seek', seconds: 90 });
    expect(asContentRequest({ type: 'earmark:save-here', to: 'x' })).toEqual({ type: 'earmark:save-here', to: 'x' });
    expect(asContentRequest({ type: 'earmark:save-here', command: true })).toEqual({ type: 'earmark:save-here', command: true });
    expect(asContentRequest({ type: 'earmark:save-last', to: 'x' })).toEqual({ type: 'earmark:save-last', to: 'x' });
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'earmark:status',
      { type: 'earmark:status', extra: 1 },
      { type: 'earmark:step', delta: 2 },
      { type: 'earmark:seek', seconds: -1 },
      { type: 'earmark:seek', seconds: Number.NaN },
      { type: 'earmark:seek', seconds: 5, to: 42 },
      { type: 'earmark:seek', seconds: 5, to: 'x'.repeat(65) },
      { type: 'earmark:unknown' },
      { type: 'earmark:save-here', command: false },
      { type: 'earmark:save-last', seconds: 30 },
    ]) expect(asContentRequest(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('the status check (lib/content-status.ts)', () => {
  const base = {
    instance: 'abc-123',
    owner: true,
    playing: false,
    player: 'overcast',
    label: 'Overcast',
    kind: 'episode',
    chapters: [{ startTime: 0, title: 'Intro' }],
  };
  const withLinks = (links: unknown) => ({ ...base, guests: [{ name: 'Tobiah Wrenfield', affiliations: [], summary: '', links }] });

  it('keeps https links and drops every other kind', () => {
    const checked = asContentStatus(
      withLinks([
        { url: 'https://wrenfield.example/', host: 'wrenfield.example' },
        { url: 'https://www.codehost.example/twren', host: 'codehost.example' },
        { url: 'http://wrenfield.example/', host: 'wrenfield.example' },
        { url: 'javascript:alert(1)', host: 'wrenfield.example' },
        { url: 'JAVASCRIPT:alert(1)//https://x', host: 'x' },
        { url: 'ftp://files.example/', host: 'files.example' },
        { url: 'not a url', host: 'wrenfield.example' },
        { url: 'https://user:secret@wrenfield.example/', host: 'wrenfield.example' },
        { url: 'https://elsewhere.example/', host: 'wrenfield.example' },
        { url: 'https://wrenfield.example/', host: 'x'.repeat(300) },
        { url: 42, host: 'wrenfield.example' },
        'https://wrenfield.example/',
        null,
      ]),
    );
    expect(checked?.guests[0]?.links).toEqual([
      { url: 'https://wrenfield.example/', host: 'wrenfield.example' },
      { url: 'https://www.codehost.example/twren', host: 'codehost.example' },
    ]);
  });

  it('caps links per guest, drops unknown fields, and survives links that are not a list', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ url: `https://site${i}.example/`, host: `site${i}.example`, onclick: 'x' }));
    const links = asContentStatus(withLinks(many))?.guests[0]?.links;
    expect(links).toHaveLength(MAX_GUEST_LINKS);
    expect(links?.[0]).toEqual({ url: 'https://site0.example/', host: 'site0.example' });
    expect(asContentStatus(withLinks('https://wrenfield.example/'))?.guests[0]?.links).toEqual([]);
    expect(asContentStatus(withLinks(undefined))?.guests[0]?.links).toEqual([]);
  });

  it('passes on that the page shows no notes, and drops a malformed flag rather than the answer', () => {
    expect(asContentStatus({ ...base, chapters: [], guests: [], emptyNotes: true })?.emptyNotes).toBe(true);
    expect(asContentStatus({ ...base, chapters: [], guests: [], emptyNotes: false })).not.toHaveProperty('emptyNotes');
    const odd = asContentStatus({ ...base, chapters: [], guests: [], emptyNotes: 'yes' });
    expect(odd).toEqual({ ...base, chapters: [], guests: [] });
  });

  it('drops a malformed guest, not the whole answer; refuses an answer that is not a status', () => {
    const checked = asContentStatus({ ...base, guests: [{ name: 7 }, { name: 'Tobiah Wrenfield', affiliations: ['Fernbank Labs'], summary: 'Engineer at Fernbank Labs', links: [] }] });
    expect(checked?.guests.map((g) => g.name)).toEqual(['Tobiah Wrenfield']);
    expect(checked?.chapters).toEqual([{ startTime: 0, title: 'Intro' }]);
    expect(asContentStatus({ ...base, title: 'x'.repeat(5_000), guests: [] })).toEqual({ ...base, guests: [] });
    for (const bad of [
      undefined,
      null,
      'status',
      { ...base, kind: 'elsewhere', guests: [] },
      { ...base, instance: 5, guests: [] },
      // Which frame speaks for the tab is chosen by these two: an answer without them is not a status.
      { ...base, owner: undefined, guests: [] },
      { ...base, playing: 'yes', guests: [] },
    ]) {
      expect(asContentStatus(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe('the protocol map (lib/messages.ts)', () => {
  const moment = {
    id: 'm1',
    episode: { url: 'https://overcast.fm/+AbCdEfGh1', title: 'Fog week', player: 'overcast' },
    time: 90,
    note: '',
    createdAt: 1,
    updatedAt: 1,
  };

  it('has one answer for each message, on the side of its receiver', () => {
    const byReceiver = (to: string) => (Object.keys(protocol()) as MessageType[]).filter((t) => protocol()[t].to === to).sort();
    expect(Object.keys(CONTENT_ANSWERS).sort()).toEqual(byReceiver('content'));
    expect(Object.keys(BACKGROUND_ANSWERS).sort()).toEqual(byReceiver('background'));
  });

  it('gives each receiver only its own messages', () => {
    for (const type of Object.keys(protocol()) as MessageType[]) {
      const body = { type, ...(SAMPLES[type] ?? {}) };
      const own = protocol()[type].to === 'content' ? asContentRequest(body) : asBackgroundRequest(body);
      const other = protocol()[type].to === 'content' ? asBackgroundRequest(body) : asContentRequest(body);
      expect(own, type).toEqual(body);
      expect(other, type).toBeUndefined();
    }
  });

  it('carries at most the notes the guests engine reads to the background', () => {
    const body = { type: 'earmark:guests', ...SAMPLES['earmark:guests'] };
    expect(asBackgroundRequest({ ...body, notes: 'x'.repeat(MAX_GUEST_NOTES) })).toBeDefined();
    expect(asBackgroundRequest({ ...body, notes: 'x'.repeat(MAX_GUEST_NOTES + 1) })).toBeUndefined();
    expect(asBackgroundRequest({ ...body, persons: [{ name: 'Ines Varga', email: 'i@example.test' }] })).toBeUndefined();
  });

  it('checks the background’s requests field by field', () => {
    expect(asBackgroundRequest({ type: 'earmark:moment-save', moment: { episode: moment.episode, time: 12 } })).toBeDefined();
    for (const bad of [
      { type: 'earmark:moment-save', moment: { episode: moment.episode, time: -1 } },
      { type: 'earmark:moment-save', moment: { episode: { ...moment.episode, url: 'javascript:alert(1)' }, time: 1 } },
      { type: 'earmark:moment-save', moment: { episode: moment.episode, time: 1, extra: true } },
      { type: 'earmark:moment-change', change: { kind: 'add', moment } },
      { type: 'earmark:moment-change', change: { kind: 'note', id: '', note: 'x' } },
      { type: 'earmark:moment-change', change: { kind: 'end-range', id: 'm1', end: -1 } },
      { type: 'earmark:moment-change', change: { kind: 'end-range', id: 'm1' } },
      { type: 'earmark:moments', episodeUrl: 5 },
      { type: 'earmark:moments-import', text: 7 },
      { type: 'earmark:moments-sync', enabled: 'yes' },
      { type: 'earmark:wikipedia', name: 'Ada', url: 'https://evil.test' },
      { type: 'earmark:frame', here: 'yes' },
      // A frame cannot name its tab or frame: the background reads them from the sender.
      { type: 'earmark:frame', here: true, tabId: 4, frameId: 9 },
      { type: 'earmark:frames', tabId: -1 },
      { type: 'earmark:frames', tabId: 1.5 },
      { type: 'earmark:frames' },
      { type: 'earmark:feed', title: 'Fog week', rss: 'javascript:alert(1)', pageNotes: { length: 0, cut: false }, pageChapters: 0 },
      { type: 'earmark:feed', title: 'Fog week', appleId: 'id123', pageNotes: { length: 0, cut: false }, pageChapters: 0 },
      { type: 'earmark:feed', title: 'Fog week', pageNotes: { length: -1, cut: false }, pageChapters: 0 },
      { type: 'constructor' },
      { type: '__proto__' },
    ]) expect(asBackgroundRequest(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it('checks answers where they arrive: the promised shape or nothing, a bad moment dropped from a list', () => {
    expect(asResponse('earmark:step', true)).toBe(true);
    expect(asResponse('earmark:step', 'yes')).toBeUndefined();
    expect(asResponse('earmark:save-here', moment)).toEqual(moment);
    expect(asResponse('earmark:save-here', undefined)).toBeUndefined();
    expect(asResponse('earmark:save-here', { ...moment, time: -5 })).toBeUndefined();
    expect(asResponse('earmark:moments', [moment, { ...moment, id: '' }, 'x'])).toEqual([moment]);
    expect(asResponse('earmark:moments', 'not a list')).toBeUndefined();
    expect(asResponse('earmark:wikipedia', { ok: false, reason: 'permission', message: 'no' })).toEqual({ ok: false, reason: 'permission', message: 'no' });
    expect(asResponse('earmark:wikipedia', { ok: true, result: { kind: 'found' } })).toBeUndefined();
    expect(asResponse('earmark:moments-sync', { enabled: true })).toEqual({ enabled: true });
    expect(asResponse('earmark:frames', [7, 12])).toEqual([7, 12]);
    // Frame 0 is the top frame: never an embed's.
    expect(asResponse('earmark:frames', [7, 0])).toBeUndefined();
    expect(asResponse('earmark:frames', ['7'])).toBeUndefined();
    expect(asResponse('earmark:frame', true)).toBe(true);
    const status = { instance: 'abc-123', owner: true, playing: true, player: 'overcast', label: 'Overcast', kind: 'episode', chapters: [], guests: [] };
    expect(asResponse('earmark:status', status)).toEqual(status);
    expect(asResponse('earmark:status', { ...status, kind: 'elsewhere' })).toBeUndefined();
  });

  it('is the only way messages are sent and received: no call site sends or casts on its own', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f)),
    );
    const senders = files.filter((f) => /\b(?:runtime|tabs)\.sendMessage\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(senders.sort()).toEqual([join('lib', 'ask-background.ts'), join('lib', 'ask-tab.ts')]);
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      if (!/runtime\.onMessage\.addListener/.test(text)) continue;
      // The content scripts' detector (stage 1) carries no schemas: it hands every request, unchecked, to the
      // runtime's handler (lib/content/start.ts), which checks it with asContentRequest.
      if (f === join('lib', 'content', 'stage.ts')) {
        expect(text, f).toMatch(/handler\(message\)/);
        expect(readFileSync(join(root, 'lib', 'content', 'start.ts'), 'utf8')).toMatch(/const onMessage = [^]*?asContentRequest\(message\)/);
        continue;
      }
      expect(/as(?:Content|Background)Request\(/.test(text), f).toBe(true);
    }
  });
});

const SAMPLES: Partial<Record<MessageType, Record<string, unknown>>> = {
  'earmark:step': { delta: 1 },
  'earmark:seek': { seconds: 12.5 },
  'earmark:wikipedia': { name: 'Ada Byron' },
  'earmark:moment-save': { moment: { episode: { url: 'https://overcast.fm/+AbCdEfGh1', title: 'Fog week', player: 'overcast' }, time: 3 } },
  'earmark:moment-change': { change: { kind: 'delete', id: 'm1' } },
  'earmark:moments': { episodeUrl: 'https://overcast.fm/+AbCdEfGh1' },
  'earmark:moments-import': { text: '{}' },
  'earmark:moments-sync': { enabled: false },
  'earmark:frame': { here: true },
  'earmark:frames': { tabId: 3 },
  'earmark:feed': { title: 'Fog week', show: 'The Tiny Harbour', appleId: '123', pageNotes: { length: 0, cut: false }, pageChapters: 0 },
  'earmark:guests': { title: 'Fog week', notes: '<p>Ines Varga joins us.</p>', hosts: ['Sam Reed'], persons: [{ name: 'Ines Varga', role: 'guest' }] },
};
