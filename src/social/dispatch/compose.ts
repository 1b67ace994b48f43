// From an outbox row to the post an adapter sends: the facts of that declaration version
// (as the election then stood), the channel's wording, and what a correction follows up.
import type { Db } from '../../../db/client';
import { postedBefore, type OutboxRow } from '../../../db/outbox';
import type { ElectionSnapshot } from '../../../db/results';
import type { ChannelSettingsRow } from '../../../db/socialChannels';
import type { OutgoingPost, RemotePost } from '../channel';
import { composePost } from '../wording/compose';
import { defaultTemplates, type PostKind } from '../wording/defaults';
import { declarationFacts, type DeclarationFacts } from '../wording/facts';
import type { WordingRules } from '../wording/rules';
import { parseTemplate, type Template } from '../wording/template';

export function resultsLink(publicUrl: string, electionId: string, contestId: string): string {
  return `${publicUrl}/elections/${encodeURIComponent(electionId)}/contests/${encodeURIComponent(contestId)}`;
}

/** The channel's template for this kind of post; the built-in one if none is set. */
export function templateFor(settings: ChannelSettingsRow | undefined, kind: PostKind): Template {
  const own = kind === 'correction' ? settings?.correctionTemplate : settings?.declarationTemplate;
  const parsed = parseTemplate(own ?? defaultTemplates[kind]);
  // Templates are checked when saved; should a stored one not read, the built-in one is used.
  return parsed.ok ? parsed.template : (parseTemplate(defaultTemplates[kind]) as { ok: true; template: Template }).template;
}

export interface Prepared {
  facts: DeclarationFacts;
  kind: PostKind;
  replyTo: RemotePost | null;
  text: string;
  link: string;
  linkText: string;
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
  const facts = declarationFacts(snapshot, { contestId: row.contestId, version: row.version });
  if (!facts) return null;
  const before = row.version > 1 ? await postedBefore(db, row) : null;
  const kind: PostKind = before ? 'correction' : 'declaration';
  const replyTo = before?.remoteId ? { id: before.remoteId, url: before.remoteUrl, meta: before.remoteMeta } : null;
  if (row.body && row.link) return { facts, kind, replyTo, text: row.body, link: row.link, linkText: rules.linkText(row.link) };
  const link = resultsLink(publicUrl, facts.electionId, facts.contestId);
  const composed = composePost(facts, link, templateFor(settings, kind), rules);
  return { facts, kind, replyTo, text: composed.text, link, linkText: composed.linkText };
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
    contest: prepared.facts.contest,
    electionId: prepared.facts.electionId,
  };
}
