import { useState } from 'preact/hooks';
import type { Chapter } from '../lib/timeline';
import { formatTimestamp } from '../lib/timeline';

export interface EpisodeChipProps {
  chapters: readonly Chapter[];
  /** Opens the episode at a chapter. */
  onOpen: (seconds: number) => void;
}

/** "N chapters" on an episode card of a show page; expands to the list, a click opens the episode there. */
export function EpisodeChip({ chapters, onOpen }: EpisodeChipProps) {
  const [open, setOpen] = useState(false);
  const withHours = chapters.some((c) => c.startTime >= 3600);
  return (
    <div class="chip">
      <button
        type="button"
        class="summary"
        aria-expanded={open}
        onClick={(e) => {
          // The card itself is usually a link: the chip must not open the episode when it only expands.
          e.preventDefault();
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        ◆ {chapters.length} chapters
      </button>
      {open && (
        <ol>
          {chapters.map((c) => (
            <li key={c.startTime}>
              <button
                type="button"
                data-start={String(c.startTime)}
                onClick={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  onOpen(c.startTime);
                }}
              >
                <span class="time">{formatTimestamp(c.startTime, { withHours })}</span> {c.title}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export const CHIP_CSS = `
:host { display: block; margin: 6px 0; }
.chip { font: 13px/1.4 system-ui, sans-serif; color: #1d1d1f; }
button { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; text-align: left; }
button:focus-visible { outline: 2px solid #c2410c; }
.summary { background: #fff1e6; color: #9a3412; border-radius: 999px; padding: 2px 10px; }
ol { list-style: none; margin: 4px 0 0; padding: 0; }
li button { padding: 2px 4px; border-radius: 4px; width: 100%; }
li button:hover { background: #f2f2f4; }
.time { font-variant-numeric: tabular-nums; color: #6e6e73; }
`;
