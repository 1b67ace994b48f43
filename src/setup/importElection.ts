// Turns a validated election definition into the rows of the schema, and writes them.
import type { Actor } from '../../db/audit';
import type { Db } from '../../db/client';
import { replaceElectionDefinition, type DefinitionRows } from '../../db/setup';
import type { ElectionDefinition } from './definition';
import { candidateId } from './candidateId';
import { idsTakenElsewhere } from './idsTakenElsewhere';
import { PartyRegister } from './partyRegister';

export class SetupError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export function definitionRows(def: ElectionDefinition, now = new Date().toISOString()): DefinitionRows & { warnings: string[] } {
  const register = new PartyRegister();
  // Parties listed explicitly win over those inferred from candidates, so a file can
  // give a colour or an id for any party it mentions anywhere.
  for (const p of def.parties ?? []) register.idOf(p.name, p);
  const party = (name: string) => register.idOf(name);

  // Nothing is named twice here: the schema refused that (src/setup/namedTwice.ts).
  const contests = def.contests.map((c, position) => ({
    row: {
      id: c.id,
      electionId: def.id,
      name: c.name,
      seats: c.seats,
      electorate: c.electorate,
      // With no more candidates than seats there is no poll: all are elected unopposed.
      status: c.candidates.length <= c.seats ? ('uncontested' as const) : ('awaiting' as const),
      position,
      expectedDeclaration: c.expectedDeclaration ?? null,
      updatedAt: now,
    },
    previous: (c.previous ?? []).map((p) => ({ contestId: c.id, partyId: party(p.party), seats: p.seats })),
    candidates: c.candidates.map((cand, ballotOrder) => ({
      id: candidateId(c.id, cand),
      contestId: c.id,
      surname: cand.surname,
      otherNames: cand.otherNames,
      knownAs: cand.knownAs ?? null,
      description: cand.description,
      partyId: party(cand.party),
      dcPersonId: cand.dcPersonId ?? null,
      ballotOrder,
    })),
  }));

  const continuing = (def.continuing ?? []).map((c) => ({ electionId: def.id, partyId: party(c.party), seats: c.seats }));
  const previousControl = def.previousControl ? party(def.previousControl) : null;

  return {
    election: {
      id: def.id,
      name: def.name,
      organisation: def.organisation,
      date: def.date,
      totalSeats: def.totalSeats,
      previousControl,
      countStarts: def.countStarts ?? null,
      rehearsal: def.rehearsal ?? false,
      // Left out of the row when the file does not say: a re-import keeps what an admin set.
      ...(def.secondPairOfEyes !== undefined ? { secondPairOfEyes: def.secondPairOfEyes } : {}),
      updatedAt: now,
    },
    parties: register.parties().map((p) => ({ electionId: def.id, ...p })),
    continuing,
    contests: contests.map((c) => c.row),
    previousSeats: contests.flatMap((c) => c.previous),
    candidates: contests.flatMap((c) => c.candidates),
    warnings: register.warnings(),
  };
}

/** Writes the definition; `warnings` are things in the file a person should look at. */
export async function importElection(db: Db, def: ElectionDefinition, actor: Actor = {}) {
  const taken = await idsTakenElsewhere(db, def);
  if (taken.length) throw new SetupError(taken);
  const { warnings, ...rows } = definitionRows(def);
  return { ...(await replaceElectionDefinition(db, rows, actor)), warnings };
}
