// The declarations as an Atom feed (RFC 4287) for newsrooms' feed readers and live blogs.
// hono/jsx escapes every text and attribute, so names people typed stay text here too.
import { jsx } from 'hono/jsx';
import { formatNumber } from '../../src/domain';
import { electionJsonPath, electionPath } from '../../src/http/paths';
import type { FeedEntry } from '../../src/results/declarationFeed';
import type { UpdateFeedEntry } from '../../src/results/updateFeed';
import type { VerificationFeedEntry } from '../../src/results/verificationFeed';

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
  /** Updates from the count: one entry each, changed in place by a correction or withdrawal. */
  updates: UpdateFeedEntry[];
  /** Verification statements published before the count: one entry per ward. */
  verifications: VerificationFeedEntry[];
}

/** Our own namespace, for what Atom has no element for: an update's version. */
export const declareAtomNamespace = 'urn:declare:atom';

/**
 * `<declare:version xmlns:declare="urn:declare:atom">3</declare:version>`: foreign markup,
 * which Atom allows in an entry and readers that do not know it skip. Made with jsx()
 * because JSX syntax has no namespaced tags.
 */
const versionElement = (version: number) => jsx('declare:version', { 'xmlns:declare': declareAtomNamespace }, String(version));

function DeclarationEntry({ e, origin }: { e: FeedEntry; origin: string }) {
  return (
    <entry>
      <id>{x(e.id)}</id>
      <title>{x(e.title)}</title>
      <published>{x(e.publishedAt)}</published>
      <updated>{x(e.publishedAt)}</updated>
      <link rel="alternate" type="text/html" href={x(`${origin}${e.path}`)} />
      {e.correction && <category term="correction" label="Correction" />}
      <summary type="text">{x(e.summary)}</summary>
    </entry>
  );
}

function UpdateEntry({ u, origin }: { u: UpdateFeedEntry; origin: string }) {
  return (
    <entry>
      <id>{x(u.id)}</id>
      <title>{x(u.title)}</title>
      <published>{x(u.publishedAt)}</published>
      <updated>{x(u.updatedAt)}</updated>
      <link rel="alternate" type="text/html" href={x(`${origin}${u.path}`)} />
      <category term="update" label="Update from the count" />
      {u.corrected && !u.withdrawn && <category term="correction" label="Correction" />}
      {u.withdrawn && <category term="withdrawn" label="Withdrawn" />}
      {versionElement(u.version)}
      <summary type="text">{x(u.text)}</summary>
    </entry>
  );
}

function VerificationEntry({ v, origin }: { v: VerificationFeedEntry; origin: string }) {
  return (
    <entry>
      <id>{x(v.id)}</id>
      <title>{x(v.title)}</title>
      <updated>{x(v.verifiedAt)}</updated>
      <link rel="alternate" type="text/html" href={x(`${origin}${v.path}`)} />
      <category term="verification" label="Verification statement" />
      <summary type="text">
        {x(`${formatNumber(v.ballotPapersVerified.pollingStations)} ballot papers from polling stations and ${formatNumber(v.ballotPapersVerified.postal)} postal, ${formatNumber(v.ballotPapersVerified.total)} in all.`)}
      </summary>
    </entry>
  );
}

export function AtomFeed({ electionId, electionName, organisation, updatedAt, origin, entries, updates, verifications }: AtomFeedProps) {
  // Newest first, declarations, updates and statements together, as a reader takes in the night.
  const items = [
    ...entries.map((e) => ({ at: e.publishedAt, node: <DeclarationEntry e={e} origin={origin} /> })),
    ...updates.map((u) => ({ at: u.updatedAt, node: <UpdateEntry u={u} origin={origin} /> })),
    ...verifications.map((v) => ({ at: v.verifiedAt, node: <VerificationEntry v={v} origin={origin} /> })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <feed xmlns="http://www.w3.org/2005/Atom">
      <id>{x(`urn:declare:${electionId}`)}</id>
      <title>{x(`${electionName}: declarations`)}</title>
      <updated>{x(updatedAt)}</updated>
      <author>
        <name>{x(organisation)}</name>
      </author>
      <link rel="self" type="application/atom+xml" href={x(`${origin}${electionJsonPath(electionId)}/declarations.atom`)} />
      <link rel="alternate" type="text/html" href={x(`${origin}${electionPath(electionId)}`)} />
      {items.map((item) => item.node)}
    </feed>
  );
}
