// From an outbox row to the post an adapter sends: the facts of that declaration version
// (as the election then stood), the channel's wording, and what a correction follows up.
// (An update from the count's row is prepared by prepareUpdatePost.ts.)
import type { Db } from '../../../db/client';
import { postedBefore, type OutboxRow } from '../../../db/outbox';
import type { ElectionSnapshot } from '../../../db/results';
import type { ChannelSettingsRow } from '../../../db/socialChannels';
import type { OutgoingPost, RemotePost } from '../channel';
import { composePost } from '../wording/compose';
import type { ContestResult } from '../../results/contestResult';
import type { PublicUpdate } from '../../results/countUpdates';
import { defaultTemplates, type DeclarationPostKind, type PostKind } from '../wording/defaults';
import { declarationFacts } from '../wording/facts';
import type { WordingRules } from '../wording/rules';
import { parseTemplate, type Template } from '../wording/template';
import { contestPath } from '../../http/paths';

export function resultsLink(publicUrl: string, electionId: string, contestId: string): string {
  return `${publicUrl}${contestPath(electionId, contestId)}`;
}

/** The channel's template for this kind of post; the built-in one if none is set. */
export function templateFor(settings: ChannelSettingsRow | undefined, kind: DeclarationPostKind): Template {
  const own = kind === 'correction' ? settings?.correctionTemplate : settings?.declarationTemplate;
  const parsed = parseTemplate(own ?? defaultTemplates[kind]);
  // Templates are checked when saved; should a stored one not read, the built-in one is used.
  return parsed.ok ? parsed.template : (parseTemplate(defaultTemplates[kind]) as { ok: true; template: Template }).template;
}

/** A post ready to send: its words, what it follows up, and what machine readers get. */
export interface Prepared {
  kind: PostKind;
  replyTo: RemotePost | null;
  text: string;
  link: string;
  linkText: string;
  electionId: string;
  /** What it is about, for the log: the ward, or "update from the count". */
  subject: string;
  /** The result of this version, for a declaration or correction; else null. */
  contest: ContestResult | null;
  /** The update as it stood at this version, for an update from the count; else null. */
  update: PublicUpdate | null;
}

/** What a follow-up replies to: the channel's post of the version before, when it has its id. */
export function replyOf(before: OutboxRow | null): RemotePost | null {
  return before?.remoteId ? { id: before.remoteId, url: before.remoteUrl, meta: before.remoteMeta } : null;
}

/**
 * A correction follows up this channel's post of the version before (replying to it where
 * the platform can). If no earlier version was ever posted here, there is nothing to
 * correct in public: it goes out as a plain declaration of the result as it now stands.
 */
export async function preparePost(
  db: Db,
  row: OutboxRow,
  snapshot: ElectionSnapshot,
  settings: ChannelSettingsRow | undefined,
  rules: WordingRules,
  publicUrl: string,
): Promise<Prepared | null> {
  const facts = row.contestId === null ? null : declarationFacts(snapshot, { contestId: row.contestId, version: row.version });
  if (!facts) return null;
  const before = row.version > 1 ? await postedBefore(db, row) : null;
  const kind: DeclarationPostKind = before ? 'correction' : 'declaration';
  const about = { kind, replyTo: replyOf(before), electionId: facts.electionId, subject: facts.ward, contest: facts.contest, update: null };
  if (row.body && row.link) return { ...about, text: row.body, link: row.link, linkText: rules.linkText(row.link) };
  const link = resultsLink(publicUrl, facts.electionId, facts.contestId);
  const composed = composePost(facts, link, templateFor(settings, kind), rules);
  return { ...about, text: composed.text, link, linkText: composed.linkText };
}

export function outgoing(row: OutboxRow, prepared: Prepared): OutgoingPost {
  return {
    id: row.id,
    kind: prepared.kind,
    text: prepared.text,
    link: prepared.link,
    linkText: prepared.linkText,
    queuedAt: row.createdAt,
    replyTo: prepared.replyTo,
    maybeSentSince: row.uncertain ? (row.firstAttemptAt ?? row.createdAt) : null,
    contest: prepared.contest,
    update: prepared.update,
    electionId: prepared.electionId,
  };
}
