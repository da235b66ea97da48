import { describe, expect, it } from 'vitest';
import { createNotesReveal } from '../../lib/content/features/notes-reveal';
import type { PlayerAdapter } from '../../lib/players/types';

function setup(answers: Array<'clicked' | 'shown' | 'absent'>) {
  let presses = 0;
  const adapter = { revealNotes: () => { presses++; return answers.shift() ?? 'absent'; } } as unknown as PlayerAdapter;
  let writes = 0;
  const reveal = createNotesReveal({} as Document, adapter, (fn) => (writes++, fn()));
  return { reveal, presses: () => presses, writes: () => writes };
}

describe('feature: collapsed notes', () => {
  it('stops pressing once the notes are shown, so the listener may collapse them again', () => {
    const s = setup(['clicked', 'shown']);
    for (let i = 0; i < 5; i++) s.reveal.run('https://a.example/ep');
    expect(s.presses()).toBe(2);
    expect(s.writes()).toBe(2);
  });

  it('says when it pressed the button just now (the runtime then reads the notes once the page drew the rest)', () => {
    const s = setup(['absent', 'clicked', 'shown']);
    expect([1, 2, 3, 4].map(() => s.reveal.run('https://a.example/ep'))).toEqual([false, true, false, false]);
  });

  it('gives up after three presses on a page that will not expand, and tries anew on another page', () => {
    const s = setup(Array(10).fill('clicked'));
    for (let i = 0; i < 6; i++) s.reveal.run('https://a.example/ep');
    expect(s.presses()).toBe(3);
    s.reveal.run('https://a.example/other');
    expect(s.presses()).toBe(4);
  });

  it('keeps trying while there is nothing to press yet (the page is still rendering)', () => {
    const s = setup(['absent', 'absent', 'absent', 'absent', 'shown']);
    for (let i = 0; i < 6; i++) s.reveal.run('https://a.example/ep');
    expect(s.presses()).toBe(5);
  });
});
