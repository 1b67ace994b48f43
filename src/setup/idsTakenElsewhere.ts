// Ward and candidate ids are the site's, not one election's: the database keeps each once. A
// file reusing another election's (last year's file with a new election id, a ward id without
// its date) would fail at the write in the database's words; said here before anything is
// written instead, by field, naming the election that has the id.
import type { Db } from '../../db/client';
import { idsOfOtherElections } from '../../db/setup';
import { fieldPath } from '../validation/zodIssues';
import { candidateId } from './candidateId';
import type { ElectionDefinition } from './definition';

export async function idsTakenElsewhere(db: Db, def: ElectionDefinition): Promise<string[]> {
  const wards = def.contests.map((c, i) => ({ id: c.id, path: fieldPath(['contests', i, 'id']) }));
  const people = def.contests.flatMap((c, i) =>
    c.candidates.map((cand, row) => ({ id: candidateId(c.id, cand), ward: c.id, path: fieldPath(['contests', i, 'candidates', row, cand.id !== undefined ? 'id' : 'surname']) })),
  );
  const taken = await idsOfOtherElections(db, def.id, { contestIds: wards.map((w) => w.id), candidateIds: people.map((p) => p.id) });
  const wardOf = new Map(taken.contests.map((t) => [t.id, t.electionName]));
  const candidateOf = new Map(taken.candidates.map((t) => [t.id, t.electionName]));
  return [
    ...wards.filter((w) => wardOf.has(w.id)).map((w) => `${w.path}: contest id ${w.id} is already a ward of ${wardOf.get(w.id)}: give this election's wards ids of their own`),
    // Candidates whose ids are made from a taken ward id are said with their ward.
    ...people
      .filter((p) => candidateOf.has(p.id) && !wardOf.has(p.ward))
      .map((p) => `${p.path}: candidate id ${p.id} is already a candidate in ${candidateOf.get(p.id)}: give this election's candidates ids of their own`),
  ];
}
