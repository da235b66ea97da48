/**
 * Chapter markers on the player's own progress bar: one element per chapter, in the page's DOM, carrying
 * `data-earmark-marker` and `data-start` (the DOM contract). They never take clicks (pointer-events: none), so
 * the page's scrubber keeps working, and they are re-attached when the player re-renders its bar.
 */
import type { Chapter } from '../timeline';

export const MARKER_ATTR = 'data-earmark-marker';

const POSITIONED_ATTR = 'data-earmark-positioned';

/**
 * Saved moments' markers carry this and `data-start` (not MARKER_ATTR: that one means a chapter), and a range's
 * also `data-moment-end`; they are drawn in amber, above the chapters' (a range as a band from start to end).
 */
export const MOMENT_MARKER_ATTR = 'data-earmark-moment';

/** A saved moment on the bar: a point, or a range when `end` is after `start`. */
export interface MarkedMoment {
  start: number;
  end?: number;
}

export function placeMarkers(bar: HTMLElement, chapters: readonly Chapter[], duration: number, moments: readonly MarkedMoment[] = []): HTMLElement[] {
  removeMarkers(bar.ownerDocument);
  if (!(duration > 0)) return [];
  // Absolute children need a positioned parent; progress bars almost always are. When we position it, we say so
  // and undo it with the markers.
  const view = bar.ownerDocument.defaultView;
  if (typeof view?.getComputedStyle === 'function' && view.getComputedStyle(bar).position === 'static') {
    bar.setAttribute(POSITIONED_ATTR, bar.style.position);
    bar.style.position = 'relative';
  }
  const percent = (t: number) => `${((t / duration) * 100).toFixed(3)}%`;
  const momentMarkers = moments
    .filter(({ start }) => start >= 0 && start <= duration)
    .map(({ start, end }) => {
      const marker = bar.ownerDocument.createElement('div');
      marker.setAttribute(MOMENT_MARKER_ATTR, '');
      marker.dataset.start = String(start);
      const range = end !== undefined && end > start;
      if (range) marker.setAttribute('data-moment-end', String(end));
      // A range is a translucent band (cut at the episode's end), at least as wide as a point's mark.
      const shape = range
        ? `width:${percent(Math.min(end, duration) - start)};min-width:4px;opacity:.7;`
        : 'width:4px;margin-left:-2px;';
      marker.style.cssText =
        `position:absolute;top:-2px;bottom:-2px;left:${percent(start)};${shape}` +
        'border-radius:2px;background:#f59e0b;box-shadow:0 0 0 1px rgba(0,0,0,.4);' +
        'pointer-events:none;z-index:41';
      return marker;
    });
  const chapterMarkers = chapters
    .filter((c) => c.startTime > 0 && c.startTime < duration)
    .map((c) => {
      const marker = bar.ownerDocument.createElement('div');
      marker.setAttribute(MARKER_ATTR, '');
      marker.dataset.start = String(c.startTime);
      marker.style.cssText =
        `position:absolute;top:0;bottom:0;left:${percent(c.startTime)};width:2px;` +
        'margin-left:-1px;background:rgba(255,255,255,.9);box-shadow:0 0 0 1px rgba(0,0,0,.35);' +
        'pointer-events:none;z-index:40';
      return marker;
    });
  const all = [...chapterMarkers, ...momentMarkers];
  bar.append(...all);
  return all;
}

export function removeMarkers(doc: Document): void {
  for (const m of doc.querySelectorAll(`[${MARKER_ATTR}], [${MOMENT_MARKER_ATTR}]`)) m.remove();
  for (const bar of doc.querySelectorAll<HTMLElement>(`[${POSITIONED_ATTR}]`)) {
    bar.style.position = bar.getAttribute(POSITIONED_ATTR) ?? '';
    bar.removeAttribute(POSITIONED_ATTR);
  }
}

/** True when markers for these chapters still sit in this bar (a re-rendered player drops them). */
export function markersInPlace(bar: HTMLElement | null, markers: readonly HTMLElement[]): boolean {
  return bar !== null && markers.length > 0 && markers.every((m) => m.isConnected && m.parentElement === bar);
}
