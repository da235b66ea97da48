/**
 * Where hosts' embedded players come from: the iframes a page may carry, by the address they load. Kept apart
 * from the adapters (and checked against them by the registry test) so a content script can recognise an embed
 * without carrying every adapter.
 */
export interface EmbedOrigin {
  /** The adapter that runs inside the embed. */
  player: string;
  label: string;
  /** The hosts the embed's documents come from (an old address may redirect to a newer host). */
  hosts: readonly string[];
  /** Tests an iframe's `src`. */
  test(url: URL): boolean;
}

export const EMBEDS: readonly EmbedOrigin[] = [
  { player: 'captivate', label: 'Captivate', hosts: ['player.captivate.fm'], test: (u) => u.hostname === 'player.captivate.fm' && u.pathname.startsWith('/episode/') },
  { player: 'libsyn', label: 'Libsyn', hosts: ['play.libsyn.com', 'html5-player.libsyn.com'], test: (u) => (u.hostname === 'play.libsyn.com' || u.hostname === 'html5-player.libsyn.com') && u.pathname.startsWith('/embed/episode/') },
  { player: 'buzzsprout', label: 'Buzzsprout', hosts: ['www.buzzsprout.com'], test: (u) => u.hostname === 'www.buzzsprout.com' && /^\/\d+\/\d+/.test(u.pathname) },
  { player: 'podbean', label: 'Podbean', hosts: ['www.podbean.com'], test: (u) => u.hostname === 'www.podbean.com' && u.pathname.startsWith('/player-v2') },
  { player: 'transistor-embed', label: 'Transistor', hosts: ['share.transistor.fm'], test: (u) => u.hostname === 'share.transistor.fm' && u.pathname.startsWith('/e/') },
];

/** The embed an iframe `src` loads, if it is one of the known players'. */
export function embedOf(src: string | null | undefined, base: string): EmbedOrigin | undefined {
  if (!src) return undefined;
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return EMBEDS.find((e) => e.hosts.includes(url.hostname) && e.test(url));
}

/** The first iframe of `doc` that loads a known embedded player, with what it is. */
export function findEmbed(doc: Document): { iframe: HTMLIFrameElement; embed: EmbedOrigin } | undefined {
  const frames = doc.querySelectorAll('iframe[src]');
  for (let i = 0; i < frames.length && i < 50; i++) {
    const iframe = frames[i] as HTMLIFrameElement;
    const embed = embedOf(iframe.getAttribute('src'), doc.baseURI);
    if (embed) return { iframe, embed };
  }
  return undefined;
}
