// Previewing a channel's wording against a real declaration, for the admin: the same
// composition the dispatcher uses, without sending or saving anything.
import type { Db } from '../../db/client';
import { loadElection } from '../../db/results';
import { isChannelName, type ChannelName } from './channelNames';
import { resultsLink } from './dispatch/preparePost';
import { composePost, type Composed } from './wording/compose';
import { declarationFacts } from './wording/facts';
import { wordingRules } from './wording/rules';
import { parseTemplate } from './wording/template';

export interface Preview {
  composed: Composed;
  unit: string;
}

export type PreviewResult = { ok: true; preview: Preview } | { ok: false; problems: string[] };

export async function previewWording(
  db: Db,
  channel: ChannelName,
  template: string,
  declaration: { electionId: string; contestId: string; version: number },
  publicUrl: string,
): Promise<PreviewResult> {
  if (!isChannelName(channel)) return { ok: false, problems: ['There is no such channel.'] };
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed;
  const snapshot = await loadElection(db, declaration.electionId);
  const facts = snapshot && declarationFacts(snapshot, declaration);
  if (!facts) return { ok: false, problems: ['That declaration is no longer there: pick another.'] };
  const rules = wordingRules[channel];
  const composed = composePost(facts, resultsLink(publicUrl, facts.electionId, facts.contestId), parsed.template, rules);
  return { ok: true, preview: { composed, unit: rules.unit } };
}

/**
 * A channel's two templates previewed against the declaration chosen. A correction's wording
 * is previewed against a correction when one is chosen; otherwise against the chosen result,
 * to show the words (the reason is then left out).
 */
export async function previewTemplates(
  db: Db,
  channel: ChannelName,
  templates: { declaration: string; correction: string },
  declaration: { electionId: string; contestId: string; version: number },
  publicUrl: string,
): Promise<{ declaration: PreviewResult; correction: PreviewResult }> {
  return {
    declaration: await previewWording(db, channel, templates.declaration, declaration, publicUrl),
    correction: await previewWording(db, channel, templates.correction, declaration, publicUrl),
  };
}
