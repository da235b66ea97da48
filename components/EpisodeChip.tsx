import { useRef, useState } from 'preact/hooks';
import type { Chapter } from '../lib/timeline';
import { formatTimestamp } from '../lib/timeline';

export interface EpisodeChipProps {
  /** The episode's title, so each chip says which episode it expands. */
  title: string;
  chapters: readonly Chapter[];
  /** Where a chapter opens the episode (the player's time parameter, or Earmark's `#earmark-t=`). */
  hrefAt: (seconds: number) => string;
  /** The page's scheme (lib/content/features/panel.tsx pageScheme): the open list is read on the page's background. */
  scheme?: 'light' | 'dark';
}

/**
 * "N chapters" on an episode card of a show page; expands to the list. Chapters are real links, so a middle
 * click opens the episode at that time in a new tab.
 */
export function EpisodeChip({ title, chapters, hrefAt, scheme = 'light' }: EpisodeChipProps) {
  const [open, setOpen] = useState(false);
  const summary = useRef<HTMLButtonElement>(null);
  const withHours = chapters.some((c) => c.startTime >= 3600);
  return (
    <div
      class={`chip ${scheme}`}
      onKeyDown={(e) => {
        // Escape folds an open list, and focus goes back to the chip's button (never to the page).
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        summary.current?.focus();
      }}
    >
      <button
        ref={summary}
        type="button"
        class="summary"
        aria-expanded={open}
        aria-label={`${chapters.length} chapters in ${title}`}
        onClick={(e) => {
          // The card itself is usually a link: the chip must not open the episode when it only expands.
          e.preventDefault();
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        <span aria-hidden="true">◆</span> {chapters.length} chapters
      </button>
      {open && (
        <ol>
          {chapters.map((c) => (
            <li key={c.startTime}>
              <a href={hrefAt(c.startTime)} data-start={String(c.startTime)} onClick={(e) => e.stopPropagation()}>
                <span class="time">{formatTimestamp(c.startTime, { withHours })}</span> {c.title}
              </a>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export const CHIP_CSS = `
:host { display: block !important; margin: 6px 0 !important; }
.chip { --fg: #1d1d1f; --muted: #6e6e73; --hover: #f2f2f4; --pill: #fff1e6; --pill-fg: #9a3412; --accent: #c2410c; font: 13px/1.4 system-ui, sans-serif; color: var(--fg); }
.chip.dark { --fg: #f5f5f7; --muted: #a1a1a6; --hover: #2c2c2e; --pill: #431407; --pill-fg: #fed7aa; --accent: #fb923c; }
button { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; text-align: left; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); }
.summary { background: var(--pill); color: var(--pill-fg); border-radius: 999px; padding: 2px 10px; }
ol { list-style: none; margin: 4px 0 0; padding: 0; }
li a { display: block; padding: 2px 4px; border-radius: 4px; color: inherit; text-decoration: none; }
li a:hover { background: var(--hover); }
.time { font-variant-numeric: tabular-nums; color: var(--muted); }
`;
