import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../lib/content/store';

/** Re-renders the component whenever the store's value changes. */
export function useStore<T>(store: Store<T>): T {
  const [, setTick] = useState(0);
  const value = store.get();
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setTick((t) => t + 1));
    // Effects run after the render: a change made in between (a reply that came back fast) would be missed.
    if (!Object.is(store.get(), value)) setTick((t) => t + 1);
    return unsubscribe;
  }, [store]);
  return value;
}
