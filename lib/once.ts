/** `make`'s value, made on the first call and kept: for what a bundle may never need, or needs only later. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
