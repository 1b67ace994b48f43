// How people and parties are named in everything we publish.
import type { CandidateRow, PartyRow } from '../../db/results';

/** The name on the ballot paper as people say it: "commonly known as" wins. */
export function candidateName(c: Pick<CandidateRow, 'knownAs' | 'otherNames' | 'surname'>): string {
  return c.knownAs ?? `${c.otherNames} ${c.surname}`;
}

export interface PartyDirectory {
  get(partyId: string): PartyRow | undefined;
  name(partyId: string): string;
  shortName(partyId: string): string;
  colour(partyId: string): string;
}

export function partyDirectory(parties: PartyRow[]): PartyDirectory {
  const byId = new Map(parties.map((p) => [p.id, p]));
  return {
    get: (id) => byId.get(id),
    name: (id) => byId.get(id)?.name ?? id,
    shortName: (id) => byId.get(id)?.shortName ?? id,
    colour: (id) => byId.get(id)?.colour ?? '#8C8C8C',
  };
}
