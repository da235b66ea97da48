/**
 * Feature: the times written in the show notes become links that seek the player in place (`data-earmark-seek`,
 * the DOM contract). Only times the timeline engine accepted (chapter starts and mentions) are linked, and only
 * clicks on links this feature made are taken: a page element that carries the same attribute is the page's.
 */
import { SEEK_ATTR, linkifyTimes, unlinkify, type Linkified } from '../linkify';

export interface NoteLinksHost {
  doc: Document;
  /** Runs our own DOM writes so that the runtime does not take them for page changes. */
  write<T>(fn: () => T): T;
  /** Seeks the episode (a click on one of our links). */
  seek(seconds: number): void;
  /** Registers a page listener for the content script's lifetime. */
  listen(target: EventTarget, type: string, handler: (event: Event) => void): void;
}

export interface NoteLinks {
  /** Links the accepted times in `notes`; what it changed, to be undone by `unlink`. */
  link(notes: Element | null, times: ReadonlySet<number>): Linkified;
  /** Puts the notes back as the page wrote them. */
  unlink(linked: Linkified): void;
}

export function createNoteLinks({ doc, write, seek, listen }: NoteLinksHost): NoteLinks {
  const ours = new WeakSet<Element>();
  listen(doc, 'click', (event) => {
    const link = (event.target as Element | null)?.closest?.(`[${SEEK_ATTR}]`);
    if (!link || !ours.has(link)) return;
    const seconds = Number(link.getAttribute(SEEK_ATTR));
    if (!Number.isFinite(seconds)) return;
    event.preventDefault();
    seek(seconds);
  });
  return {
    link(notes, times) {
      if (!notes) return { links: [], replaced: [] };
      const linked = write(() => linkifyTimes(notes, times));
      for (const a of linked.links) ours.add(a);
      return linked;
    },
    unlink(linked) {
      unlinkify(linked);
    },
  };
}
