// /elections/:id, the results page a resident keeps open on the night.
import type { Child } from 'hono/jsx';
import type { ElectionResults } from '../../src/results/electionResults';
import { EmbedSnippet } from './EmbedSnippet';
import { Announcement } from './LiveSection';
import { electionJsonPath } from '../../src/http/paths';
import { PublicLayout } from './PublicLayout';

export interface ElectionPageProps {
  results: ElectionResults;
  news: string;
  /** The widget's copy-paste snippet for newsrooms (EmbedCode, as text). */
  embedCode: string;
  /** The live section (a LiveSection). */
  children: Child;
}

export function ElectionPage({ results, news, embedCode, children }: ElectionPageProps) {
  return (
    <PublicLayout title={`${results.name}: results`} description={`Live results of the ${results.name}: ${results.control.summary}.`}>
      <h1>{results.name}</h1>
      <Announcement text={news} />
      {children}
      <EmbedSnippet code={embedCode} />
      <footer class="page-footer">
        <p class="muted">
          This page updates itself every few seconds; reload it if it has not. The figures are also
          published as <a href={electionJsonPath(results.id)}>open data (JSON)</a>.
        </p>
      </footer>
    </PublicLayout>
  );
}
