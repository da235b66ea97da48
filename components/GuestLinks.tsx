import type { GuestLink } from '../lib/guests';
import { safeGuestLinks } from '../lib/guest-links';

/**
 * The pages the notes give for a guest, on a guest card (panel and popup): `a[data-guest-link]`, each showing its
 * host as plain text and opening in a new tab without a way back to this page (noopener). The links came from
 * page text: each is checked again here (https, the host its own), so nothing else reaches an href.
 */
export function GuestLinks({ name, links }: { name: string; links: readonly GuestLink[] }) {
  const safe = safeGuestLinks(links);
  if (safe.length === 0) return null;
  return (
    <ul class="guest-links" aria-label={`${name}’s links`}>
      {safe.map((link) => (
        <li key={link.url}>
          <a
            data-guest-link=""
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            referrerpolicy="no-referrer"
            title={link.url}
            aria-label={`${link.host} (opens in a new tab)`}
          >
            {link.host}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Who the guest is, under the name: the summary first, then the affiliations. */
export function GuestIntro({ summary, affiliations }: { summary: string; affiliations: readonly string[] }) {
  return (
    <>
      {summary && <p class="summary">{summary}</p>}
      {affiliations.length > 0 && <p class="affiliations">{affiliations.join(' · ')}</p>}
    </>
  );
}
