import { useEffect, useRef, useState } from 'preact/hooks';
import { isRange, spanOf, type Moment } from '../lib/moments/model';
import { momentClock, momentText, savedLabel } from '../lib/moments/share';
import { copyText } from './copy';

export interface MomentActions {
  onSeek: (seconds: number) => void;
  onNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
  onRestore: (id: string) => void;
  /** The link that opens the moment's episode there (absent: no copy buttons). */
  linkOf?: (moment: Moment) => string;
}

/** The DOM contract's attributes for a moment shown in a list: where it starts and, for a range, where it ends. */
export const momentData = (m: Moment): { 'data-moment-time': string; 'data-moment-end'?: string } => ({
  'data-moment-time': String(m.time),
  ...(isRange(m) ? { 'data-moment-end': String(spanOf(m).end) } : {}),
});

type Copied = { text: string; ok: boolean; value?: string } | undefined;

/**
 * "Copy link" and "Copy as text" for one moment, with what happened said in a live region; when the browser refused
 * both ways of copying, the text is shown selected, to copy by hand.
 */
export function CopyButtons({ moment, linkOf, onCopied }: { moment: Moment; linkOf: (m: Moment) => string; onCopied: (said: Copied) => void }) {
  const copy = async (event: Event, what: 'link' | 'text') => {
    const link = linkOf(moment);
    const value = what === 'link' ? link : momentText(moment, link);
    const root = ((event.currentTarget as Element | null)?.getRootNode() ?? document) as ParentNode & Node;
    const ok = await copyText(value, root);
    onCopied(
      ok
        ? { text: what === 'link' ? 'Link copied.' : 'Copied as text.', ok }
        : { text: 'The browser did not let Earmark copy. Select this and copy it:', ok, value },
    );
  };
  const at = momentClock(moment);
  return (
    <>
      <button type="button" class="moment-copy" data-action="copy-link" aria-label={`Copy a link to the moment at ${at}`} title="Copy link" onClick={(e) => void copy(e, 'link')}>
        Link
      </button>
      <button type="button" class="moment-copy" data-action="copy-text" aria-label={`Copy the moment at ${at} as text`} title="Copy as text" onClick={(e) => void copy(e, 'text')}>
        Text
      </button>
    </>
  );
}

/** What the last copy did (a live region), and the text to copy by hand when the browser refused. */
export function CopiedNote({ copied }: { copied: Copied }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (copied?.value !== undefined) field.current?.select();
  }, [copied]);
  return (
    <div class={copied && !copied.ok ? 'copied error' : 'copied'} role="status" aria-live="polite">
      {copied?.text ?? ''}
      {copied?.value !== undefined && <input ref={field} type="text" readOnly aria-label="Text to copy" value={copied.value} />}
    </div>
  );
}

/** The element focused now, looked for through shadow roots (the panel lives in one). */
function focusedIn(root: Node | null): boolean {
  let active = (root?.ownerDocument ?? document).activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return !!root && !!active && root.contains(active);
}

/**
 * The toast after a save: says where, offers Undo (not after a repeat, which saved nothing new), and takes a note
 * right there (Enter keeps it, Escape closes, from anywhere in the toast). Nothing is lost if the listener ignores it: the moment is already stored.
 * Undo and "Put it back" replace each other: focus moves to the one shown, so a keyboard user is not dropped on the
 * page; closing with Escape gives focus back to the save button.
 */
