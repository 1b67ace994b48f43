// Wards' verification statements as feed entries, published before their counts: one entry
// per ward (`urn:declare:{contestId}:verification`), changed in place if the statement is
// published again. The declaration that follows is its own entry.
import type { ElectionSnapshot } from '../../db/results';
import { formatNumber, formatPercent, turnoutPercent, verificationStatementOf, verifiedTotal } from '../domain';
import type { verificationFeedEntrySchema } from './publicSchemas';
import { rehearsalWords } from './rehearsal';
import type { z } from 'zod';
import { contestPath } from '../http/paths';

export type VerificationFeedEntry = z.infer<typeof verificationFeedEntrySchema> & { path: string };

export function verificationEntryId(contestId: string): string {
  return `urn:declare:${contestId}:verification`;
}

/** Every published statement, most recent first. */
export function verificationFeed(snapshot: ElectionSnapshot): VerificationFeedEntry[] {
  const practice = snapshot.election.rehearsal ? `${rehearsalWords}. ` : '';
  return snapshot.contests
    .flatMap((c) => {
      const statement = verificationStatementOf(c);
      if (!statement) return [];
      const { papers, at } = statement;
      const total = verifiedTotal(papers);
      const turnout = turnoutPercent(total, c.electorate);
      return [
        {
          id: verificationEntryId(c.id),
          contestId: c.id,
          contestName: c.name,
          ballotPapersVerified: { ...papers, total },
          turnoutPercent: turnout,
          verifiedAt: at,
          title: `${practice}${c.name}: verified, ${formatNumber(total)} ballot papers${turnout === null ? '' : `, turnout ${formatPercent(turnout)}`}`,
          path: contestPath(snapshot.election.id, c.id),
        },
      ];
    })
    .sort((a, b) => (a.verifiedAt < b.verifiedAt ? 1 : a.verifiedAt > b.verifiedAt ? -1 : a.id < b.id ? 1 : -1));
}
