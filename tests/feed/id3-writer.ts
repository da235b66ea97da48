/**
 * Writes MP3 files with ID3v2 chapters, for tests: the unit tests read them back with lib/feed/id3.ts, and a local
 * server or an end-to-end test can serve them as an episode's audio. The layouts follow the ID3v2.3.0 and v2.4.0
 * structure documents and the "ID3v2 Chapter Frame Addendum" (see the reader's header for a summary).
 *
 * `writeMp3WithChapters` covers the common shapes; the frame builders below it are exported so a test can put
 * together a tag no ordinary writer would make (a compressed CHAP, a stray table of contents, a cut-off frame).
 */

export type Id3Version = 3 | 4;

/** Text encodings: 0 latin1, 1 UTF-16 with a byte-order mark (either order), 2 UTF-16BE, 3 UTF-8. */
export type Id3TextEncoding = 'latin1' | 'utf16le-bom' | 'utf16be-bom' | 'utf16be' | 'utf8';

export interface ChapterToWrite {
  /** The CHAP element id; `chp<index>` when left out. */
  id?: string;
  /** Seconds; written as whole milliseconds. */
  startTime: number;
  /** Seconds; the start again (no end) when left out. */
  endTime?: number;
  title?: string;
  /** A TIT3 description. */
  description?: string;
  /** Written as a WXXX frame in the CHAP, whatever its scheme. */
  url?: string;
  /** This title's encoding, instead of `options.encoding`. */
  encoding?: Id3TextEncoding;
}

export interface TocToWrite {
  /** Element ids in the table, in its order. Default: every chapter's id, in the order given. */
  order?: string[];
  /** The "entries ordered" flag. Default true. */
  ordered?: boolean;
  /** The "top-level" flag. Default true. */
  topLevel?: boolean;
  /** The table's own element id. Default `toc`. */
  id?: string;
}

export interface WriteOptions {
  /** Default 3. */
  version?: Id3Version;
  /** Apply unsynchronisation: to the whole tag in v2.3, to every frame (and the tag flag) in v2.4. */
  unsync?: boolean;
  /** Write an extended header (with a CRC field, so it is longer than the minimum). */
  extendedHeader?: boolean;
  /** Titles' encoding. Default latin1 for v2.3, utf8 for v2.4. */
  encoding?: Id3TextEncoding;
  /** A table of contents before the chapters: `true` for a top-level ordered one of every chapter. */
  toc?: boolean | TocToWrite;
  /** Tables written after the main one (nested tables, decoys). */
  extraTocs?: (TocToWrite & { id: string })[];
  /** v2.4: a group-id byte and a data-length indicator on every frame; v2.3: a group-id byte. */
  frameExtras?: boolean;
  /** v2.4 only: a footer after the tag (then no padding, as the standard asks). */
  footer?: boolean;
  /** Zero bytes after the frames. Default 64 (0 with a footer). */
  padding?: number;
  /** Silent audio after the tag. Default: up to the last chapter's end (at least one frame). */
  audioSeconds?: number;
  /** Frames added to the tag after the chapters (e.g. a TALB), as built by `id3Frame`. */
  extraFrames?: Uint8Array[];
}

