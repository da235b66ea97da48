/**
 * Reading feeds, chapter files and the start of audio files from any host: with a time limit (slow hosts), a size
 * limit (huge feeds, or a URL that is not a feed at all), no credentials and no referrer. The `fetch` is passed in:
 * the background's, the CLI's, or a test's.
 */
import { FeedError } from './read';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchedText {
  status: number;
  text: string;
  /** The body was longer than the limit: `text` is its beginning. */
  truncated: boolean;
  etag?: string;
  lastModified?: string;
}

export interface ReadOptions {
  maxBytes: number;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 20_000;

async function request(fetch: Fetch, url: string, { timeoutMs = DEFAULT_TIMEOUT_MS, headers = {} }: ReadOptions, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { headers, credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'follow', signal, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw new FeedError(`${new URL(url).host} did not answer within ${Math.round(timeoutMs / 1000)} s.`, 'network');
    throw new FeedError(`${new URL(url).host} could not be reached.`, 'network');
  }
}

/** The body's first `maxBytes` bytes, read as a stream so a huge body is never held whole. */
async function readBytes(response: Response, maxBytes: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) {
    const all = new Uint8Array(await response.arrayBuffer());
    return { bytes: all.subarray(0, maxBytes), truncated: all.length > maxBytes };
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.length > maxBytes) {
      parts.push(value.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    parts.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, truncated };
}

/** A text resource; a 304 comes back as `status: 304` with no text. */
export async function fetchText(fetch: Fetch, url: string, options: ReadOptions): Promise<FetchedText> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await request(fetch, url, options, controller.signal);
    const out: FetchedText = { status: response.status, text: '', truncated: false };
    const etag = response.headers.get('etag');
    if (etag) out.etag = etag.slice(0, 200);
    const lastModified = response.headers.get('last-modified');
    if (lastModified) out.lastModified = lastModified.slice(0, 100);
    if (response.status === 304 || !response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return out;
    }
    const { bytes, truncated } = await readBytes(response, options.maxBytes);
    // A cut may split a UTF-8 sequence: the decoder replaces the broken tail, which the reader then drops.
    out.text = new TextDecoder('utf-8').decode(bytes);
    out.truncated = truncated;
    return out;
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(controller.signal.aborted ? `${new URL(url).host} was too slow.` : `Reading ${new URL(url).host} failed.`, 'network');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first `length` bytes of a file (an ID3 tag sits at the start of an MP3), by a Range request. A server that
 * ignores Range sends the whole file: only the first bytes are read either way.
 */
export async function fetchHead(fetch: Fetch, url: string, length: number, timeoutMs?: number): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await request(fetch, url, { maxBytes: length, ...(timeoutMs ? { timeoutMs } : {}), headers: { range: `bytes=0-${length - 1}` } }, controller.signal);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedError(`The audio file answered ${response.status}.`, 'http');
    }
    return (await readBytes(response, length)).bytes;
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError('Reading the audio file failed.', 'network');
  } finally {
    clearTimeout(timer);
  }
}
