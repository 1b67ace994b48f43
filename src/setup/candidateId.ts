// A candidate's id: the file's own, else one derived from the ward and the name, so the same
// file gives the same ids on every import (declarations and feeds refer to them).
import { slugify } from './parties';

export function candidateId(contestId: string, c: { id?: string; surname: string; otherNames: string }): string {
  return c.id ?? `${contestId}:${slugify(`${c.surname} ${c.otherNames}`)}`;
}
