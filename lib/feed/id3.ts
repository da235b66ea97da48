/**
 * Chapters from the ID3v2 tag at the start of an audio file (CHAP and CTOC frames, "ID3v2 Chapter Frame
 * Addendum"). Pure: bytes in, chapters out. It runs in the extension's service worker and in the Node CLI, so it
 * uses Uint8Array and TextDecoder only.
 *
 * The bytes come from a stranger's server. Every read is bounds-checked against the bytes actually held (never
 * against a size the tag declares), every loop advances by at least one frame header, nested tables of contents
 * are followed a bounded number of levels, and the output is capped. A broken tag gives what could be read before
 * the damage, or nothing; it never throws.
 *
 * Structures, as this reader relies on them (ID3v2.3.0 and ID3v2.4.0 "structure" documents):
 * - Tag header, 10 bytes: "ID3", major version, revision, flags, then the tag size as a 4-byte sync-safe integer
 *   (7 useful bits a byte, so the size never contains a false MPEG sync). The size counts what follows the header
 *   (extended header, frames, padding) but not a v2.4 footer. Flags: 0x80 unsynchronisation, 0x40 extended
 *   header, 0x10 footer present (v2.4 only).
 * - Extended header: v2.3 starts with a plain 32-bit size that leaves out those 4 bytes (6 or 10 in practice);
 *   v2.4 starts with a sync-safe size that includes itself (at least 6).
 * - Frame, 10-byte header: a 4-character id (A-Z, 0-9), a size (plain 32-bit in v2.3, sync-safe in v2.4) that
 *   counts the data after the header, then two flag bytes. A zero byte where an id should be starts the padding.
 * - Unsynchronisation: a writer puts a 0x00 after each 0xFF that could be read as the start of an MPEG frame; a
 *   reader drops the 0x00 of every FF 00 pair. In v2.3 the tag flag covers everything after the tag header and
 *   the frame sizes count the bytes before the scheme was applied; in v2.4 it is done frame by frame (frame flag,
 *   and the tag flag says every frame has it) and the frame size counts the stored bytes.
 */

/** A chapter read from the audio file's ID3v2 CHAP frames. Times in seconds. */
export interface AudioChapter {
  startTime: number;
  endTime?: number;
  title?: string;
  url?: string;
}

/** More would be an attack or a broken tag, not a chapter list anyone reads. */
const MAX_CHAPTERS = 1000;
/** Per decoded string (titles, URLs, element ids): a bound on work and memory for hostile text. */
const MAX_TEXT_BYTES = 64 * 1024;
/** Tables of contents kept; the addendum expects one top-level table and a few nested ones. */
const MAX_TOCS = 256;
/** Levels of nested tables of contents followed below the top-level one (also bounds recursion). */
const MAX_TOC_DEPTH = 16;

const TAG_HEADER = 10;
const FRAME_HEADER = 10;
const FOOTER = 10;
/** CHAP end time and byte offsets use all ones for "not given". */
const UNSET = 0xffffffff;

const fourcc = (id: string): number =>
  ((id.charCodeAt(0) << 24) | (id.charCodeAt(1) << 16) | (id.charCodeAt(2) << 8) | id.charCodeAt(3)) >>> 0;
const CHAP = fourcc('CHAP');
const CTOC = fourcc('CTOC');
const TIT2 = fourcc('TIT2');
const TIT3 = fourcc('TIT3');
const WXXX = fourcc('WXXX');

/**
 * Bytes to fetch for the whole tag, from the first 10 bytes of the file (header, plus a v2.4 footer if flagged);
 * undefined when the file does not start with an ID3v2 tag.
 */
export function id3TagLength(head: Uint8Array): number | undefined {
  const header = readTagHeader(head);
  if (!header) return undefined;
  const footer = header.version === 4 && (header.flags & 0x10) !== 0 ? FOOTER : 0;
  return TAG_HEADER + header.size + footer;
}

