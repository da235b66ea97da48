/**
 * Finding a show's feed from what a player page says: the page's own `<link rel="alternate">` feed wins; an Apple
 * show id goes to the public iTunes lookup endpoint; otherwise the iTunes search endpoint is asked for the show's
 * name and its answers are tried in order (the caller confirms each by finding the episode in the feed). Pure:
 * URLs in, URLs out; the answers are checked here (they are another site's JSON).
 */
import * as z from 'zod/mini';
import { titleKey } from './match';
import { webUrl } from './read';

export const ITUNES_ORIGIN = 'https://itunes.apple.com';

/** How many of the search's shows are tried: the right one is nearly always among the first. */
export const SEARCH_TRIES = 3;

export const lookupUrl = (appleId: string, origin = ITUNES_ORIGIN) => `${origin}/lookup?id=${encodeURIComponent(appleId)}&entity=podcast`;
export const searchUrl = (show: string, origin = ITUNES_ORIGIN) =>
  `${origin}/search?media=podcast&entity=podcast&limit=10&term=${encodeURIComponent(show.slice(0, 200))}`;

const ItunesAnswer = z.object({
  results: z.array(z.object({ feedUrl: z.optional(z.unknown()), collectionName: z.optional(z.unknown()), kind: z.optional(z.unknown()) })),
});

interface Show {
  feedUrl: string;
  name: string;
}

function shows(json: string): Show[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const answer = ItunesAnswer.safeParse(data);
  if (!answer.success) return [];
  return answer.data.results.flatMap((r) => {
    const feedUrl = webUrl(r.feedUrl);
    return feedUrl ? [{ feedUrl, name: typeof r.collectionName === 'string' ? r.collectionName : '' }] : [];
  });
}

/** The feed of the show an id names (the lookup endpoint's first result with a feed). */
export const feedFromLookup = (json: string): string | undefined => shows(json)[0]?.feedUrl;

/**
 * The feeds worth trying for a show name, best first: a show whose name is the page's, then one whose name
 * contains it or is contained in it. Other results (same words, other shows) are not tried.
 */
export function feedsFromSearch(json: string, show: string): string[] {
  const want = titleKey(show);
  if (!want) return [];
  const found = shows(json);
  const exact = found.filter((s) => titleKey(s.name) === want);
  const near = found.filter((s) => {
    const name = titleKey(s.name);
    return name !== want && name.length >= 4 && (name.includes(want) || want.includes(name));
  });
  return [...new Set([...exact, ...near].map((s) => s.feedUrl))].slice(0, SEARCH_TRIES);
}
