// Test data built from the real Medway 2023 declarations (db/demo/medway-2023.json,
// transcribed from Medway Council's declarations of result; see db/demo/README.md).
import medway from '../db/demo/medway-2023.json';
import type { ContestSnapshot } from '../db/results';
import type { DeclarationSubmission } from '../src/declare/submission';
import type { ElectionDefinition } from '../src/setup/definition';
import { readDefinition } from '../src/setup/readDefinition';

export type MedwayContest = (typeof medway.contests)[number];
export const medwayFile = medway;

/**
 * The Medway definition under fresh ids, so every test owns its own election and tests
 * never depend on each other's order, even on a shared database.
 */
export function freshMedway(overrides: Partial<ElectionDefinition> = {}): ElectionDefinition {
  const tag = crypto.randomUUID().slice(0, 8);
  const def = readDefinition(JSON.stringify(medway));
  return {
    ...def,
    id: `${def.id}.${tag}`,
    contests: def.contests.map((c) => ({ ...c, id: `${c.id}.${tag}` })),
    ...overrides,
  };
}

/** The declared figures of a Medway ward, by name. */
export function medwayWard(name: string): MedwayContest {
  const contest = medway.contests.find((c) => c.name === name);
  if (!contest) throw new Error(`no Medway ward called ${name}`);
  return contest;
}

/**
 * The declared figures of a Medway ward as the write API takes them, for the contest as
 * imported (its candidate ids found by name, so any import of the file works).
 */
export function medwaySubmissionFor(contest: ContestSnapshot): DeclarationSubmission {
  const ward = medwayWard(contest.name);
  const idOf = (surname: string, otherNames: string) =>
    contest.candidates.find((x) => x.surname === surname && x.otherNames === otherNames)!.id;
  return {
    votes: ward.candidates.map((x) => ({ candidate: idOf(x.surname, x.otherNames), votes: x.votes })),
    rejected: {
      noOfficialMark: ward.rejected.noOfficialMark,
      tooManyVotes: ward.rejected.tooManyVotes,
      identifiable: ward.rejected.identifiable,
      unmarkedOrUncertain: ward.rejected.unmarkedOrUncertain,
    },
    ballotPapersVerified: { pollingStations: ward.ballotPapersVerified.pollingStations, postal: ward.ballotPapersVerified.postal },
  };
}
