// The newsroom exports in other people's formats, served like the feeds (src/routes/feeds.tsx):
// Democracy Club's results CSV columns, and NIST SP 1500-100 v2 JSON.
import { contestPath } from '../http/paths';
import { democracyClubCsv } from '../results/democracyClubCsv';
import { nistReport } from '../results/nistReport';
import type { Feed } from './feeds';

export const democracyClubFeed: Feed = {
  contentType: 'text/csv; charset=utf-8',
  // results_source links each ward's page, so it is built per public address.
  links: true,
  build: ({ snapshot }, origin) => democracyClubCsv(snapshot, (contestId) => `${origin}${contestPath(snapshot.election.id, contestId)}`),
  headers: (electionId) => ({ 'content-disposition': `attachment; filename="${electionId.replace(/[^A-Za-z0-9._-]/g, '_')}-results-dc.csv"` }),
};

export const nistFeed: Feed = {
  contentType: 'application/json; charset=utf-8',
  links: false,
  build: (view) => JSON.stringify(nistReport(view, 'Declare')),
};
