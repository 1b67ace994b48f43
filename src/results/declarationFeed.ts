// The declarations of an election as a feed: one entry per published version, newest
// first, so a newsroom polling it sees each declaration and each correction once, under an
// id that never changes. Built from the same snapshot as the public JSON.
import type { ElectionSnapshot } from '../../db/results';
import { formatNumber, formatPercent } from '../domain';
import { contestResult, type CandidateResult } from './contestResult';
import { partyDirectory } from './names';
import { rehearsalWords } from './rehearsal';
import type { feedEntrySchema } from './publicSchemas';
import type { z } from 'zod';
import { contestPath } from '../http/paths';

/** An entry as the JSON feed sends it (publicSchemas.ts), with the ward page relative to the site. */
export type FeedEntry = z.infer<typeof feedEntrySchema> & { path: string };

export function entryId(contestId: string, version: number): string {
  return `urn:declare:${contestId}:v${version}`;
}

function electedLine(c: CandidateResult): string {
  return `${c.name} (${c.party.name}) ${c.votes === null ? 'unopposed' : formatNumber(c.votes)}${c.electedByLot ? ', after drawing lots' : ''}`;
}

export function declarationFeed(snapshot: ElectionSnapshot): FeedEntry[] {
  const parties = partyDirectory(snapshot.parties);
  const electionId = snapshot.election.id;
  const entries: FeedEntry[] = [];
  for (const contest of snapshot.contests) {
    contest.versions.forEach((version, i) => {
      // Each version as it read when it was published: the contest cut at that version.
      const asPublished = contestResult(electionId, { ...contest, status: 'declared', versions: contest.versions.slice(0, i + 1) }, parties);
      const elected = asPublished.candidates.filter((c) => c.elected);
      const correction = version.version > 1;
      const headline = `${contest.name}: ${asPublished.summary}`;
      const practice = snapshot.election.rehearsal ? `${rehearsalWords}. ` : '';
      const figures = [
        snapshot.election.rehearsal ? `${rehearsalWords}: a practice run.` : '',
        `Elected: ${elected.map(electedLine).join('; ')}.`,
        asPublished.majority !== null ? `Majority ${formatNumber(asPublished.majority)}.` : '',
        asPublished.turnoutPercent !== null ? `Turnout ${formatPercent(asPublished.turnoutPercent)}.` : '',
        correction && version.reason ? `Reason for the correction: ${version.reason}` : '',
      ].filter(Boolean);
      entries.push({
        id: entryId(contest.id, version.version),
        contestId: contest.id,
        contestName: contest.name,
        version: version.version,
        correction,
        reason: correction ? version.reason : null,
        declaredAt: version.declaredAt,
        publishedAt: version.createdAt,
        title: `${practice}${correction ? 'Correction: ' : ''}${headline}`,
        summary: figures.join(' '),
        elected: elected.map((c) => ({ id: c.id, name: c.name, party: c.party.name, votes: c.votes, electedByLot: c.electedByLot })),
        path: contestPath(electionId, contest.id),
      });
    });
  }
  return entries.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? 1 : -1));
}