/** An MP3 file: an ID3v2 tag with a CHAP frame per chapter (and a CTOC when asked), then silent MPEG frames. */
export function writeMp3WithChapters(chapters: readonly ChapterToWrite[], options: WriteOptions = {}): Uint8Array {
  const version = options.version ?? 3;
  const encoding = options.encoding ?? (version === 4 ? 'utf8' : 'latin1');
  const frameOptions: FrameOptions = {
    unsync: version === 4 && options.unsync === true,
    extras: options.frameExtras === true,
  };
  const ids = chapters.map((c, i) => c.id ?? `chp${i}`);

  const frames: Uint8Array[] = [];
  const tocs: TocToWrite[] = [];
  if (options.toc) tocs.push(options.toc === true ? {} : options.toc);
  tocs.push(...(options.extraTocs ?? []));
  for (const toc of tocs) {
    frames.push(
      id3Frame(
        version,
        'CTOC',
        ctocBody(toc.id ?? 'toc', toc.order ?? ids, { ordered: toc.ordered ?? true, topLevel: toc.topLevel ?? true }),
        frameOptions,
      ),
    );
  }
  chapters.forEach((chapter, i) => {
    const sub: Uint8Array[] = [];
    const textEncoding = chapter.encoding ?? encoding;
    if (chapter.title !== undefined) sub.push(id3Frame(version, 'TIT2', textBody(chapter.title, textEncoding)));
    if (chapter.description !== undefined) {
      sub.push(id3Frame(version, 'TIT3', textBody(chapter.description, textEncoding)));
    }
    if (chapter.url !== undefined) {
      sub.push(id3Frame(version, 'WXXX', wxxxBody('chapter link', chapter.url, textEncoding)));
    }
    const endTime = chapter.endTime ?? chapter.startTime;
    const body = chapBody(ids[i]!, chapter.startTime * 1000, endTime * 1000, sub);
    frames.push(id3Frame(version, 'CHAP', body, frameOptions));
  });
  frames.push(...(options.extraFrames ?? []));

  const tag = id3Tag(version, frames, {
    unsync: options.unsync,
    extendedHeader: options.extendedHeader,
    footer: options.footer,
    padding: options.padding,
  });
  const lastEnd = Math.max(0, ...chapters.map((c) => c.endTime ?? c.startTime));
  return concat([tag, silentMpeg(options.audioSeconds ?? lastEnd)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

export interface TagOptions {
  unsync?: boolean;
  extendedHeader?: boolean;
  footer?: boolean;
  padding?: number;
}

/**
 * A whole tag around frames built for the same version. In v2.3 `unsync` is applied here to everything after the
 * header; in v2.4 only the tag flag is set here (the frames were unsynchronised one by one by `id3Frame`).
 */
export function id3Tag(version: Id3Version, frames: readonly Uint8Array[], options: TagOptions = {}): Uint8Array {
  const footer = version === 4 && options.footer === true;
  const padding = options.padding ?? (footer ? 0 : 64);
  const parts: Uint8Array[] = [];
  if (options.extendedHeader) {
    if (version === 3) {
      // Size 10 (not counting itself), flags with "CRC present", the padding size, then a CRC the reader ignores.
      parts.push(bytes([0, 0, 0, 10, 0x80, 0x00]), uint32(padding), bytes([0xde, 0xad, 0xbe, 0xef]));
    } else {
      // Size 12 (counting itself), one flag byte with "CRC present", then the CRC's length (5) and 35 bits of it.
      parts.push(syncSafe(12), bytes([1, 0x20, 5, 0x07, 0x7f, 0x7f, 0x7f, 0x7f]));
    }
  }
  parts.push(...frames, new Uint8Array(padding));
  let body = concat(parts);
  if (version === 3 && options.unsync) body = unsynchronise(body);
  let flags = 0;
  if (options.unsync) flags |= 0x80;
  if (options.extendedHeader) flags |= 0x40;
  if (footer) flags |= 0x10;
  const header = concat([bytes([0x49, 0x44, 0x33, version, 0, flags]), syncSafe(body.length)]);
  const out = [header, body];
  if (footer) out.push(concat([bytes([0x33, 0x44, 0x49, version, 0, flags]), syncSafe(body.length)]));
  return concat(out);
}

export interface FrameOptions {
  /** v2.4: unsynchronise this frame's data and set its flag. */
  unsync?: boolean;
  /** A group-id byte (both versions) and, in v2.4, a data-length indicator. */
  extras?: boolean;
  /** Set the compression flag (v2.3 0x80, v2.4 0x08 with a data-length indicator); the data is left as it is. */
  compressed?: boolean;
  /** Set the encryption flag and add a method byte; the data is left as it is. */
  encrypted?: boolean;
}

/** A frame: id, size (plain in v2.3, sync-safe in v2.4), flags, then the data with whatever the flags add. */
export function id3Frame(version: Id3Version, id: string, data: Uint8Array, options: FrameOptions = {}): Uint8Array {
  if (!/^[A-Z0-9]{4}$/.test(id)) throw new Error(`not a frame id: ${id}`);
  let format = 0;
  const added: number[] = [];
  if (version === 3) {
    // v2.3 order: decompressed size, encryption method, group id.
    if (options.compressed) {
      format |= 0x80;
      added.push(...uint32(data.length));
    }
    if (options.encrypted) {
      format |= 0x40;
      added.push(0x81);
    }
    if (options.extras) {
      format |= 0x20;
      added.push(0x90);
    }
  } else {
    // v2.4 order: group id, encryption method, data-length indicator.
    if (options.extras) {
      format |= 0x40;
      added.push(0x90);
    }
    if (options.compressed) format |= 0x08;
    if (options.encrypted) {
      format |= 0x04;
      added.push(0x81);
    }
    if (options.extras || options.compressed) {
      format |= 0x01;
      added.push(...syncSafe(data.length));
    }
  }
  let content = concat([bytes(added), data]);
  if (version === 4 && options.unsync) {
    content = unsynchronise(content);
    format |= 0x02;
  }
  const size = version === 4 ? syncSafe(content.length) : uint32(content.length);
  return concat([ascii(id), size, bytes([0, format]), content]);
}

/** CHAP data: element id, start and end in ms, byte offsets unused, then the embedded frames. */
export function chapBody(
  elementId: string,
  startMs: number,
  endMs: number,
  subFrames: readonly Uint8Array[] = [],
): Uint8Array {
  return concat([
    latin1z(elementId),
    uint32(Math.round(startMs)),
    uint32(Math.round(endMs)),
    bytes([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ...subFrames,
  ]);
}

/** CTOC data: element id, flags (0x02 top-level, 0x01 ordered), entry count, the child ids, embedded frames. */
export function ctocBody(
  elementId: string,
  children: readonly string[],
  flags: { ordered: boolean; topLevel: boolean },
  subFrames: readonly Uint8Array[] = [],
): Uint8Array {
  if (children.length > 255) throw new Error('a CTOC holds at most 255 entries');
  return concat([
    latin1z(elementId),
    bytes([(flags.topLevel ? 0x02 : 0) | (flags.ordered ? 0x01 : 0), children.length]),
    ...children.map(latin1z),
    ...subFrames,
  ]);
}

/** Text-frame data (TIT2, TIT3): encoding byte, the text, a terminator. */
export function textBody(text: string, encoding: Id3TextEncoding): Uint8Array {
  return concat([bytes([ENCODING_BYTE[encoding]]), encodeText(text, encoding), terminator(encoding)]);
}

/** WXXX data: encoding byte, a terminated description in that encoding, then the URL in latin1. */
export function wxxxBody(description: string, url: string, encoding: Id3TextEncoding): Uint8Array {
  return concat([
    bytes([ENCODING_BYTE[encoding]]),
    encodeText(description, encoding),
    terminator(encoding),
    latin1Bytes(url),
  ]);
}

/**
 * Silent MPEG-2 Layer III audio: the 36-byte frame FF F3 18 C0 + 32 zero bytes (8 kbit/s, 16 kHz) lasts 36 ms, so
 * `seconds` of audio is ceil(seconds / 0.036) frames, and at least one.
 */
export function silentMpeg(seconds: number): Uint8Array {
  const frames = Math.max(1, Math.ceil(seconds / 0.036));
  const out = new Uint8Array(frames * 36);
  for (let i = 0; i < frames; i++) out.set([0xff, 0xf3, 0x18, 0xc0], i * 36);
  return out;
}

/**
 * The unsynchronisation scheme: a 0x00 after every 0xFF that is followed by 0x00 or by a byte of the form
 * 111xxxxx (which would look like an MPEG sync), and after a 0xFF that ends the data.
 */
export function unsynchronise(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    out.push(c);
    if (c === 0xff) {
      const next = data[i + 1];
      if (next === undefined || next === 0x00 || next >= 0xe0) out.push(0x00);
    }
  }
  return bytes(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------------------------------

const ENCODING_BYTE: Record<Id3TextEncoding, number> = {
  latin1: 0,
  'utf16le-bom': 1,
  'utf16be-bom': 1,
  utf16be: 2,
  utf8: 3,
};

function encodeText(text: string, encoding: Id3TextEncoding): Uint8Array {
  switch (encoding) {
    case 'latin1':
      return latin1Bytes(text);
    case 'utf8':
      return new TextEncoder().encode(text);
    case 'utf16le-bom':
      return concat([bytes([0xff, 0xfe]), utf16(text, false)]);
    case 'utf16be-bom':
      return concat([bytes([0xfe, 0xff]), utf16(text, true)]);
    case 'utf16be':
      return utf16(text, true);
  }
}

function terminator(encoding: Id3TextEncoding): Uint8Array {
  return encoding === 'latin1' || encoding === 'utf8' ? bytes([0]) : bytes([0, 0]);
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    out[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return out;
}

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new Error(`not latin1: ${JSON.stringify(text)}`);
    out[i] = code;
  }
  return out;
}

function latin1z(text: string): Uint8Array {
  return concat([latin1Bytes(text), bytes([0])]);
}

function ascii(text: string): Uint8Array {
  return latin1Bytes(text);
}

function uint32(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`not a 32-bit size: ${n}`);
  return bytes([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function syncSafe(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** 28) throw new Error(`not a sync-safe size: ${n}`);
  return bytes([(n >>> 21) & 0x7f, (n >>> 14) & 0x7f, (n >>> 7) & 0x7f, n & 0x7f]);
}

function bytes(values: readonly number[]): Uint8Array {
  return Uint8Array.from(values);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
