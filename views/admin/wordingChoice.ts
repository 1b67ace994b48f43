// The declaration a channel's wording is previewed against, as the wording page's list names
// it (one value per option) and as the route reads it back from the form or the address.
import type { DeclarationChoice } from '../../db/recentDeclarations';

type ChosenDeclaration = Pick<DeclarationChoice, 'electionId' | 'contestId' | 'version'>;

export const choiceValue = (c: ChosenDeclaration) => `${c.electionId}|${c.contestId}|${c.version}`;

/** The declaration a value names, or null for anything that is not one. */
export function chosenDeclaration(value: string | undefined): ChosenDeclaration | null {
  const [electionId, contestId, version] = (value ?? '').split('|');
  return electionId && contestId && Number(version) > 0 ? { electionId, contestId, version: Number(version) } : null;
}
