import { describe, expect, it } from 'vitest';
import { asContentStatus } from '../../lib/content-status';
import { MAX_GUEST_LINKS } from '../../lib/guest-links';
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

describe('the status check (lib/content-status.ts)', () => {
  const base = {
    instance: 'abc-123',
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
    for (const bad of [undefined, null, 'status', { ...base, kind: 'elsewhere', guests: [] }, { ...base, instance: 5, guests: [] }]) {
      expect(asContentStatus(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
