// Declaring Medway wards on a real server over HTTP, as count software would: an officer's
// API token, the write API, a fresh Idempotency-Key per submission.
import type { Db } from '../../db/client';
import { loadElection } from '../../db/results';
import { addApiToken, createUser } from '../../db/users';
import { hashToken, newApiToken } from '../../src/auth/secrets';
import type { DeclarationSubmission } from '../../src/declare/submission';
import { medwaySubmissionFor } from '../fixtures';
import { fixturePasswordHash } from './fixturePassword';

export async function officerToken(db: Db, name = `officer-${crypto.randomUUID().slice(0, 8)}`): Promise<string> {
  const user = await createUser(db, { name, role: 'officer', passwordHash: await fixturePasswordHash('count night 2023') });
  const token = newApiToken();
  await addApiToken(db, user.id, 'count software', await hashToken(token));
  return token;
}

/** Every Medway ward's declared figures, keyed by ward name, with the contest ids of `electionId`. */
export async function medwaySubmissions(db: Db, electionId: string): Promise<Map<string, { contestId: string; body: DeclarationSubmission }>> {
  const snapshot = await loadElection(db, electionId);
  if (!snapshot) throw new Error(`no election ${electionId}`);
  const out = new Map<string, { contestId: string; body: DeclarationSubmission }>();
  for (const contest of snapshot.contests) out.set(contest.name, { contestId: contest.id, body: medwaySubmissionFor(contest) });
  return out;
}

export async function postDeclaration(baseUrl: string, token: string, contestId: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
