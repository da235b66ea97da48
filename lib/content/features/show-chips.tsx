/**
 * Feature: on a show page, a chip on each episode card whose notes hold a timeline (its chapters, each a link that
 * opens the episode there) and, in `data-guests`, the guests the card names. The show's hosts are the names that
 * recur across most cards (read once per set of cards), so they are not taken for each episode's guest.
 *
 * Idempotent: a card keeps its chip while the page shows the same episode in it; a card the page reused for
 * another episode, or whose chip it dropped, gets a fresh one. DOM writes go through `write` (see runtime.tsx).
 */
import { render } from 'preact';
import { CHIP_CSS, EpisodeChip } from '../../../components/EpisodeChip';
import type { extractGuests, recurringHosts } from '../../guests';
import type { PlayerAdapter } from '../../players/types';
import { pageScheme } from './panel';
import { parseTimeline, type Chapter } from '../../timeline';

export interface ShowChipsHost {
  doc: Document;
  adapter: PlayerAdapter;
  /** Runs our own DOM writes so that the runtime does not take them for page changes. */
  write<T>(fn: () => T): T;
  /** Notes past this length are read only up to it. */
  maxNotes: number;
  /**
   * The guests engine, once loaded (the runtime loads it apart, off the panel's path); undefined until then: chips
   * come without `data-guests`, which a later `annotate` adds.
   */
  guests: () => ShowGuestsEngine | undefined;
}

export interface ShowGuestsEngine {
  extractGuests: typeof extractGuests;
  recurringHosts: typeof recurringHosts;
  /** How many cards are read together for the show's recurring names. */
  RECURRENCE_SAMPLE: number;
}

export interface ShowChips {
  /**
   * Annotates the show page at `url`: 'ready' when chips are shown with their guests, 'none' when cards have none,
   * else undefined (nothing to annotate, or the guests engine is still loading).
   */
  annotate(url: URL): 'ready' | 'none' | undefined;
  /** Removes every chip (leaving the show page, or on invalidation). */
  remove(): void;
  /** Whether any chip is on the page. */
  shown(): boolean;
  /** Draws every chip in the page's scheme now (the page switched between light and dark). */
  rescheme(scheme: 'light' | 'dark'): void;
}

export function createShowChips({ doc, adapter, write, maxNotes, guests: engine }: ShowChipsHost): ShowChips {
  /** Chips by card, with the episode URL each was made for, whether its guests were read, and the scheme it shows. */
  const chips = new Map<Element, { url: string; chip: HTMLElement; named: boolean; scheme: 'light' | 'dark'; draw: (scheme: 'light' | 'dark') => void }>();
  // The show's recurring names, kept for the cards they were read from.
  let showHosts: { key: string; names: string[] } | undefined;

  return {
    annotate(url) {
      const cards = adapter.showEpisodes?.(doc, url) ?? [];
      const guests = engine();
      // Read together: a name on most of the show's cards is a host, not each episode's guest. Only when a card
      // gets a chip, and once per set of cards (this runs on every debounced page change).
      const sample = guests ? cards.slice(0, guests.RECURRENCE_SAMPLE) : [];
      const sampleKey = sample.map((card) => card.url).join('\u0000');
      const hosts = (g: ShowGuestsEngine) => {
        if (showHosts?.key !== sampleKey) {
          showHosts = { key: sampleKey, names: g.recurringHosts(sample.map((card) => ({ title: card.title, notes: card.notes.slice(0, maxNotes) }))) };
        }
        return showHosts.names;
      };
      const name = (chip: HTMLElement, card: { title: string; notes: string }, g: ShowGuestsEngine) => {
        const names = g.extractGuests({ title: card.title, notes: card.notes.slice(0, maxNotes), hosts: hosts(g) }).map((found) => found.name);
        if (names.length) chip.dataset.guests = names.join(';');
      };
      // Read once per pass, and only when a chip is made: the page's scheme costs a style read.
      let scheme: 'light' | 'dark' | undefined;
      write(() => {
        for (const card of cards) {
          const known = chips.get(card.element);
          if (known && known.url === card.url && known.chip.isConnected) {
            // Made before the guests engine was there: its guests now.
            if (!known.named && guests) {
              name(known.chip, card, guests);
              known.named = true;
            }
            continue;
          }
          known?.chip.remove();
          chips.delete(card.element);
          const { chapters } = parseTimeline(card.notes.slice(0, maxNotes), { html: true });
          if (chapters.length < 2) continue;
          const { host: chip, draw } = createChip(doc, card.title, chapters, (t) => adapter.linkAt?.(card.url, t) ?? card.url);
          scheme ??= pageScheme(doc);
          draw(scheme);
          if (guests) name(chip, card, guests);
          card.element.append(chip);
          chips.set(card.element, { url: card.url, chip, named: guests !== undefined, scheme, draw });
        }
      });
      const shown = [...chips.values()].filter((c) => c.chip.isConnected).length;
      // Finished once the shown chips name their guests too.
      if (shown > 0) return guests ? 'ready' : undefined;
      return cards.length > 0 ? 'none' : undefined;
    },

    shown: () => chips.size > 0,

    rescheme(scheme) {
      // Each chip keeps the scheme it was drawn in: one made between the page's switch and this call has the new one.
      const stale = [...chips.values()].filter((c) => c.scheme !== scheme);
      if (stale.length === 0) return;
      write(() => {
        for (const c of stale) {
          c.draw(scheme);
          c.scheme = scheme;
        }
      });
    },

    remove() {
      if (chips.size === 0) return;
      write(() => {
        for (const { chip } of chips.values()) chip.remove();
      });
      chips.clear();
    },
  };
}

/** A chip's host element, and how to draw it in a scheme (again when the page's scheme changes). */
function createChip(doc: Document, title: string, chapters: Chapter[], hrefAt: (seconds: number) => string): { host: HTMLElement; draw: (scheme: 'light' | 'dark') => void } {
  const host = doc.createElement('earmark-chip');
  host.dataset.chapters = String(chapters.length);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CHIP_CSS;
  const container = doc.createElement('div');
  root.append(style, container);
  // Keys typed on the chip are ours, not the page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  // Preact re-renders in place: an open list stays open.
  const draw = (scheme: 'light' | 'dark') => render(<EpisodeChip title={title} chapters={chapters} hrefAt={hrefAt} scheme={scheme} />, container);
  return { host, draw };
}
