// The election as we publish it: every name and reason made fit to show, whatever was stored
// before the text rules (src/domain/text.ts) were checked at the door. One pass per change,
// before the pages, JSON, feeds and posts are made from it. Ids are left as stored: they are
// what addresses and lookups use, and every output escapes or encodes them.
import type { ContestSnapshot, ElectionSnapshot } from '../../db/results';
import { publishable } from '../domain/text';

const line = (text: string) => publishable(text);
const lineOrNull = (text: string | null) => (text === null ? null : line(text));

function publishableContest(contest: ContestSnapshot): ContestSnapshot {
  return {
    ...contest,
    name: line(contest.name),
    candidates: contest.candidates.map((c) => ({
      ...c,
      surname: line(c.surname),
      otherNames: line(c.otherNames),
      knownAs: lineOrNull(c.knownAs),
      description: line(c.description),
    })),
    versions: contest.versions.map((v) => ({ ...v, reason: v.reason === null ? null : publishable(v.reason, { multiline: true }) })),
  };
}

export function publishableSnapshot(snapshot: ElectionSnapshot): ElectionSnapshot {
  const { election } = snapshot;
  return {
    ...snapshot,
    election: { ...election, name: line(election.name), organisation: line(election.organisation) },
    parties: snapshot.parties.map((p) => ({ ...p, name: line(p.name), shortName: line(p.shortName) })),
    contests: snapshot.contests.map(publishableContest),
    updates: snapshot.updates.map((u) => ({ ...u, versions: u.versions.map((v) => ({ ...v, text: publishable(v.text, { multiline: true }) })) })),
  };
}
