// From an outbox row of an update from the count to the post an adapter sends. The first
// version is posted as an update; a later one follows up this channel's post of the version
// before (a correction, or a withdrawal), replying to it where the platform can. A version
// superseded before it went out is never posted (the dispatcher cancels it, as it does a
// corrected result), and a withdrawal with nothing posted before it has nothing to follow
// up: it is not posted either.
import type { Db } from '../../../db/client';
import { findUpdateById } from '../../../db/countUpdates';
import { postedBefore, type OutboxRow } from '../../../db/outbox';
import { contestNameIn } from '../../../db/results';
import { publishable } from '../../domain/text';
import { publicUpdate } from '../../results/countUpdates';
import { updatePath } from '../../results/updateFeed';
import type { UpdatePostKind } from '../wording/defaults';
import type { WordingRules } from '../wording/rules';
import { composeUpdatePost } from '../wording/updatePost';
import { replyOf, type Prepared } from './preparePost';

export const withdrawnFirstNote = 'Not posted: the update was withdrawn before any version of it was posted here.';

export async function prepareUpdatePost(
  db: Db,
  row: OutboxRow & { updateId: string },
  rules: WordingRules,
  publicUrl: string,
): Promise<Prepared | { cancelled: string } | null> {
  const stored = await findUpdateById(db, row.updateId);
  const version = stored?.versions.find((v) => v.version === row.version);
  if (!stored || !version) return null;
  // As it stood at this version, its words cleaned as every output cleans them.
  const asOf = { ...stored, versions: stored.versions.filter((v) => v.version <= row.version).map((v) => ({ ...v, text: publishable(v.text, { multiline: true }) })) };
  const storedWard = stored.contestId === null ? null : await contestNameIn(db, stored.electionId, stored.contestId);
  const ward = storedWard === null ? null : publishable(storedWard);
  const update = publicUpdate(asOf, ward);

  const before = row.version > 1 ? await postedBefore(db, row) : null;
  if (version.withdrawn && !before) return { cancelled: withdrawnFirstNote };
  const kind: UpdatePostKind = version.withdrawn ? 'update-withdrawal' : before ? 'update-correction' : 'update';
  const about = { kind, replyTo: replyOf(before), electionId: stored.electionId, subject: 'update from the count', contest: null, update };
  if (row.body && row.link) return { ...about, text: row.body, link: row.link, linkText: rules.linkText(row.link) };
  const link = `${publicUrl}${updatePath(stored.electionId, update)}`;
  const composed = composeUpdatePost({ electionId: stored.electionId, updateId: stored.id, version: row.version, text: update.text, ward }, kind, link, rules);
  return { ...about, text: composed.text, link, linkText: composed.linkText };
}