/**
 * CHAP frames of the ID3v2 tag at the start of `bytes`, in play order; [] when there is none or the tag is broken.
 * Never throws.
 */
export function readId3Chapters(bytes: Uint8Array): AudioChapter[] {
  const header = readTagHeader(bytes);
  // v2.2 has three-character frame ids and no chapter frames.
  if (!header || header.version < 3) return [];
  const v4 = header.version === 4;
  const tagUnsync = (header.flags & 0x80) !== 0;

  // The declared size may run past what was fetched: read what is there, frame by frame.
  let body = bytes.subarray(TAG_HEADER, Math.min(bytes.length, TAG_HEADER + header.size));
  if (!v4 && tagUnsync) body = removeUnsync(body);

  let start = 0;
  if (header.flags & 0x40) {
    if (v4) {
      const size = syncSafe(body, 0);
      if (size === undefined || size < 6 || size > body.length) return [];
      start = size;
    } else {
      const size = uint32(body, 0);
      if (size === undefined || size > body.length - 4) return [];
      start = 4 + size;
    }
  }

  const chapters: ChapEntry[] = [];
  const tocs: TocEntry[] = [];
  const wanted = (id: number) => (id === CHAP ? chapters.length < MAX_CHAPTERS : id === CTOC && tocs.length < MAX_TOCS);
  walkFrames(body, start, body.length, v4, v4 && tagUnsync, wanted, (id, data) => {
    if (id === CHAP) {
      const chap = readChap(data, v4);
      if (chap) chapters.push(chap);
    } else {
      const toc = readCtoc(data);
      if (toc) tocs.push(toc);
    }
  });

  const out: AudioChapter[] = [];
  const seen = new Set<string>();
  for (const { chapter } of playOrder(chapters, tocs)) {
    if (!Number.isFinite(chapter.startTime) || chapter.startTime < 0) continue;
    // Same start and same title (or both untitled) is the same chapter written twice.
    const key = JSON.stringify([chapter.startTime, chapter.title ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(chapter);
    if (out.length >= MAX_CHAPTERS) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Tag and frames
// ---------------------------------------------------------------------------------------------------------------

interface TagHeader {
  version: number;
  flags: number;
  size: number;
}

function readTagHeader(b: Uint8Array): TagHeader | undefined {
  if (b.length < TAG_HEADER || b[0] !== 0x49 || b[1] !== 0x44 || b[2] !== 0x33) return undefined;
  const version = b[3]!;
  // 0xFF is never a valid version or revision byte; versions above 4 would have a layout we do not know.
  if (version < 2 || version > 4 || b[4] === 0xff) return undefined;
  const size = syncSafe(b, 6);
  return size === undefined ? undefined : { version, flags: b[5]!, size };
}

/**
 * Calls `visit` with the id and the readable data of each `wanted` frame in `b[start, end)`, stopping at padding, at an
 * id that is not one, or at a frame that runs past `end`. Compressed and encrypted frames are passed over.
 * `unsyncAll`: every frame's data is unsynchronised whatever its own flag says (a v2.4 tag-level flag).
 */
function walkFrames(
  b: Uint8Array,
  start: number,
  end: number,
  v4: boolean,
  unsyncAll: boolean,
  wanted: (id: number) => boolean,
  visit: (id: number, data: Uint8Array) => void,
): void {
  let pos = start;
  while (pos + FRAME_HEADER <= end) {
    if (!isIdByte(b[pos]!) || !isIdByte(b[pos + 1]!) || !isIdByte(b[pos + 2]!) || !isIdByte(b[pos + 3]!)) return;
    const size = v4 ? frameSize24(b, pos + 4) : uint32(b, pos + 4);
    if (size === undefined || size > end - pos - FRAME_HEADER) return;
    const dataStart = pos + FRAME_HEADER;
    const id = ((b[pos]! << 24) | (b[pos + 1]! << 16) | (b[pos + 2]! << 8) | b[pos + 3]!) >>> 0;
    // Other frames (pictures, lyrics) can be large: passed over without copying or decoding them.
    if (wanted(id)) {
      const data = frameData(b.subarray(dataStart, dataStart + size), b[pos + 9]!, v4, unsyncAll);
      if (data) visit(id, data);
    }
    pos = dataStart + size;
  }
}

/**
 * The frame's content once its format flags (the second flag byte) are dealt with; undefined for compressed or
 * encrypted frames, which would need a codec or a key.
 * - v2.3, %ijk00000: i compression, j encryption, k grouping (one group-id byte before the data).
 * - v2.4, %0h00kmnp: h grouping (one byte), k compression, m encryption (one method byte), n unsynchronisation,
 *   p data-length indicator (4 bytes). The added bytes come in the order of their flags, and in v2.4 they are
 *   part of what was unsynchronised.
 */
function frameData(raw: Uint8Array, format: number, v4: boolean, unsyncAll: boolean): Uint8Array | undefined {
  let data = raw;
  let skip = 0;
  if (v4) {
    if (format & 0x0c) return undefined;
    if (format & 0x02 || unsyncAll) data = removeUnsync(raw);
    if (format & 0x40) skip += 1;
    if (format & 0x01) skip += 4;
  } else {
    if (format & 0xc0) return undefined;
    if (format & 0x20) skip += 1;
  }
  return skip > data.length ? undefined : data.subarray(skip);
}

function isIdByte(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** Drops the 0x00 of each FF 00 pair: the inverse of the unsynchronisation scheme. Never grows the data. */
function removeUnsync(b: Uint8Array): Uint8Array {
  const first = b.indexOf(0xff);
  if (first < 0) return b;
  const out = new Uint8Array(b.length);
  out.set(b.subarray(0, first));
  let n = first;
  for (let i = first; i < b.length; i++) {
    const c = b[i]!;
    out[n++] = c;
    if (c === 0xff && b[i + 1] === 0x00) i++;
  }
  return out.subarray(0, n);
}

function syncSafe(b: Uint8Array, at: number): number | undefined {
  if (at < 0 || at + 4 > b.length) return undefined;
  const b0 = b[at]!;
  const b1 = b[at + 1]!;
  const b2 = b[at + 2]!;
  const b3 = b[at + 3]!;
  if ((b0 | b1 | b2 | b3) & 0x80) return undefined;
  return (b0 << 21) | (b1 << 14) | (b2 << 7) | b3;
}

function uint32(b: Uint8Array, at: number): number | undefined {
  if (at < 0 || at + 4 > b.length) return undefined;
  return b[at]! * 0x1000000 + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
}

/**
 * A v2.4 frame size. Some writers put a plain 32-bit size in v2.4 frames; when a byte has its top bit set the
 * size cannot be sync-safe, so it is read the v2.3 way rather than giving up on the tag.
 */
function frameSize24(b: Uint8Array, at: number): number | undefined {
  return syncSafe(b, at) ?? uint32(b, at);
}

// ---------------------------------------------------------------------------------------------------------------
// CHAP and CTOC
// ---------------------------------------------------------------------------------------------------------------

interface ChapEntry {
  elementId: string;
  chapter: AudioChapter;
}

interface TocEntry {
  elementId: string;
  topLevel: boolean;
  ordered: boolean;
  children: string[];
}

/**
 * CHAP: element id (latin1, zero-terminated), start time and end time in milliseconds, start and end byte offsets
 * (all ones when not given; not needed here), then frames of the tag's own version embedded in it: TIT2 the
 * chapter's title, TIT3 a description, WXXX a link for the chapter.
 */
function readChap(data: Uint8Array, v4: boolean): ChapEntry | undefined {
  const idEnd = data.indexOf(0);
  if (idEnd < 0 || idEnd + 17 > data.length) return undefined;
  const elementId = latin1(data.subarray(0, idEnd));
  const startMs = uint32(data, idEnd + 1)!;
  const endMs = uint32(data, idEnd + 5)!;

  let title: string | undefined;
  let description: string | undefined;
  let url: string | undefined;
  // Embedded frames carry their own unsynchronisation flag; the tag-level one was about the CHAP frame itself.
  const wanted = (id: number) => id === TIT2 || id === TIT3 || id === WXXX;
  walkFrames(data, idEnd + 17, data.length, v4, false, wanted, (id, sub) => {
    if (id === TIT2) title ??= textFrame(sub);
    else if (id === TIT3) description ??= textFrame(sub);
    else if (id === WXXX) url ??= linkFrame(sub);
  });

  const chapter: AudioChapter = { startTime: startMs / 1000 };
  if (endMs !== UNSET && endMs > startMs) chapter.endTime = endMs / 1000;
  // A chapter with only a description still has something to show; the title wins when both exist.
  const shown = title ?? description;
  if (shown !== undefined) chapter.title = shown;
  if (url !== undefined) chapter.url = url;
  return { elementId, chapter };
}

/**
 * CTOC: element id (zero-terminated), a flag byte (0x02 top-level, 0x01 entries ordered), an entry count, that
 * many zero-terminated child element ids (chapters or other tables), then optional embedded frames (unused here).
 */
function readCtoc(data: Uint8Array): TocEntry | undefined {
  const idEnd = data.indexOf(0);
  if (idEnd < 0 || idEnd + 3 > data.length) return undefined;
  const flags = data[idEnd + 1]!;
  const count = data[idEnd + 2]!;
  const children: string[] = [];
  let pos = idEnd + 3;
  // The count is one byte, so this loop runs at most 255 times; a cut-off entry ends the list.
  for (let i = 0; i < count; i++) {
    const end = data.indexOf(0, pos);
    if (end < 0) break;
    children.push(latin1(data.subarray(pos, end)));
    pos = end + 1;
  }
  return {
    elementId: latin1(data.subarray(0, idEnd)),
    topLevel: (flags & 0x02) !== 0,
    ordered: (flags & 0x01) !== 0,
    children,
  };
}

/**
 * Without a top-level table of contents: every chapter, by start time. With one (the addendum allows a single
 * top-level table; the first is used): the chapters reachable from it through nested tables, in the order the
 * tables give when they say they are ordered, by start time within a table that does not. A table that reaches
 * none of the chapters is taken as broken, and every chapter is kept.
 */
function playOrder(chapters: ChapEntry[], tocs: TocEntry[]): ChapEntry[] {
  const all = byStart(chapters);
  const top = tocs.find((toc) => toc.topLevel);
  if (!top) return all;

  const chapterById = new Map<string, ChapEntry>();
  for (const c of chapters) if (!chapterById.has(c.elementId)) chapterById.set(c.elementId, c);
  const tocById = new Map<string, TocEntry>();
  for (const t of tocs) if (!tocById.has(t.elementId)) tocById.set(t.elementId, t);

  const placed = new Set<string>();
  const expanded = new Set<string>();
  const expand = (toc: TocEntry, depth: number): ChapEntry[] => {
    expanded.add(toc.elementId);
    const out: ChapEntry[] = [];
    for (const child of toc.children) {
      const chapter = chapterById.get(child);
      if (chapter) {
        if (!placed.has(child)) {
          placed.add(child);
          out.push(chapter);
        }
        continue;
      }
      const nested = tocById.get(child);
      // `expanded` breaks cycles and repeats; the depth bound keeps a long chain from exhausting the stack.
      if (nested && !expanded.has(child) && depth < MAX_TOC_DEPTH) {
        for (const c of expand(nested, depth + 1)) out.push(c);
      }
    }
    return toc.ordered ? out : byStart(out);
  };
  const listed = expand(top, 0);
  return listed.length > 0 ? listed : all;
}

/** A stable sort by start time (Array.prototype.sort is stable), so equal starts keep their frame order. */
function byStart(chapters: ChapEntry[]): ChapEntry[] {
  return [...chapters].sort((a, b) => a.chapter.startTime - b.chapter.startTime);
}

// ---------------------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------------------

/**
 * A text frame (TIT2, TIT3): an encoding byte, then the text. v2.4 allows several zero-separated values; the
 * first is the one shown. Blank text counts as none.
 */
function textFrame(data: Uint8Array): string | undefined {
  if (data.length < 1) return undefined;
  const text = readString(data, 1, data[0]!)?.text.trim();
  return text ? text : undefined;
}

/**
 * WXXX: an encoding byte, a description in that encoding (terminated), then the URL, always latin1. Only web
 * links are kept: a chapter link is opened on a click, and other schemes (javascript:, data:, file:) are not
 * something a feed should get to open.
 */
function linkFrame(data: Uint8Array): string | undefined {
  if (data.length < 1) return undefined;
  const description = readString(data, 1, data[0]!);
  if (!description) return undefined;
  const rest = data.subarray(description.next);
  const end = rest.indexOf(0);
  const url = latin1(end < 0 ? rest : rest.subarray(0, end)).trim();
  // Two linear tests rather than one pattern, so a long hostile string cannot make the regex backtrack.
  if (!/^https?:\/\/[^\s/?#\\]/i.test(url) || /[\s\u0000-\u001f\u007f-\u009f]/.test(url)) return undefined;
  return url;
}

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');

/**
 * A string in one of the four ID3 encodings, starting at `start`, up to its terminator (one zero byte for latin1
 * and UTF-8, two at an even offset for UTF-16) or the end of the data; `next` is where the following field
 * starts. Undefined for an encoding byte ID3 does not define.
 * 0 latin1; 1 UTF-16 with a byte-order mark; 2 UTF-16BE without one (v2.4); 3 UTF-8 (v2.4). The v2.4-only
 * encodings are read in v2.3 tags too: a writer that used them meant them.
 */
function readString(b: Uint8Array, start: number, encoding: number): { text: string; next: number } | undefined {
  if (encoding > 3) return undefined;
  const wide = encoding === 1 || encoding === 2;
  let end = b.length;
  let next = b.length;
  if (wide) {
    for (let i = start; i + 1 < b.length; i += 2) {
      if (b[i] === 0 && b[i + 1] === 0) {
        end = i;
        next = i + 2;
        break;
      }
    }
  } else {
    const zero = b.indexOf(0, start);
    if (zero >= 0) {
      end = zero;
      next = zero + 1;
    }
  }
  let bytes = b.subarray(start, Math.max(start, end));

  if (encoding === 0) return { text: latin1(bytes), next };
  if (encoding === 3) return { text: utf8.decode(bytes.subarray(0, MAX_TEXT_BYTES)), next };

  let bigEndian = encoding === 2;
  if (encoding === 1) {
    // The mark says the byte order. Without one (against the standard) little-endian is the likelier guess:
    // writers that drop the mark are mostly Windows tools.
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      bigEndian = true;
      bytes = bytes.subarray(2);
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      bytes = bytes.subarray(2);
    }
  }
  // Whole code units only, and at most MAX_TEXT_BYTES of them.
  bytes = bytes.subarray(0, Math.min(bytes.length, MAX_TEXT_BYTES) & ~1);
  if (bigEndian) {
    const swapped = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1]!;
      swapped[i + 1] = bytes[i]!;
    }
    bytes = swapped;
  }
  return { text: utf16le.decode(bytes), next };
}

/**
 * ISO-8859-1: each byte is the code point of the same number. Written out rather than left to TextDecoder, whose
 * 'latin1' label means windows-1252 and which a Node build without ICU may lack.
 */
function latin1(b: Uint8Array): string {
  const bytes = b.subarray(0, MAX_TEXT_BYTES);
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  }
  return s;
}
