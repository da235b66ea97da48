import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../lib/content/store';

/** Re-renders the component whenever the store's value changes. */
export function useStore<T>(store: Store<T>): T {
  const [, setTick] = useState(0);
  useEffect(() => store.subscribe(() => setTick((t) => t + 1)), [store]);
  return store.get();
}
