/**
 * One buffer kept from a call to the next, for readers that are never re-entered (they run to the end without
 * yielding): a typed array costs about a microsecond to make, and most notes are read in a few. The buffer is taken
 * at the start of a call and given back at its end; one grown past `keep` elements by long notes is let go.
 */
export class Spare<T extends { readonly length: number }> {
  private kept: T | undefined;

  constructor(private readonly keep = 1 << 16) {}

  take(): T | undefined {
    const buffer = this.kept;
    this.kept = undefined;
    return buffer;
  }

  give(buffer: T): void {
    if (buffer.length <= this.keep) this.kept = buffer;
  }
}
