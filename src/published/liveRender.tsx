// Rendering a live section once and using it twice: as the fragment htmx polls, and inside
// the full page. Both hold the very same HTML, and the section's ETag is a hash of it.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { Announcement, LiveSection } from '../../views/public/LiveSection';
import { contentHash, prepare, weakEtag, type Rendered } from '../http/rendered';

/** Renders hono/jsx to its HTML text (hono/jsx escapes every value; nothing is concatenated by hand). */
export async function htmlOf(node: Child): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

export interface LiveRender {
  /** The fragment htmx fetches: the section and the screen-reader announcement. */
  fragment: Rendered;
  /** The section as it goes into the full page. */
  section: Child;
}

/**
 * `content` is rendered once. The ETag is a hash of what the section shows (and announces),
 * so it changes exactly when that does, deploys included, and the section carries it for
 * htmx to send back on the next poll.
 */
export async function renderLive(url: string, content: Child, news: string): Promise<LiveRender> {
  // Already escaped by hono/jsx: raw() only stops it being escaped twice when embedded.
  const inner = raw(await htmlOf(content));
  const hash = await contentHash(`${inner}\n${news}`);
  const section = (
    <LiveSection url={url} etag={weakEtag(hash)}>
      {inner}
    </LiveSection>
  );
  const fragment = await prepare(
    await htmlOf(
      <>
        {section}
        <Announcement text={news} outOfBand />
      </>,
    ),
    hash,
  );
  return { fragment, section };
}
