/**
 * Page lookups for adapters. Players rename their markup without notice, so a lookup an adapter depends on says
 * so when it finds nothing — in development builds only, once per selector, so a broken selector shows up while
 * trying the extension on the live site. Tests and production builds stay silent: nothing of ours belongs in a
 * page's console.
 */

/** Once per selector is enough to notice a broken one; a page polled every second must not flood the console. */
const reported = new Set<string>();
const MAX_REPORTED = 200;

function devLogging(): boolean {
  // Vite replaces `import.meta.env` at build time; the guard keeps the module loadable where nothing does.
  if (typeof import.meta.env === 'undefined') return false;
  return import.meta.env.DEV === true && import.meta.env.MODE !== 'test';
}

/** Says, in development builds, that a lookup an adapter depends on found nothing. */
export function reportMissing(what: string, selector: string | readonly string[]): void {
  if (!devLogging()) return;
  const shown = typeof selector === 'string' ? selector : selector.join(' | ');
  const key = `${what}\u0000${shown}`;
  if (reported.has(key) || reported.size >= MAX_REPORTED) return;
  reported.add(key);
  console.debug('[earmark] selector not found:', what, shown);
}

/** Lets tests see a report again after they switch development logging on. */
export function forgetReportedSelectors(): void {
  reported.clear();
}

/** The first element matching the first selector (of several, tried in order) that matches anything; never logs. */
export function probe(root: ParentNode, selector: string | readonly string[]): Element | null {
  for (const s of typeof selector === 'string' ? [selector] : selector) {
    const found = root.querySelector(s);
    if (found) return found;
  }
  return null;
}

/** Like `probe`, for elements the adapter depends on: a miss is reported (see above). */
export function query(root: ParentNode, selector: string | readonly string[], what: string): Element | null {
  const found = probe(root, selector);
  if (!found) reportMissing(what, selector);
  return found;
}

/** Every element matching `selector`; an empty result is reported like `query`'s miss. */
export function queryAll(root: ParentNode, selector: string, what: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if (found.length === 0) reportMissing(what, selector);
  return found;
}

/** The element as a media element when it is one (no `instanceof`: tests run without browser globals). */
export function asMedia(el: Element | null | undefined): HTMLMediaElement | null {
  if (!el) return null;
  const name = el.localName;
  return name === 'audio' || name === 'video' ? (el as HTMLMediaElement) : null;
}

/**
 * True unless layout says the element has no box. Where there is no layout engine (tests on a parsed page),
 * `offsetWidth` is missing and every element counts as shown.
 */
export function hasLayoutBox(el: Element): boolean {
  const { offsetWidth, offsetHeight } = el as Partial<HTMLElement>;
  if (typeof offsetWidth !== 'number' || typeof offsetHeight !== 'number') return true;
  return offsetWidth > 0 && offsetHeight > 0;
}
