// The audit's filter as it comes in the address (?ward=&person=&before=): checked with zod,
// then against the database. A bad value is said in words and never repeated back: the
// page shows no text taken from the address, so a crafted link cannot make it say anything.
import { z } from 'zod';
import type { AuditFilter } from '../../db/auditListing';
import type { Db } from '../../db/client';
import { wardExists } from '../../db/auditListing';
import { findUserByName } from '../../db/users';

const noSuchWard = 'There is no such ward: choose one from the list.';
const noSuchPerson = 'There is no such person: choose one from the list.';

/** A blank choice ("All wards", "Everyone") is no filter. */
const choice = (message: string, max: number) =>
  z
    .string({ error: message })
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : undefined));

export const auditQuery = z.object({
  ward: choice(noSuchWard, 300),
  person: choice(noSuchPerson, 200),
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, 'The page to show must be a whole number: use the "Older changes" link.')
    .transform(Number)
    .optional(),
});

export type AuditQuery = z.output<typeof auditQuery>;

export type ResolvedQuery =
  | { ok: true; query: AuditQuery; filter: AuditFilter }
  | { ok: false; problem: string };

/** The filter the address asks for, or what is wrong with it (the first problem). */
export async function resolveAuditQuery(db: Db, params: Record<string, string>): Promise<ResolvedQuery> {
  const parsed = auditQuery.safeParse(params);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? noSuchWard };
  const query = parsed.data;
  if (query.ward !== undefined && !(await wardExists(db, query.ward))) return { ok: false, problem: noSuchWard };
  const person = query.person === undefined ? null : await findUserByName(db, query.person);
  if (query.person !== undefined && !person) return { ok: false, problem: noSuchPerson };
  return { ok: true, query, filter: { contestId: query.ward, userId: person?.id } };
}
