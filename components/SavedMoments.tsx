import { useEffect, useRef, useState } from 'preact/hooks';
import type { Moment } from '../lib/moments/model';
import { formatTimestamp } from '../lib/timeline';

export interface MomentActions {
  onSeek: (seconds: number) => void;
  onNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
  onRestore: (id: string) => void;
}

const clock = (seconds: number) => formatTimestamp(Math.floor(seconds));

/**
 * The toast after a save: says where, offers Undo, and takes a note right there (Enter keeps it, Escape
 * closes). Nothing is lost if the listener ignores it: the moment is already stored.
 */
export function SavedToast({ moment, actions, onClose }: { moment: Moment; actions: MomentActions; onClose: () => void }) {
  const [note, setNote] = useState(moment.note);
  const [undone, setUndone] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setNote(moment.note), [moment.id]);
  const keep = () => {
    if (note !== moment.note) actions.onNote(moment.id, note);
  };
  if (undone) {
    return (
      <div class="toast" role="status">
        Removed the moment at {clock(moment.time)}.{' '}
        <button type="button" onClick={() => (actions.onRestore(moment.id), setUndone(false))}>
          Put it back
        </button>
      </div>
    );
  }
  return (
    <div class="toast" role="status" data-saved-moment={moment.id}>
      <span>
        Saved at {clock(moment.time)}
        {moment.chapterTitle ? ` · ${moment.chapterTitle}` : ''}
      </span>
      <button type="button" data-action="undo-save" onClick={() => (actions.onDelete(moment.id), setUndone(true))}>
        Undo
      </button>
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
          if (e.key === 'Enter') {
            keep();
            onClose();
          } else if (e.key === 'Escape') onClose();
        }}
      />
    </div>
  );
}

/** This episode's saved moments (`data-moment-time`, DOM contract), in playback order. */
export function MomentList({ moments, actions }: { moments: readonly Moment[]; actions: MomentActions }) {
  if (moments.length === 0) return null;
  return (
    <ol class="moments" aria-label="Saved moments">
      {[...moments]
        .sort((a, b) => a.time - b.time)
        .map((m) => (
          <li key={m.id} data-moment-time={String(m.time)}>
            <button type="button" class="moment-time" onClick={() => actions.onSeek(m.time)}>
              ★ {clock(m.time)}
            </button>
            <span class="moment-note">{m.note || m.chapterTitle || ''}</span>
            <button type="button" class="moment-delete" aria-label={`Delete the moment at ${clock(m.time)}`} onClick={() => actions.onDelete(m.id)}>
              ×
            </button>
          </li>
        ))}
    </ol>
  );
}
