import { describe, expect, it } from 'vitest';
import { asContentRequest } from '../../lib/messages';

describe('content requests', () => {
  it('accepts exactly the requests the popup and the background send, addressed or not', () => {
    expect(asContentRequest({ type: 'earmark:status' })).toEqual({ type: 'earmark:status' });
    expect(asContentRequest({ type: 'earmark:step', delta: -1, to: 'abc-123' })).toEqual({ type: 'earmark:step', delta: -1, to: 'abc-123' });
    expect(asContentRequest({ type: 'earmark:seek', seconds: 90 })).toEqual({ type: 'earmark:seek', seconds: 90 });
    expect(asContentRequest({ type: 'earmark:save-here', to: 'x' })).toEqual({ type: 'earmark:save-here', to: 'x' });
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
    ]) expect(asContentRequest(bad), JSON.stringify(bad)).toBeUndefined();
  });
});
