/**
 * Moments out and in: Markdown (with deep links), CSV, and a versioned JSON file that import reads back through
 * zod. Import is all or nothing: a bad or foreign file changes nothing and says what is wrong.
 */
import { z } from 'zod';
import { formatTimestamp } from '../timeline/time';
import { groupByEpisode, liveMoments, mergeMoments, MomentSchema, type Moment } from './model';

export const EXPORT_FORMAT = 'earmark-moments';
export const EXPORT_VERSION = 1;

const ExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  moments: z.array(MomentSchema).max(100_000),
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
  for (const m of parsed.data.moments) {
    if (ids.has(m.id)) return { ok: false, error: `The file lists moment ${m.id} twice: nothing was imported.` };
    ids.add(m.id);
  }
  const before = new Map(current.map((m) => [m.id, m]));
  const moments = mergeMoments(current, parsed.data.moments);
  let added = 0;
  let updated = 0;
  for (const m of moments) {
    const old = before.get(m.id);
    if (!old) added++;
    else if (old !== m) updated++;
  }
  return { ok: true, moments, added, updated };
}

/** Whole seconds for people to read; the JSON keeps the exact time. */
const clock = (seconds: number) => formatTimestamp(Math.floor(seconds));
const range = (m: Moment) =>
  m.start !== undefined || m.end !== undefined ? `${clock(m.start ?? m.time)}–${clock(m.end ?? m.time)}` : clock(m.time);

/** Markdown text is escaped where it would otherwise become markup (titles and notes come from anywhere). */
const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function toMarkdown(list: readonly Moment[], linkAt: LinkAt): string {
  const out = ['# Saved moments', ''];
  for (const { episode, moments } of groupByEpisode(list)) {
    out.push(`## ${md(episode.title)}${episode.show ? ` — ${md(episode.show)}` : ''}`, '');
    for (const m of moments) {
      const parts = [`[${range(m)}](${linkAt(m).replace(/[()]/g, encodeURIComponent)})`];
      if (m.chapterTitle) parts.push(md(m.chapterTitle));
      if (m.guests?.length) parts.push(`with ${md(m.guests.join(', '))}`);
      out.push(`- ${parts.join(' · ')}`);
      if (m.note.trim()) out.push(...m.note.trim().split('\n').map((line) => `  > ${md(line)}`));
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** RFC 4180 fields; a leading =, +, - or @ is quoted with an apostrophe so spreadsheets do not run it. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
