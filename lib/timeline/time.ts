/**
 * Time math shared by the parser, the formats and the UI. Pure: no DOM, no `browser`.
 */

/** `83.5` → `1:23.500`; hours are shown when `withHours` or when the time needs them. */
export function formatTimestamp(seconds: number, options: { withHours?: boolean; padMinutes?: boolean } = {}): string {
  const totalMs = Math.round(Math.max(0, seconds) * 1000);
  const ms = totalMs % 1000;
  const whole = Math.floor(totalMs / 1000);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  const frac = ms ? '.' + String(ms).padStart(3, '0') : '';
  if (h > 0 || options.withHours) return `${h}:${String(m).padStart(2, '0')}:${ss}${frac}`;
  return `${options.padMinutes ? String(m).padStart(2, '0') : m}:${ss}${frac}`;
}

/** `83.5` → `00:01:23.500`, the fixed form of WebVTT and Podlove Simple Chapters. */
export function formatClock(seconds: number): string {
  const totalMs = Math.round(Math.max(0, seconds) * 1000);
  const h = Math.floor(totalMs / 3_600_000);
  const m = Math.floor((totalMs % 3_600_000) / 60_000);
  const s = Math.floor((totalMs % 60_000) / 1000);
  const ms = totalMs % 1000;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(h)}:${p2(m)}:${p2(s)}.${String(ms).padStart(3, '0')}`;
}

/**
 * Reads a time as written in a link (`t=` / `#t=` values and the like): `750`, `750s`, `12m30s`,
 * `1h2m3s`, `12:30`, `1:02:03`. Returns undefined for anything else.
 */
export function parseTimeValue(value: string): number | undefined {
  const v = value.trim();
  if (/^\d{1,6}(?:\.\d{1,3})?s?$/.test(v)) return Number.parseFloat(v);
  const hms = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(v);
  if (hms && (hms[1] || hms[2] || hms[3])) {
    return Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0);
  }
  const colon = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:\.(\d{1,3}))?$/.exec(v);
  if (colon) {
    const [, h, m, s, f] = colon;
    if (Number(s) > 59 || (h !== undefined && Number(m) > 59)) return undefined;
    return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + (f ? Number(`0.${f}`) : 0);
  }
  return undefined;
}

/** The names a media URL's seek parameter goes by (`t=`, `start=`, `time_continue=`), as a regex alternation. */
export const SEEK_PARAMS = 't|start|time_continue';
const SEEK_VALUE = new RegExp(`[?#&](?:${SEEK_PARAMS})=([0-9hms:.]+)`, 'i');
const SEEK_PARAM = new RegExp(`([?&])(?:${SEEK_PARAMS})=[^&]*&?`, 'gi');

/** The seek time a media URL carries (`?t=750`, `#t=12:30`, `&start=90`), if any. */
export function timeFromUrl(href: string): number | undefined {
  // Most links carry no parameter at all: a search for its `=` answers them without the regex.
  if (!href.includes('=')) return undefined;
  const m = SEEK_VALUE.exec(href);
  return m ? parseTimeValue(m[1]!) : undefined;
}

/** The page a seek link opens, without its seek parameter or fragment: links into one episode compare equal. */
export function withoutSeek(href: string): string {
  return href.replace(/#.*$/, '').replace(SEEK_PARAM, '$1').replace(/[?&]$/, '');
}

/**
 * Index of the chapter playing at `time` (the last that starts at or before it), or -1 before the first. A small
 * tolerance: a seek to a chapter start lands a few milliseconds before it on some players.
 */
export function chapterAt(starts: readonly number[], time: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= time + 0.25) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
