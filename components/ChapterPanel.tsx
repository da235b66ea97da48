import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { chapterAt, formatTimestamp, type Chapter } from '../lib/timeline';
import type { Store } from '../lib/content/store';
import { useStore } from './use-store';
import { WikiLookup } from './WikiLookup';
import { MomentList, SavedToast, type MomentActions } from './SavedMoments';
import { isRange, spanOf, type Moment } from '../lib/moments/model';
import type { WikiAnswer } from '../lib/messages';
import type { GuestLink } from '../lib/guests';
import { GuestIntro, GuestLinks } from './GuestLinks';
import { SOURCE_LABEL, type ChapterSource } from '../lib/feed/source';
import { nextAnnouncement, type Announcement } from '../lib/content/announce';
import { ariaKeyShortcuts } from '../lib/shortcut-keys';

/** A guest as the panel shows it. */
export interface GuestView {
  name: string;
  affiliations: readonly string[];
  summary: string;
  /** The text each finding came from ("why we think so"). */
  evidence: readonly string[];
  /** Pages the notes give for the guest (https only; checked again when shown). */
  links: readonly GuestLink[];
  /** The podcast itself names this guest (its feed's `podcast:person`), not only Earmark's reading of the notes. */
  namedBy?: 'podcast';
  /** The photo the podcast gives (https; loaded without a referrer). */
  photo?: string;
}

export interface PanelState {
  chapters: readonly Chapter[];
  /** Where the chapters came from, when not the page's notes: the panel says so. */
  source?: Exclude<ChapterSource, 'notes'>;
  guests: readonly GuestView[];
  /** Seconds of media, when known. */
  duration?: number;
  /** Draw the mini timeline: the player has no progress bar we can mark. */
  showTimeline: boolean;
  scheme: 'light' | 'dark';
  /** This episode's saved moments. */
  moments?: readonly Moment[];
  /** The moment just saved (its toast), if any. */
  saved?: Moment;
  /** That save found the moment saved before (a double press): its toast says so and offers no Undo. */
  savedAgain?: boolean;
  /** That moment is open: the save command pressed again ends a range there. */
  rangeOpen?: boolean;
  /** "Save the last N s": N, from the settings (absent: no such button). */
  lastSeconds?: number;
  /** The panel starts collapsed to its header (a setting). */
  collapsed?: boolean;
  /**
   * The save command's key as the browser has it ('' when the listener cleared it): shown on the save button.
   * Absent until the background says: no key is shown rather than one the listener may have changed.
   */
  saveShortcut?: string;
}

export interface ChapterPanelProps {
  state: Store<PanelState>;
  time: Store<number>;
  onSeek: (seconds: number) => void;
  /** Optional Wikipedia enrichment for a guest card (absent: no look-up button). */
  onLookup?: (name: string) => Promise<WikiAnswer>;
  /** Saving moments (absent: no save button). */
  onSave?: () => void;
  /** Saving the last seconds as a range (absent: no such button). */
  onSaveLast?: () => void;
  moments?: Omit<MomentActions, 'onSeek'> & { onDismiss: () => void };
}

const minutes = (s: number) => (s >= 90 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);

/** Past this many characters a chapter title may not fit its three lines: the whole of it is the button's tooltip. */
const LONG_TITLE = 120;

/**
 * The chapter list beside the notes: every chapter a button (`button[data-start]`, DOM contract), the playing one
 * marked with aria-current. Arrow keys move between chapters; Enter or Space seeks.
 */