export function SavedToast({
  moment,
  actions,
  onClose,
  rangeOpen,
  pressed,
  again = false,
}: {
  moment: Moment;
  actions: MomentActions;
  onClose: () => void;
  rangeOpen?: boolean;
  /** The save found this moment saved before: nothing new to undo (Undo would delete the first save). */
  again?: boolean;
  /** The panel's save button pressed for this save, if one was (ChapterPanel): taken here, once. */
  pressed?: { current: 'save-moment' | 'save-last' | undefined };
}) {
  const [note, setNote] = useState(moment.note);
  const [undone, setUndone] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  /** The button just pressed is about to be replaced: focus its replacement. */
  const refocus = useRef(false);
  useEffect(() => setNote(moment.note), [moment.id]);
  /** The button that saved this moment, when it was one of the panel's: focus goes back to it. */
  const from = useRef<'save-moment' | 'save-last'>('save-moment');
  // Saved with the panel's button (and focus still on it): the note field takes the focus, so that what the listener
  // types next is the note (on the button, a space or Enter would save the moment again). Saved by the keyboard
  // command or from the popup, focus stays where it is.
  useEffect(() => {
    const button = pressed?.current;
    if (pressed) pressed.current = undefined;
    if (!button) return;
    from.current = button;
    const root = box.current?.getRootNode() as ParentNode | undefined;
    if (focusedIn(root?.querySelector(`button[data-action="${button}"]`) ?? null)) input.current?.focus();
  }, [moment.id]);
  /** Focus back on the save button (the toast and its field are about to go), when it is in the toast now. */
  const returnFocus = () => {
    if (!focusedIn(box.current)) return;
    const root = box.current?.getRootNode() as ParentNode | undefined;
    (root?.querySelector<HTMLElement>(`button[data-action="${from.current}"]`) ?? root?.querySelector<HTMLElement>('button[data-action="save-moment"]'))?.focus();
  };
  useEffect(() => {
    if (refocus.current) box.current?.querySelector('button')?.focus();
    refocus.current = false;
  }, [undone]);
  /** The note last handed to onNote: Enter and the blur that follows it keep it once. */
  const kept = useRef(moment.note);
  /** The note as typed, for the keep on unmount (a render's `note` is that render's). */
  const typed = useRef(note);
  typed.current = note;
  const keep = () => {
    if (typed.current === kept.current) return;
    kept.current = typed.current;
    actions.onNote(moment.id, typed.current);
  };
  // Replaced by the next save's toast, or closed from elsewhere, while a note was being typed: the note is kept (a
  // removed field fires no blur in every browser), and focus goes to the save button rather than to the page.
  useEffect(
    () => () => {
      keep();
      returnFocus();
    },
    [],
  );
  const swap = (to: boolean) => {
    refocus.current = focusedIn(box.current);
    setUndone(to);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    returnFocus();
    onClose();
  };
  if (undone) {
    return (
      <div class="toast" role="status" ref={box} onKeyDown={onKeyDown}>
        Removed the moment at {momentClock(moment)}.{' '}
        <button type="button" onClick={() => (actions.onRestore(moment.id), swap(false))}>
          Put it back
        </button>
      </div>
    );
  }
  return (
    <div class="toast" role="status" data-saved-moment={moment.id} ref={box} onKeyDown={onKeyDown}>
      <span>
        {savedLabel(moment, again)}
        {moment.chapterTitle ? ` · ${moment.chapterTitle}` : ''}
        {rangeOpen ? ' · press the save shortcut again to end a range here' : ''}
      </span>
      {!again && (
        <button type="button" data-action="undo-save" onClick={() => (actions.onDelete(moment.id), swap(true))}>
          Undo
        </button>
      )}
      <input
        ref={input}
        type="text"
        aria-label="Note for this moment"
        placeholder="Add a note (Enter to keep)"
        maxLength={10_000}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
        onBlur={keep}
        onKeyDown={(e) => {
          // Escape is the toast's own (above).
          // A held Enter repeats: only its first press closes (a repeat on the save button would save again), and an
          // Enter that ends an input method's composition is the composition's.
          if (e.key === 'Enter' && (e.repeat || e.isComposing)) {
            e.preventDefault();
            return;
          }
          if (e.key === 'Enter') {
            // Not passed on: focus is on the save button by the time the key's press would reach it, and save again.
            e.preventDefault();
            keep();
            returnFocus();
            onClose();
          }
        }}
      />
    </div>
  );
}

/**
 * This episode's saved moments (`data-moment-time`, and `data-moment-end` for a range: DOM contract), in playback
 * order, each with its copy buttons.
 */
export function MomentList({ moments, actions }: { moments: readonly Moment[]; actions: MomentActions }) {
  const [copied, setCopied] = useState<Copied>();
  const list = useRef<HTMLOListElement>(null);
  /**
   * A delete pressed with focus on it removes the focused button: once the moment is gone, focus goes to the moment
   * now in its place (or the last one), or to the save button when none is left, never to the page.
   */
  const refocus = useRef<{ index: number; root: ParentNode } | undefined>();
  useEffect(() => {
    const pending = refocus.current;
    if (!pending) return;
    refocus.current = undefined;
    const times = [...(list.current?.querySelectorAll<HTMLButtonElement>('.moment-time') ?? [])];
    (times[Math.min(pending.index, times.length - 1)] ?? pending.root.querySelector<HTMLElement>('button[data-action="save-moment"], button.toggle'))?.focus();
  }, [moments]);
  if (moments.length === 0) return null;
  return (
    <>
      <ol class="moments" aria-label="Saved moments" ref={list}>
        {[...moments]
          .sort((a, b) => a.time - b.time)
          .map((m, index) => (
            <li key={m.id} {...momentData(m)}>
              <button type="button" class="moment-time" onClick={() => actions.onSeek(m.time)}>
                ★ {momentClock(m)}
              </button>
              <span class="moment-note">{m.note || m.chapterTitle || ''}</span>
              {actions.linkOf && <CopyButtons moment={m} linkOf={actions.linkOf} onCopied={setCopied} />}
              <button type="button" class="moment-delete" aria-label={`Delete the moment at ${momentClock(m)}`} onClick={(e) => {
                  if (focusedIn(e.currentTarget)) refocus.current = { index, root: e.currentTarget.getRootNode() as ParentNode };
                  actions.onDelete(m.id);
                }}
              >
                ×
              </button>
            </li>
          ))}
      </ol>
      {actions.linkOf && <CopiedNote copied={copied} />}
    </>
  );
}
