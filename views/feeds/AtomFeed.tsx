// The declarations as an Atom feed (RFC 4287) for newsrooms' feed readers and live blogs.
// hono/jsx escapes every text and attribute, so names people typed stay text here too.
import type { FeedEntry } from '../../src/results/declarationFeed';

// Characters XML 1.0 does not allow at all, even escaped: one of them makes the whole feed
// unreadable to every feed reader. The names and reasons are cleaned before they get here
// (src/results/publishableSnapshot.ts); this is the last word, for whatever else reaches
// the feed (an id stored long ago, a lone surrogate).
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const x = (text: string) => text.replace(notXml, '');

export interface AtomFeedProps {
  electionId: string;
  electionName: string;
  organisation: string;
  updatedAt: string;
  /** The site's address, for absolute links (feed readers need them). */
  origin: string;
  entries: FeedEntry[];
}

export function AtomFeed({ electionId, electionName, organisation, updatedAt, origin, entries }: AtomFeedProps) {
  const electionPath = `/elections/${encodeURIComponent(electionId)}`;
  return (
    <feed xmlns="http://www.w3.org/2005/Atom">
      <id>{x(`urn:declare:${electionId}`)}</id>
      <title>{x(`${electionName}: declarations`)}</title>
      <updated>{x(updatedAt)}</updated>
      <author>
        <name>{x(organisation)}</name>
      </author>
      <link rel="self" type="application/atom+xml" href={x(`${origin}/api/v1${electionPath}/declarations.atom`)} />
      <link rel="alternate" type="text/html" href={x(`${origin}${electionPath}`)} />
      {entries.map((e) => (
        <entry>
          <id>{x(e.id)}</id>
          <title>{x(e.title)}</title>
          <published>{x(e.publishedAt)}</published>
          <updated>{x(e.publishedAt)}</updated>
          <link rel="alternate" type="text/html" href={x(`${origin}${e.path}`)} />
          {e.correction && <category term="correction" label="Correction" />}
          <summary type="text">{x(e.summary)}</summary>
        </entry>
      ))}
    </feed>
  );
}
