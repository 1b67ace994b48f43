// The declarations as an Atom feed (RFC 4287) for newsrooms' feed readers and live blogs.
// hono/jsx escapes every text and attribute, so names people typed stay text here too.
import type { FeedEntry } from '../../src/results/declarationFeed';

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
      <id>{`urn:declare:${electionId}`}</id>
      <title>{`${electionName}: declarations`}</title>
      <updated>{updatedAt}</updated>
      <author>
        <name>{organisation}</name>
      </author>
      <link rel="self" type="application/atom+xml" href={`${origin}/api/v1${electionPath}/declarations.atom`} />
      <link rel="alternate" type="text/html" href={`${origin}${electionPath}`} />
      {entries.map((e) => (
        <entry>
          <id>{e.id}</id>
          <title>{e.title}</title>
          <published>{e.publishedAt}</published>
          <updated>{e.publishedAt}</updated>
          <link rel="alternate" type="text/html" href={`${origin}${e.path}`} />
          {e.correction && <category term="correction" label="Correction" />}
          <summary type="text">{e.summary}</summary>
        </entry>
      ))}
    </feed>
  );
}
