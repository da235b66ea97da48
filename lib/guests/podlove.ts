/**
 * Who was on air, as a Podlove Publisher site says it: its episode contributors table (`table.podlove-contributors-table`,
 * grouped by `th.contributor-group` — "On Air", "Produktion", … — with each person's name in `td.title_cell`). It is
 * structured data the publisher renders into the episode's notes, so the feed and the page carry it: the people of
 * an on-air group who are not the hosts took part in the episode. Groups of the crew (production, shownotes) and a
 * table without groups (which lists the crew too) say nothing of who was on air. Pure: a linear scan of the markup,
 * bounded per table; no DOM.
 */
import { toPlainText } from '../timeline/normalize';

const TABLE = 'podlove-contributors-table';
/** A table is read this far at most (a real one is a few KB a person). */
const TABLE_MAX = 60_000;
/** A group whose people speak in the episode. */
const ON_AIR = /^(?:on[ -]?air|im studio|mit dabei|zu gast|gäste|gast|guests?|special guests?|sprecher(?:innen)?|stimmen|voices|panel|invité(?:e)?s?|invitados?|ospiti|gasten?|gäster?)$/iu;
/** The opening tag of a group cell or a name cell. */
const OPEN = /<t([hd])\b([^<>]{0,400})>/giu;
/** What ends a cell, as a browser reads it: its closing tag, the next cell or row, or the row's or table's end. */
const CLOSE = /<\/?t[hdr]\b|<\/tbody\b/giu;

/** A cell's text; a name cell's name is its first line (a line under it may say more of the person). */
const cellText = (html: string): string => toPlainText(html, true).text.replace(/\s+/g, ' ').trim();
const firstLine = (html: string): string => toPlainText(html, true).text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).find(Boolean) ?? '';

/** The names in the on-air groups of every contributors table in `notes` (HTML), in order, each once. */
export function onAirContributors(notes: string): string[] {
  const names = new Set<string>();
  let from = 0;
  // Where the table at hand closes, found once for all the tables before it (-1: no table closes after here; -2: not
  // looked for yet).
  let close = -2;
  for (;;) {
    const at = notes.indexOf(TABLE, from);
    if (at < 0) break;
    if (close === -2 || (close >= 0 && close <= at)) close = notes.indexOf('</table', at);
    const end = Math.min(close < 0 ? notes.length : close, at + TABLE_MAX);
    const table = notes.slice(at, end);
    // Always forward: a table's class may stand where no table closes after it.
    from = Math.max(end, at + TABLE.length);
    let group: string | undefined;
    // Each cell runs to what ends it (an unclosed cell to the next one, or to the table's end); the scan goes on from
    // there, so the table is read once.
    OPEN.lastIndex = 0;
    for (let m = OPEN.exec(table); m; m = OPEN.exec(table)) {
      CLOSE.lastIndex = OPEN.lastIndex;
      const stop = CLOSE.exec(table)?.index ?? table.length;
      const inner = table.slice(OPEN.lastIndex, stop);
      OPEN.lastIndex = stop;
      const [, kind, attrs] = m;
      if (kind!.toLowerCase() === 'h' && /\bcontributor-group\b/.test(attrs!)) group = cellText(inner);
      else if (kind!.toLowerCase() === 'd' && /\btitle_cell\b/.test(attrs!) && group !== undefined && ON_AIR.test(group)) {
        const name = firstLine(inner);
        if (name && name.length <= 80) names.add(name);
      }
    }
  }
  return [...names];
}
