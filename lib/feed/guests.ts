/**
 * Guests the podcast names in its feed (`podcast:person`, role guest) beside those the guests engine read in the
 * notes: the podcast's word comes first and vouches for the engine's finding of the same person; its photo and link
 * are shown only as https. Pure.
 */
import type { GuestView } from '../../components/ChapterPanel';
import { linkHost, safeGuestLinks } from '../guest-links';
import { titleKey } from './match';
import type { FeedPerson } from './read';
import { webUrl } from './source';

/** A feed's guest as the panel shows one. */
export function feedGuestView(person: FeedPerson): GuestView {
  const href = webUrl(person.href, true);
  const photo = webUrl(person.img, true);
  return {
    name: person.name,
    affiliations: [],
    summary: '',
    evidence: ['Named as a guest in the podcast’s feed.'],
    links: href ? safeGuestLinks([{ url: href, host: linkHost(new URL(href)) }]) : [],
    namedBy: 'podcast',
    ...(photo ? { photo } : {}),
  };
}

/** The feed's guests first, then the engine's others; one person named both ways is one card, vouched for. */
export function mergeFeedGuests(found: readonly GuestView[], named: readonly FeedPerson[]): GuestView[] {
  if (named.length === 0) return [...found];
  const byKey = new Map(found.map((g) => [titleKey(g.name), g]));
  const out: GuestView[] = [];
  const used = new Set<string>();
  for (const person of named) {
    const key = titleKey(person.name);
    if (!key || used.has(key)) continue;
    used.add(key);
    const view = feedGuestView(person);
    const same = byKey.get(key);
    out.push(
      same
        ? { ...same, namedBy: 'podcast', ...(view.photo ? { photo: view.photo } : {}), evidence: [...view.evidence, ...same.evidence], links: safeGuestLinks([...view.links, ...same.links]) }
        : view,
    );
  }
  for (const g of found) if (!used.has(titleKey(g.name))) out.push(g);
  return out;
}
