/**
 * Moments out and in: Markdown (with deep links), CSV, a Readwise-ready CSV, Obsidian-ready Markdown, and a
 * versioned JSON file that import reads back through zod. Import is all or nothing: a bad or foreign file changes
 * nothing and says what is wrong. Every export is a file the listener saves: no permission, no service contacted.
 */
import { z } from 'zod';
import { groupByEpisode, liveMoments, mergeMoments, momentSchema, normalizeMoment, spanOf, type Moment } from './model';
import { clock, momentClock } from './share';

export const EXPORT_FORMAT = 'earmark-moments';
/**
 * Still 1 with ranges: a range uses only fields version 1 reads (./model.ts), so an older Earmark imports a newer
 * file whole; a new version number would make it refuse the file.
 */
export const EXPORT_VERSION = 1;

const ExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  moments: z.array(momentSchema()).max(100_000),
});

/** A link that opens the episode at `seconds` (the player's own time parameter where it has one). */
export type LinkAt = (moment: Moment) => string;

/** JSON export: every moment, tombstones included, so importing it elsewhere also carries the deletes. */
export function toJson(list: readonly Moment[], exportedAt: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: exportedAt.toISOString(), moments: list }, null, 2)}\n`;
}

export type ImportResult = { ok: true; moments: Moment[]; added: number; updated: number } | { ok: false; error: string };

/** Reads an export file and merges it into `current` by id; on any problem, an error and no change. */
export function importJson(current: readonly Moment[], fileText: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(fileText);
  } catch {
    return { ok: false, error: 'This file is not JSON: nothing was imported.' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This is not an Earmark moments file: nothing was imported.' };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== EXPORT_VERSION) {
    return { ok: false, error: `This file is version ${String(version)} of the format; this Earmark reads version ${EXPORT_VERSION}. Nothing was imported.` };
  }
  const parsed = ExportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `The file is damaged at ${issue.path.join('.') || 'its top level'} (${issue.message}): nothing was imported.` };
  }
  const ids = new Set<string>();
  const incoming = parsed.data.moments.map((m) => normalizeMoment(m));
  for (const m of incoming) {
    if (ids.has(m.id)) return { ok: false, error: `The file lists moment ${m.id} twice: nothing was imported.` };
    ids.add(m.id);
  }
  const before = new Map(current.map((m) => [m.id, m]));
  const moments = mergeMoments(current, incoming);
  let added = 0;
  let updated = 0;
  for (const m of moments) {
    const old = before.get(m.id);
    if (!old) added++;
    else if (old !== m) updated++;
  }
  return { ok: true, moments, added, updated };
}


/** Markdown text is escaped where it would otherwise become markup (titles and notes come from anywhere). */
const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function toMarkdown(list: readonly Moment[], linkAt: LinkAt): string {
  const out = ['# Saved moments', ''];
  for (const { episode, moments } of groupByEpisode(list)) {
    out.push(`## ${md(episode.title)}${episode.show ? ` — ${md(episode.show)}` : ''}`, '');
    for (const m of moments) {
      const parts = [`[${momentClock(m)}](${linkAt(m).replace(/[()]/g, encodeURIComponent)})`];
      if (m.chapterTitle) parts.push(md(m.chapterTitle));
      if (m.guests?.length) parts.push(`with ${md(m.guests.join(', '))}`);
      out.push(`- ${parts.join(' · ')}`);
      if (m.note.trim()) out.push(...m.note.trim().split('\n').map((line) => `  > ${md(line)}`));
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * RFC 4180 fields; a leading =, +, - or @ is quoted with an apostrophe so spreadsheets do not run it (titles and
 * notes come from pages and listeners: a file opened in a spreadsheet must not become a formula).
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Both CSV files: RFC 4180 rows, CRLF line ends, one header row. */
const csvRows = (rows: string[][]) => `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

export function toCsv(list: readonly Moment[], linkAt: LinkAt): string {
  const header = ['time', 'seconds', 'start', 'end', 'episode', 'show', 'player', 'chapter', 'guests', 'note', 'link', 'saved'];
  const rows = liveMoments(list).map((m) => [
    clock(m.time),
    String(m.time),
    m.start !== undefined ? String(m.start) : '',
    m.end !== undefined ? String(m.end) : '',
    m.episode.title,
    m.episode.show ?? '',
    m.episode.player,
    m.chapterTitle ?? '',
    (m.guests ?? []).join('; '),
    m.note,
    linkAt(m),
    new Date(m.createdAt).toISOString(),
  ]);
  return csvRows([header, ...rows]);
}

/** Readwise's CSV import columns, in its order (only Highlight is required there). */
export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

/**
 * A CSV for Readwise's import. Each moment is a highlight of its episode: Title the episode, Author the show, URL
 * the episode's page (one source per episode, however many moments), Location where the moment starts in whole
 * seconds, Date when it was saved (ISO 8601, UTC). A podcast has no highlighted text, so Highlight says where and
 * what (time or range, chapter, guests) and keeps moments of one episode distinct; Note is the listener's note,
 * then the link that opens the episode at the moment.
 */
export function toReadwiseCsv(list: readonly Moment[], linkAt: LinkAt): string {
  const rows = [...liveMoments(list)]
    .sort((a, b) => a.episode.url.localeCompare(b.episode.url) || a.time - b.time)
    .map((m) => {
      const what = [momentClock(m), m.chapterTitle, m.guests?.length ? `with ${m.guests.join(', ')}` : undefined].filter(Boolean).join(' · ');
      const note = [m.note.trim(), linkAt(m)].filter(Boolean).join('\n\n');
      return [what, m.episode.title, m.episode.show ?? '', m.episode.url, note, String(Math.floor(spanOf(m).start)), new Date(m.createdAt).toISOString()];
    });
  return csvRows([[...READWISE_COLUMNS], ...rows]);
}

/**
 * Markdown escaped for Obsidian too: besides CommonMark's markup, `#` makes tags, `[[`/`]]` links, `^` block ids,
 * `%%` comments, `==` highlights, `$` maths and `~~` strikes. Page text never becomes any of them.
 */
const obsidianText = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>#|^%=$~!])/g, '\\$1');

/** A link in angle brackets (CommonMark's form for any address), with what would end it encoded. */
const angleLink = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;

/** A YAML scalar: JSON's string form is valid YAML, and quotes whatever a title holds. */
const yamlString = (s: string) => JSON.stringify(s);

/**
 * Markdown for an Obsidian vault: YAML front matter (Obsidian's properties) for the file, then one `##` section per
 * episode that opens with its metadata as `key:: value` lines (front matter's shape, readable in a section), and a
 * list item per moment: its time as a link that opens the episode there, the chapter, the guests and the note,
 * on one line.
 */
export function toObsidian(list: readonly Moment[], linkAt: LinkAt, exportedAt: Date): string {
  const groups = groupByEpisode(list);
  const out = [
    '---',
    `title: ${yamlString('Podcast moments')}`,
    `exported: ${yamlString(exportedAt.toISOString())}`,
    `episodes: ${groups.length}`,
    'tags:',
    '  - podcast',
    '  - earmark',
    '---',
    '',
  ];
  for (const { episode, moments } of groups) {
    out.push(`## ${obsidianText(episode.title)}`, '');
    if (episode.show) out.push(`show:: ${obsidianText(episode.show)}`);
    out.push(`episode:: ${angleLink(episode.url)}`, `player:: ${obsidianText(episode.player)}`, `moments:: ${moments.length}`, '');
    for (const m of moments) {
      const parts = [`[${momentClock(m)}](${angleLink(linkAt(m))})`];
      if (m.chapterTitle) parts.push(obsidianText(m.chapterTitle));
      if (m.guests?.length) parts.push(`with ${obsidianText(m.guests.join(', '))}`);
      const note = obsidianText(m.note);
      out.push(`- ${parts.join(' · ')}${note ? ` — ${note}` : ''}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
