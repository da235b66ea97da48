/**
 * The two channels beside the runtime messages (tests/unit/messages.test.ts): frames (a page and its embedded
 * players, lib/content/frame-protocol.ts) and the page bridge (a content script and the page-world helper,
 * lib/page/bridge-messages.ts). Each receiver takes exactly the messages of the other side, in range, and nothing
 * else; the page-world helper's hand-written check agrees with the schemas it stands in for.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asFrameMessage, frameMessages, FRAME_PROTOCOL, MAX_FRAME_NOTES } from '../../lib/content/frame-protocol';
import { asBridgeMessage, asReplyData, bridgeMessages } from '../../lib/page/bridge-messages';
import { MAX_COMMAND, readCommand } from '../../lib/page/bridge-protocol';
import { importGraph, ROOT } from './import-graph';

const tagged = (message: Record<string, unknown>) => ({ earmark: FRAME_PROTOCOL, ...message });

describe('frames: page → embed', () => {
  it('takes a hello and a seek, as sent', () => {
    expect(asFrameMessage('page', tagged({ kind: 'hello' }))).toEqual({ kind: 'hello' });
    expect(asFrameMessage('page', tagged({ kind: 'seek', id: 3, seconds: 850.5 }))).toEqual({ kind: 'seek', id: 3, seconds: 850.5 });
  });

  it('refuses anything else: untagged, another version, the embed’s own kinds, extra fields, out of range', () => {
    for (const bad of [
      null,
      'hello',
      [tagged({ kind: 'hello' })],
      { kind: 'hello' },
      { earmark: 'earmark-frame/2', kind: 'hello' },
      tagged({ kind: 'hello', episode: { title: 'x' } }),
      tagged({ kind: 'seek', id: 1 }),
      tagged({ kind: 'seek', id: 1, seconds: -1 }),
      tagged({ kind: 'seek', id: 1, seconds: 1e8 }),
      tagged({ kind: 'seek', id: 1, seconds: '90' }),
      tagged({ kind: 'seek', id: 0, seconds: 90 }),
      tagged({ kind: 'seek', id: 1.5, seconds: 90 }),
      tagged({ kind: 'seek', id: 1, seconds: 90, then: 'play' }),
      // What only an embed sends: a page cannot pass it off as a command.
      tagged({ kind: 'seek-result', id: 1, ok: true }),
      tagged({ kind: 'episode', label: 'Libsyn' }),
      tagged({ kind: 'constructor' }),
      tagged({ kind: '__proto__' }),
    ]) expect(asFrameMessage('page', bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('frames: embed → page', () => {
  const episode = { title: 'Fog week', url: 'https://play.libsyn.com/embed/episode/id/31415926', notes: '00:00 Intro\n06:30 Harbour' };

  it('takes an episode (or none), the time and a seek’s result', () => {
    expect(asFrameMessage('embed', tagged({ kind: 'episode', label: 'Libsyn' }))).toEqual({ kind: 'episode', label: 'Libsyn' });
    const full = { kind: 'episode', label: 'Libsyn', episode: { ...episode, show: 'Harbour Talk', duration: 1800 } };
    expect(asFrameMessage('embed', tagged(full))).toEqual(full);
    expect(asFrameMessage('embed', tagged({ kind: 'time', time: 12, duration: null, playing: true }))).toEqual({ kind: 'time', time: 12, duration: null, playing: true });
    expect(asFrameMessage('embed', tagged({ kind: 'seek-result', id: 7, ok: false }))).toEqual({ kind: 'seek-result', id: 7, ok: false });
  });

  it('refuses a forged or oversized episode, a malformed time, and the page’s own kinds', () => {
    for (const bad of [
      tagged({ kind: 'episode', label: 'Libsyn', episode: { ...episode, url: 'javascript:alert(1)' } }),
      tagged({ kind: 'episode', label: 'Libsyn', episode: { ...episode, title: '' } }),
      tagged({ kind: 'episode', label: 'Libsyn', episode: { ...episode, notes: 'x'.repeat(MAX_FRAME_NOTES + 1) } }),
      tagged({ kind: 'episode', label: 'Libsyn', episode: { ...episode, onclick: 'x' } }),
      tagged({ kind: 'episode', label: 'x'.repeat(2_001) }),
      tagged({ kind: 'time', time: 12, duration: 3600 }),
      tagged({ kind: 'time', time: -3, duration: null, playing: false }),
      tagged({ kind: 'time', time: 3, duration: null, playing: 'yes' }),
      tagged({ kind: 'seek-result', id: 7 }),
      tagged({ kind: 'hello' }),
      tagged({ kind: 'seek', id: 1, seconds: 2 }),
    ]) expect(asFrameMessage('embed', bad), JSON.stringify(bad).slice(0, 120)).toBeUndefined();
  });

  it('gives each side only the other side’s kinds', () => {
    for (const [kind, { from }] of Object.entries(frameMessages())) {
      const other = from === 'page' ? 'embed' : 'page';
      // Whatever the fields, a kind is never taken from the side that does not send it.
      expect(asFrameMessage(other, tagged({ kind, ...SAMPLE_FIELDS[kind] })), kind).toBeUndefined();
      expect(asFrameMessage(from, tagged({ kind, ...SAMPLE_FIELDS[kind] })), kind).toEqual({ kind, ...SAMPLE_FIELDS[kind] });
    }
  });
});

const SAMPLE_FIELDS: Record<string, Record<string, unknown>> = {
  hello: {},
  seek: { id: 1, seconds: 5 },
  episode: { label: 'Captivate' },
  time: { time: 1, duration: 2, playing: false },
  'seek-result': { id: 1, ok: true },
  report: {},
  timejump: { id: 2, seconds: 60 },
  'player-data': { id: 3 },
  state: { time: 1, duration: null, paused: true, ready: false, via: 'element' },
  reply: { id: 4, ok: true },
};

describe('page bridge: page world → content script', () => {
  it('takes media reports and replies, as sent', () => {
    const state = { kind: 'state', time: 12.5, duration: 3600, paused: false, ready: true, via: 'session' };
    expect(asBridgeMessage('page', state)).toEqual(state);
    expect(asBridgeMessage('page', { kind: 'reply', id: 0, ok: true })).toEqual({ kind: 'reply', id: 0, ok: true });
    expect(asBridgeMessage('page', { kind: 'reply', id: 4, ok: true, data: { videoId: 'x' } })).toEqual({ kind: 'reply', id: 4, ok: true, data: { videoId: 'x' } });
  });

  it('refuses anything else', () => {
    for (const bad of [
      { kind: 'state', time: -1, duration: null, paused: true, ready: true, via: 'element' },
      { kind: 'state', time: 1, duration: null, paused: true, ready: true, via: 'eval' },
      { kind: 'state', time: 1, duration: null, paused: true, ready: true, via: 'element', src: 'https://x' },
      { kind: 'reply', id: -1, ok: true },
      { kind: 'reply', id: 1.5, ok: true },
      { kind: 'reply', id: 1, ok: 'yes' },
      { kind: 'seek', id: 1, seconds: 1 },
      { kind: 'report' },
      { kind: 'hasOwnProperty' },
    ]) expect(asBridgeMessage('page', bad), JSON.stringify(bad)).toBeUndefined();
  });

  it('checks a reply’s data by the command that asked for it', () => {
    expect(asReplyData('player-data', { videoId: 'abcDEF12345', title: 'Episode', lengthSeconds: '3602' })).toEqual({ videoId: 'abcDEF12345', title: 'Episode', lengthSeconds: 3602 });
    expect(asReplyData('player-data', { videoId: 'not an id' })).toBeUndefined();
    expect(asReplyData('seek', undefined)).toBeUndefined();
    // A seek's reply carries no data: anything there is not kept.
    expect(bridgeMessages().seek.data.safeParse({ videoId: 'abcDEF12345' }).success).toBe(false);
  });
});

describe('page bridge: content script → page world', () => {
  /** The schema's verdict on a command's JSON (the content side's declaration). */
  const bySchema = (json: string) => {
    try {
      return asBridgeMessage('content', JSON.parse(json));
    } catch {
      return undefined;
    }
  };

  it('the helper takes exactly the commands the schemas declare', () => {
    for (const good of [
      { kind: 'seek', id: 1, seconds: 90 },
      { kind: 'timejump', id: 2, seconds: 0 },
      { kind: 'player-data', id: 3 },
      { kind: 'report' },
    ]) {
      expect(readCommand(JSON.stringify(good))).toEqual(good);
      expect(bySchema(JSON.stringify(good))).toEqual(good);
    }
    for (const bad of [
      { kind: 'seek', id: 1 },
      { kind: 'seek', id: 1, seconds: -5 },
      { kind: 'seek', id: 1, seconds: 1e7 + 1 },
      { kind: 'seek', id: 0, seconds: 5 },
      { kind: 'seek', id: '1', seconds: 5 },
      { kind: 'seek', id: 1, seconds: 5, extra: true },
      { kind: 'report', id: 1 },
      { kind: 'state', time: 1, duration: null, paused: true, ready: true, via: 'element' },
      { kind: 'eval', code: 'alert(1)' },
      { kind: 'toString' },
      { cmd: 'seek', id: 1, seconds: 5 },
    ]) {
      expect(readCommand(JSON.stringify(bad)), JSON.stringify(bad)).toBeUndefined();
      expect(bySchema(JSON.stringify(bad)), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('the helper refuses what is not a command’s JSON, or too long to be one', () => {
    for (const bad of [undefined, null, 42, { kind: 'report' }, '', '{"kind":"report"', '[{"kind":"report"}]', '"report"', 'null', '{"kind":"report","__proto__":{}}']) {
      expect(readCommand(bad), String(bad)).toBeUndefined();
    }
    const padded = JSON.stringify({ kind: 'report' }).replace('{', '{' + ' '.repeat(MAX_COMMAND));
    expect(JSON.parse(padded)).toEqual({ kind: 'report' });
    expect(readCommand(padded)).toBeUndefined();
  });

  it('the helper’s check agrees with the schemas on generated messages, good and bad', () => {
    // Values at the edges of every check, mostly: a random double is almost never a valid id.
    const value = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(0, -0, 1, 2, 0.5, -1, 1e7, 1e7 + 1, 1e7 - 0.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, '1', true, null) },
      { weight: 1, arbitrary: fc.double() },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.integer(), { maxLength: 2 }) },
    );
    /** A field present most of the time; an extra one now and then. */
    const often = fc.option(value, { freq: 4, nil: undefined });
    const message = fc
      .record({
        kind: fc.constantFrom(...Object.keys(bridgeMessages()), 'eval', 'constructor', '__proto__'),
        id: often,
        seconds: often,
        ok: fc.option(value, { freq: 1, nil: undefined }),
        extra: fc.option(value, { freq: 1, nil: undefined }),
      })
      .map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));
    fc.assert(
      fc.property(message, (m) => {
        const json = JSON.stringify(m);
        expect(readCommand(json)).toEqual(bySchema(json));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('the channels’ call sites', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const files = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f)),
  );
  const read = (f: string) => readFileSync(join(root, f), 'utf8');

  it('frames are posted through postFrame only, and every message listener checks with asFrameMessage', () => {
    expect(files.filter((f) => /\.postMessage\(/.test(read(f)))).toEqual([join('lib', 'content', 'frame-protocol.ts')]);
    for (const f of files.filter((f) => /addEventListener\((?:window, )?'message'/.test(read(f)))) {
      expect(/asFrameMessage\('(?:page|embed)'/.test(read(f)), f).toBe(true);
    }
  });

  it('the page bridge’s events are sent and read only by its two ends, each with its check', () => {
    const ends = files.filter((f) => /\b(?:TO_PAGE|FROM_PAGE)\b/.test(read(f)) && !f.endsWith('bridge-protocol.ts')).sort();
    expect(ends).toEqual([join('entrypoints', 'page-bridge.ts'), join('lib', 'content', 'page-bridge.ts')]);
    expect(read(join('entrypoints', 'page-bridge.ts'))).toMatch(/readCommand\(/);
    expect(read(join('lib', 'content', 'page-bridge.ts'))).toMatch(/asBridgeMessage\('page'/);
    // The page-world helper carries no zod (see lib/page/bridge-messages.ts for why): nothing it imports, at any
    // depth, may import it. Type-only imports leave nothing in the bundle.
    const helper = importGraph(join(ROOT, 'entrypoints', 'page-bridge.ts'));
    expect(helper.unresolved).toEqual([]);
    expect([...helper.packages].filter((p) => /^zod(?:\/|$)/.test(p))).toEqual([]);
    expect(helper.files.has('lib/page/bridge-protocol.ts')).toBe(true);
    expect(helper.files.has('lib/page/bridge-messages.ts')).toBe(false);
  });
});
