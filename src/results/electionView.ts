// Everything the public pages show about an election, worked out once per change from one
// snapshot: the public JSON (so pages and API never disagree), the latest declarations and
// the sentence announced when the page updates.
import type { ContestSnapshot, ElectionSnapshot } from '../../db/results';
import { contestResult, type ContestResult } from './contestResult';
import { wardUpdates, type PublicUpdate } from './countUpdates';
import { electionResults, type ElectionResults } from './electionResults';
import { describeChange, electionNews, latestDeclarations, type LatestDeclaration } from './latest';
import { partyDirectory, type PartyDirectory } from './names';

export interface ElectionView {
  snapshot: ElectionSnapshot;
  results: ElectionResults;
  parties: PartyDirectory;
  latest: LatestDeclaration[];
  news: string;
}

export function electionView(snapshot: ElectionSnapshot): ElectionView {
  const results = electionResults(snapshot);
  return {
    snapshot,
    results,
    parties: partyDirectory(snapshot.parties),
    latest: latestDeclarations(snapshot, results),
    news: electionNews(snapshot, results),
  };
}

export interface ContestView {
  election: ElectionResults;
  result: ContestResult;
  /** The updates from the count about this ward, newest first. */
  updates: PublicUpdate[];
  news: string;
}

export function findContest(view: ElectionView, contestId: string): ContestSnapshot | null {
  return view.snapshot.contests.find((c) => c.id === contestId) ?? null;
}

export function contestView(view: ElectionView, contest: ContestSnapshot): ContestView {
  const result = contestResult(view.results.id, contest, view.parties);
  return { election: view.results, result, updates: wardUpdates(view.results.updates, contest.id), news: describeChange(contest, result.summary) ?? '' };
}
