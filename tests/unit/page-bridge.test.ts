import { describe, expect, it } from 'vitest';
import { bridgeOn } from '../../lib/content/page-bridge';
import { FROM_PAGE, TO_PAGE } from '../../lib/page/bridge-protocol';

/** A stand-in for the helper's script element, with a scripted page side. */
function channel(answer: (command: Record<string, unknown>, reply: (message: unknown) => void) => void) {
  const element = new EventTarget();
  const send = (message: unknown) => element.dispatchEvent(new CustomEvent(FROM_PAGE, { detail: typeof message === 'string' ? message : JSON.stringify(message) }));
  element.addEventListener(TO_PAGE, (e) => answer(JSON.parse(String((e as CustomEvent).detail)) as Record<string, unknown>, send));
  return { element, send };
}

describe('page bridge (content-script side)', () => {
  it('keeps the last well-formed media report and tells its listeners', () => {
    const { element, send } = channel(() => undefined);
    const bridge = bridgeOn(element);
    const seen: number[] = [];
    bridge.onMedia((r) => seen.push(r.time));
    send({ kind: 'state', time: 12.5, duration: 3600, paused: false, ready: true, via: 'session' });
    expect(bridge.media()).toEqual({ kind: 'state', time: 12.5, duration: 3600, paused: false, ready: true, via: 'session' });
    // Forged or broken reports from the page are ignored.
    for (const bad of [
      { kind: 'state', time: -1, duration: null, paused: true, ready: true, via: 'element' },
      { kind: 'state', time: 'soon', duration: null, paused: true, ready: true, via: 'element' },
      { kind: 'state', time: 1, duration: null, paused: true, ready: true, via: 'eval' },
      '{"kind":"state",',
      'x'.repeat(2_000_000),
    ]) send(bad);
    expect(seen).toEqual([12.5]);
    expect(bridge.media()?.time).toBe(12.5);
  });

  it('is alive only once the helper says hello', async () => {
    const quiet = channel(() => undefined);
    const hello = channel(() => undefined);
    const alive = bridgeOn(hello.element).alive;
    hello.send({ kind: 'reply', id: 0, ok: true });
    expect(await alive).toBe(true);
    // A helper that never ran (a page's CSP) never says it: the bridge is given up after the reply timeout.
    const silent = bridgeOn(quiet.element).alive;
    expect(await silent).toBe(false);
  });

  it('matches replies to their requests', async () => {
    const { element } = channel((command, reply) => {
      if (command.kind === 'seek') reply({ kind: 'reply', id: command.id, ok: command.seconds === 90 });
    });
    const bridge = bridgeOn(element);
    expect(await bridge.seek(90)).toBe(true);
    expect(await bridge.seek(91)).toBe(false);
  });

  it('validates the player data the page sends back', async () => {
    const answers: unknown[] = [
      { videoId: 'abcDEF12345', title: 'Episode', description: '00:00 Intro\n05:00 Next', lengthSeconds: '3602' },
      { videoId: 'not an id', description: 'x' },
      { videoId: 'abcDEF12345', title: 42, lengthSeconds: 'long' },
    ];
    const { element } = channel((command, reply) => reply({ kind: 'reply', id: command.id, ok: true, data: answers.shift() }));
    const bridge = bridgeOn(element);
    expect(await bridge.playerData()).toEqual({ videoId: 'abcDEF12345', title: 'Episode', description: '00:00 Intro\n05:00 Next', lengthSeconds: 3602 });
    expect(await bridge.playerData()).toBeUndefined();
    // Bad fields are dropped, the rest kept.
    expect(await bridge.playerData()).toEqual({ videoId: 'abcDEF12345' });
  });
});
