/**
 * Invented podcast feeds in the real structure of RSS 2.0 with the iTunes, Podcasting 2.0 (`podcast:`), Podlove
 * Simple Chapters (`psc:`) and `content:` namespaces, as hosts publish them (a channel, items newest first, CDATA
 * notes, an enclosure behind a measurement prefix). Shared by the unit tests, the service tests and the e2e.
 */
export interface TestItem {
  title: string;
  guid?: string;
  pubDate?: string;
  duration?: string;
  enclosure?: string;
  /** HTML, written in CDATA as content:encoded. */
  content?: string;
  /** HTML, escaped, as description. */
  description?: string;
  chaptersUrl?: string;
  psc?: Array<{ start: string; title: string; href?: string }>;
  persons?: Array<{ name: string; role?: string; group?: string; img?: string; href?: string }>;
  /** Raw XML added inside the item. */
  extra?: string;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rss(channel: { title: string; items: TestItem[]; persons?: TestItem['persons']; extra?: string }): string {
  const person = (p: NonNullable<TestItem['persons']>[number]) =>
    `<podcast:person${p.role ? ` role="${esc(p.role)}"` : ''}${p.group ? ` group="${esc(p.group)}"` : ''}${p.img ? ` img="${esc(p.img)}"` : ''}${p.href ? ` href="${esc(p.href)}"` : ''}>${esc(p.name)}</podcast:person>`;
  const item = (i: TestItem) => `
    <item>
      <title>${esc(i.title)}</title>
      ${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
      ${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}
      ${i.duration ? `<itunes:duration>${i.duration}</itunes:duration>` : ''}
      ${i.enclosure ? `<enclosure url="${esc(i.enclosure)}" length="123456" type="audio/mpeg"/>` : ''}
      ${i.description !== undefined ? `<description>${esc(i.description)}</description>` : ''}
      ${i.content !== undefined ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''}
      ${i.chaptersUrl ? `<podcast:chapters url="${esc(i.chaptersUrl)}" type="application/json+chapters"/>` : ''}
      ${i.psc ? `<psc:chapters version="1.2">${i.psc.map((c) => `<psc:chapter start="${c.start}" title="${esc(c.title)}"${c.href ? ` href="${esc(c.href)}"` : ''}/>`).join('')}</psc:chapters>` : ''}
      ${(i.persons ?? []).map(person).join('\n')}
      ${i.extra ?? ''}
    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:psc="http://podlove.org/simple-chapters" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${esc(channel.title)}</title>
    <link>https://tinyharbour.example/</link>
    <language>en</language>
    <itunes:author>Harbour Radio</itunes:author>
    <itunes:category text="Leisure"/>
    ${(channel.persons ?? []).map(person).join('\n')}
    ${channel.extra ?? ''}
    ${channel.items.map(item).join('\n')}
  </channel>
</rss>`;
}

/** A Podcasting 2.0 JSON chapters file. */
export const chaptersJson = (chapters: Array<Record<string, unknown>>) => JSON.stringify({ version: '1.2.0', chapters });
