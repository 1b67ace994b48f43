// Publishing an update from the count, correcting it, withdrawing it: each a new version,
// written with everything it causes in one atomic write. Shared by the write API and the
// officer's phone pages.
import type { Actor } from '../../db/audit';
import type { Db } from '../../db/client';
import { findUpdate, recordUpdateVersion, updateVersionExists, type CountUpdate, type NewUpdateVersion } from '../../db/countUpdates';
import type { StoredAnswer } from '../../db/storedAnswers';
import { contestNameIn, electionRowById, type ElectionRow } from '../../db/results';
import { publishable } from '../domain/text';
import { ProblemsError } from '../declare/problems';
import { replayOf, type Answer } from '../declare/replay';
import { requestHash } from '../declare/requestHash';
import { publicUpdate, type PublicUpdate } from '../results/countUpdates';
import type { NewUpdateSubmission } from './submission';
import { updateQueue } from './updateChannels';

interface UpdateRequest {
  electionId: string;
  actor: Actor;
  /** The social channels configured; those with updates switched off are left out (updateChannels.ts). */
  channels: string[];
}

export interface PostUpdateRequest extends UpdateRequest {
  submission: NewUpdateSubmission;
  userId: string;
  idempotencyKey: string;
}

async function requireElection(db: Db, electionId: string): Promise<ElectionRow> {
  const election = await electionRowById(db, electionId);
  if (!election) throw new ProblemsError(404, [{ field: 'electionId', message: 'There is no election with that id.' }]);
  return election;
}

async function wardName(db: Db, electionId: string, contestId: string | null): Promise<string | null> {
  if (contestId === null) return null;
  const name = await contestNameIn(db, electionId, contestId);
  if (name === null) throw new ProblemsError(422, [{ field: 'contestId', message: 'There is no ward with that id in this election.' }]);
  return name;
}

/** The update as the public JSON shows it, with the words cleaned as every output cleans them. */
function shown(update: CountUpdate, contestName: string | null): PublicUpdate {
  const clean = { ...update, versions: update.versions.map((v) => ({ ...v, text: publishable(v.text, { multiline: true }) })) };
  return publicUpdate(clean, contestName === null ? null : publishable(contestName));
}

/**
 * Publishes a new update. A replay of the same Idempotency-Key with the same body gets the
 * first answer back and publishes nothing; the same key with another body is a 409.
 */
export async function postUpdate(db: Db, r: PostUpdateRequest): Promise<Answer> {
  const hash = await requestHash(`updates:${r.electionId}`, r.submission);
  const earlier = await replayOf(db, r.userId, r.idempotencyKey, hash);
  if (earlier) return earlier;
  const election = await requireElection(db, r.electionId);
  const contestId = r.submission.contestId ?? null;
  const name = await wardName(db, r.electionId, contestId);
  const version: NewUpdateVersion = { id: crypto.randomUUID(), version: 1, electionId: r.electionId, contestId, text: r.submission.text, withdrawn: false };
  const row = { ...version, userId: r.userId, createdAt: new Date().toISOString() };
  const body = JSON.stringify(shown({ id: version.id, electionId: r.electionId, contestId, versions: [row] }, name));
  const answer: StoredAnswer = { userId: r.userId, key: r.idempotencyKey, requestHash: hash, status: 201, body };
  try {
    await recordUpdateVersion(db, version, r.actor, await updateQueue(db, election, r.channels), answer, row.createdAt);
  } catch (error) {
    // A concurrent replay of this same request committed first: its answer is ours.
    const replay = await replayOf(db, r.userId, r.idempotencyKey, hash);
    if (replay) return replay;
    throw error;
  }
  return { status: 201, body, replayed: false };
}

export interface ChangeOutcome {
  update: PublicUpdate;
  /** False when the update already read so (the same words again, withdrawn twice): nothing was published. */
  changed: boolean;
}

async function loadForChange(db: Db, electionId: string, updateId: string): Promise<{ election: ElectionRow; update: CountUpdate }> {
  const election = await requireElection(db, electionId);
  const update = await findUpdate(db, electionId, updateId);
  if (!update) throw new ProblemsError(404, [{ field: 'updateId', message: 'There is no update with that id in this election.' }]);
  return { election, update };
}

/** Adds the next version; a racing writer of the same version wins, and we say so. */
async function addVersion(
  db: Db,
  { election, update }: { election: ElectionRow; update: CountUpdate },
  next: Omit<NewUpdateVersion, 'id' | 'version' | 'electionId' | 'contestId'>,
  r: UpdateRequest,
): Promise<ChangeOutcome> {
  const latest = update.versions.at(-1)!;
  const version: NewUpdateVersion = { id: update.id, version: latest.version + 1, electionId: update.electionId, contestId: update.contestId, ...next };
  try {
    await recordUpdateVersion(db, version, r.actor, await updateQueue(db, election, r.channels, update.id));
  } catch (error) {
    if (await updateVersionExists(db, update.id, version.version)) {
      throw new ProblemsError(409, [{ field: 'updateId', message: 'Someone else changed this update at the same moment. Reload to see it, then correct it if need be.' }]);
    }
    throw error;
  }
  const changed = (await findUpdate(db, update.electionId, update.id))!;
  return { update: shown(changed, await wardName(db, update.electionId, update.contestId)), changed: true };
}

/** Corrects the words: version n+1. The same words again change nothing. */
export async function correctUpdate(db: Db, r: UpdateRequest & { updateId: string; text: string }): Promise<ChangeOutcome> {
  const loaded = await loadForChange(db, r.electionId, r.updateId);
  const { update } = loaded;
  const latest = update.versions.at(-1)!;
  if (latest.withdrawn) {
    throw new ProblemsError(422, [{ field: 'updateId', message: 'This update was withdrawn, so it cannot be corrected. Post a new update instead.' }]);
  }
  if (latest.text === r.text) return { update: shown(update, await wardName(db, r.electionId, update.contestId)), changed: false };
  return addVersion(db, loaded, { text: r.text, withdrawn: false }, r);
}

/** Withdraws it: a version marked withdrawn, keeping the last words. Withdrawing again changes nothing. */
export async function withdrawUpdate(db: Db, r: UpdateRequest & { updateId: string }): Promise<ChangeOutcome> {
  const loaded = await loadForChange(db, r.electionId, r.updateId);
  const { update } = loaded;
  const latest = update.versions.at(-1)!;
  if (latest.withdrawn) return { update: shown(update, await wardName(db, r.electionId, update.contestId)), changed: false };
  return addVersion(db, loaded, { text: latest.text, withdrawn: true }, r);
}
