// A Medway night for the social tests: the election imported under fresh ids, wards
// declared through the real API with their real figures, and corrections that move votes.
import type { Db } from '../../db/client';
import { medwayFile } from '../fixtures';
import { updatesClient } from '../routes/updates.suite';
import { harness } from '../support/harness';

export const medwayWardNames = medwayFile.contests.map((c) => c.name);

export type Night = Awaited<ReturnType<typeof medwayNight>>;

export async function medwayNight(open: () => Promise<Db>, options: Parameters<typeof harness>[1] = {}) {
  const h = await harness(open, options);

  async function declareWard(name: string) {
    const { contestId, body } = await h.medwaySubmission(name);
    const res = await h.declare(contestId, { ...body, acceptWarnings: true });
    if (res.status !== 201) throw new Error(`declaring ${name}: ${res.status} ${await res.text()}`);
    return contestId;
  }

  /**
   * Corrects a ward: the top candidate's votes go up by `shift` (so each correction's
   * figures, and so its words, differ from the version before), with a reason.
   */
  async function correctWard(name: string, shift: number, reason = 'Votes for the top candidate were mistyped at the count.') {
    const { contestId, body } = await h.medwaySubmission(name);
    const votes = body.votes.map((v, i) => (i === body.votes.reduce((best, x, j, all) => (x.votes > all[best]!.votes ? j : best), 0) ? { ...v, votes: v.votes + shift } : v));
    const res = await h.declare(contestId, { ...body, votes, reason, acceptWarnings: true });
    if (res.status !== 201) throw new Error(`correcting ${name}: ${res.status} ${await res.text()}`);
    return contestId;
  }

  const updates = updatesClient(h);

  /** Publishes an update from the count through the API, about a ward when named; its id. */
  async function postUpdate(text: string, ward?: string): Promise<string> {
    const res = await updates.post({ text, ...(ward ? { contestId: (await h.contest(ward)).id } : {}) });
    if (res.status !== 201) throw new Error(`posting an update: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  async function correctUpdate(id: string, text: string) {
    const res = await updates.correct(id, text);
    if (res.status !== 200) throw new Error(`correcting an update: ${res.status} ${await res.text()}`);
  }

  async function withdrawUpdate(id: string) {
    const res = await updates.withdraw(id);
    if (res.status !== 200) throw new Error(`withdrawing an update: ${res.status} ${await res.text()}`);
  }

  return { ...h, declareWard, correctWard, postUpdate, correctUpdate, withdrawUpdate };
}
