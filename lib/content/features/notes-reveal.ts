/**
 * Feature: notes the page keeps collapsed ("… Show more") are expanded once per page, as the listener would with a
 * click, so that the whole timeline is read and linked. A page that will not expand is pressed at most MAX_PRESSES
 * times; once the notes are shown, the listener may collapse them again and Earmark does not reopen them.
 */
import type { PlayerAdapter } from '../../players/types';

const MAX_PRESSES = 3;

export interface NotesReveal {
  /** Expands the notes of the page at `href` when it is still worth trying; true when it pressed the button now. */
  run(href: string): boolean;
}

export function createNotesReveal(doc: Document, adapter: PlayerAdapter, write: <T>(fn: () => T) => T): NotesReveal {
  let state = { href: '', presses: 0, done: false };
  return {
    run(href) {
      const reveal = adapter.revealNotes;
      if (!reveal) return false;
      if (state.href !== href) state = { href, presses: 0, done: false };
      if (state.done) return false;
      const result = write(() => reveal.call(adapter, doc));
      if (result === 'clicked') state.presses++;
      state.done = result === 'shown' || state.presses >= MAX_PRESSES;
      return result === 'clicked';
    },
  };
}
