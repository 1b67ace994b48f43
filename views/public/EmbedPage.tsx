// /embed/elections/:id, the widget a newsroom frames in its live blog. It updates itself as
// the results page does; its links open our full pages in a new tab rather than inside the
// newsroom's frame.
import type { Child } from 'hono/jsx';
import type { ElectionResults } from '../../src/results/electionResults';
import { Document } from '../Document';
import { Announcement } from './LiveSection';
import { electionJsonPath, electionPath } from './paths';

export interface EmbedPageProps {
  results: ElectionResults;
  news: string;
  /** The live section (a LiveSection of EmbedLive). */
  children: Child;
}

export function EmbedPage({ results, news, children }: EmbedPageProps) {
  return (
    <Document title={`${results.name}: live results`} bodyClass="public embed" linksOpenNewTab>
      <main id="main">
        <h1>
          <a href={electionPath(results.id)}>{results.name}</a>
        </h1>
        <Announcement text={news} />
        {children}
        <p class="muted embed-source">
          Live from the count: <a href={electionPath(results.id)}>every ward's result</a>, and the{' '}
          <a href={electionJsonPath(results.id)}>open data (JSON)</a>. Links open in a new tab.
        </p>
      </main>
    </Document>
  );
}