export function ChapterPanel({ state, time, onSeek, onLookup, onSave, onSaveLast, moments: momentActions }: ChapterPanelProps) {
  /**
   * Which of the panel's save buttons was pressed last, until its toast takes it: that toast puts focus in its note
   * field. A save by the keyboard command or from the popup leaves focus where it is.
   */
  const pressed = useRef<'save-moment' | 'save-last' | undefined>();
  const { chapters, source, guests, duration, showTimeline, scheme, moments = [], saved, savedAgain, rangeOpen, lastSeconds, saveShortcut } = useStore(state);
  const ariaKeys = saveShortcut ? ariaKeyShortcuts(saveShortcut) : undefined;
  const actions: MomentActions | undefined = momentActions && { ...momentActions, onSeek };
  const now = useStore(time);
  const [open, setOpen] = useState(() => !state.get().collapsed);
  const list = useRef<HTMLOListElement>(null);
  const current = chapterAt(
    chapters.map((c) => c.startTime),
    now,
  );
  // The live region's text follows the chapter, not the clock (lib/content/announce.ts).
  const announced = useRef<Announcement>();
  announced.current = nextAnnouncement(announced.current, chapters, current);
  const withHours = chapters.some((c) => c.startTime >= 3600);
  const end = (i: number) => chapters[i]!.endTime ?? chapters[i + 1]?.startTime ?? duration;

  const toggle = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLOListElement>) => {
    // Escape folds the list, as it closes a chip's list, and focus goes back to the button that opens it (not to the
    // page, which would act on the same key: a player leaves full screen on it).
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-start]') ?? [])];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : at + (event.key === 'ArrowDown' ? 1 : -1);
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
    event.preventDefault();
  };

  return (
    <section class={`panel ${scheme}`} aria-label="Chapters">
      <header>
        <button class="toggle" type="button" ref={toggle} aria-expanded={open} onClick={() => setOpen(!open)}>
          <span class="logo" aria-hidden="true">
            ◆
          </span>
          {chapters.length > 0 ? (
            <>
              Chapters <span class="count">{chapters.length}</span>
            </>
          ) : (
            'Guests'
          )}
          <span class="chevron" aria-hidden="true">
            ▾
          </span>
        </button>
        {onSave && (
          <button class="save" type="button" data-action="save-moment" aria-keyshortcuts={ariaKeys} title={saveShortcut ? `Save this moment (${saveShortcut})` : 'Save this moment'} onClick={() => ((pressed.current = 'save-moment'), onSave())}>
            ★ Save moment
          </button>
        )}
        {onSaveLast && lastSeconds !== undefined && (
          <button class="save" type="button" data-action="save-last" title={`Save the last ${lastSeconds} seconds as a range`} onClick={() => ((pressed.current = 'save-last'), onSaveLast())}>
            Save last {lastSeconds} s
          </button>
        )}
      </header>
      {/* Outside `open`: a collapsed panel still says when the chapter changes. */}
      <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-announce="chapter">
        {announced.current.text}
      </p>
      {open && source && chapters.length > 0 && (
        <p class="source" data-source={source}>
          Chapters {SOURCE_LABEL[source]}
        </p>
      )}
      {saved && actions && (
        // Keyed by the save as well: a repeat gets a toast of its own (focus in its note field when a button saved).
        <SavedToast
          key={`${saved.id}${savedAgain ? ':again' : ''}`}
          moment={saved}
          actions={actions}
          pressed={pressed}
          onClose={momentActions!.onDismiss}
          {...(rangeOpen ? { rangeOpen } : {})}
          {...(savedAgain ? { again: true } : {})}
        />
      )}
      {open && actions && <MomentList moments={moments} actions={actions} />}
      {open && guests.length > 0 && (
        <div class="guests" role="group" aria-label="Guests">
          {guests.map((g) => (
            <article class="guest" data-guest={g.name} key={g.name} {...(g.namedBy ? { 'data-named-by': g.namedBy } : {})}>
              {g.photo?.startsWith('https://') && <img class="photo" src={g.photo} alt="" width={40} height={40} loading="lazy" referrerpolicy="no-referrer" />}
              <h3>{g.name}</h3>
              {g.namedBy === 'podcast' && <p class="named">Named by the podcast</p>}
              <GuestIntro summary={g.summary} affiliations={g.affiliations} />
              <GuestLinks name={g.name} links={g.links} />
              <details>
                <summary>Why we think so</summary>
                <ul>
                  {g.evidence.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </details>
              {onLookup && <WikiLookup name={g.name} lookup={onLookup} />}
            </article>
          ))}
        </div>
      )}
      {open && showTimeline && duration !== undefined && duration > 0 && (
        <div class="timeline" aria-hidden="true">
          {chapters.map((c, i) => (
            <span
              key={c.startTime}
              class={i === current ? 'segment current' : 'segment'}
              style={{ left: `${(c.startTime / duration) * 100}%`, width: `${(((end(i) ?? duration) - c.startTime) / duration) * 100}%` }}
            />
          ))}
          {moments
            .filter((m) => m.time <= duration)
            .map((m) => {
              const { start, end } = spanOf(m);
              // A range is drawn from its start to its end (cut at the episode's end); a point is a tick.
              const width = isRange(m) ? `${((Math.min(end, duration) - start) / duration) * 100}%` : undefined;
              return (
                <span
                  key={m.id}
                  class={width ? 'moment-tick moment-range' : 'moment-tick'}
                  style={{ left: `${(start / duration) * 100}%`, ...(width ? { width } : {}) }}
                />
              );
            })}
          <span class="playhead" style={{ left: `${Math.min(100, (now / duration) * 100)}%` }} />
        </div>
      )}
      {open && (
        <ol class="chapters" ref={list} onKeyDown={onKeyDown}>
          {chapters.map((c, i) => {
            const length = end(i) !== undefined ? end(i)! - c.startTime : undefined;
            return (
              <li key={`${c.startTime}-${i}`}>
                <button
                  type="button"
                  data-start={String(c.startTime)}
                  aria-current={i === current ? 'true' : undefined}
                  title={c.title.length > LONG_TITLE ? c.title : undefined}
                  onClick={() => onSeek(c.startTime)}
                >
                  <span class="time">{formatTimestamp(c.startTime, { withHours })}</span>
                  <span class="title">{c.title}</span>
                  {length !== undefined && length > 0 && <span class="length">{minutes(length)}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
