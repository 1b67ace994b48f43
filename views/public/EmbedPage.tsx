// The widget a newsroom frames in its live blog: /embed/elections/:id (the whole council)
// and /embed/elections/:id/contests/:cid (one ward). It updates itself as the results page
// does, tells the page around it its height (/static/embed-frame.js, for /static/embed.js
// on the host page), follows the reader's light or dark setting, and its links open our
// full pages in a new tab rather than inside the newsroom's frame.
import type { Child } from 'hono/jsx';
import { Document } from '../Document';
import { Announcement } from './LiveSection';

export interface EmbedPageProps {
  title: string;
  /** What the widget shows, linking to our full page of it. */
  heading: string;
  href: string;
  /** The same figures as open data. */
  jsonHref: string;
  news: string;
  /** The live section. */
  children: Child;
}

export function EmbedPage({ title, heading, href, jsonHref, news, children }: EmbedPageProps) {
  return (
    <Document title={title} bodyClass="public embed" linksOpenNewTab colorScheme="light dark" scripts={['/static/embed-frame.js']}>
      <main id="main">
        <h1>
          <a href={href}>{heading}</a>
        </h1>
        <Announcement text={news} />
        {children}
        <p class="muted embed-source">
          Live from the count: <a href={href}>the full results</a>, and the <a href={jsonHref}>open data (JSON)</a>. Links
          open in a new tab.
        </p>
      </main>
    </Document>
  );
}
