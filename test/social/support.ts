// Shared pieces of the social tests: a post as the dispatcher would hand it to an adapter,
// and adapter options with short waits.
import type { OutgoingPost } from '../../src/social/channel';
import type { AdapterOptions } from '../../src/social/channels/http';
import type { ContestResult } from '../../src/results/contestResult';

export const adapterOptions: AdapterOptions = { requestTimeoutMs: 2_000, rateLimitFallbackMs: 1_000, now: Date.now };

const link = 'https://results.medway.example/elections/local.medway.2023-05-04/contests/local.medway.all-saints.2023-05-04';

const contest = {
  id: 'local.medway.all-saints.2023-05-04',
  electionId: 'local.medway.2023-05-04',
  name: 'All Saints',
  seats: 1,
  status: 'declared',
  version: 1,
} as ContestResult;

/** A post for All Saints; `overrides` make it a correction, a retry, and so on. */
export function samplePost(overrides: Partial<OutgoingPost> = {}): OutgoingPost {
  return {
    id: crypto.randomUUID(),
    kind: 'declaration',
    text: `All Saints ward: Independent win. Elected: Chris Spalding (Ind) 1,017 votes. Majority 414, turnout 27.65%. Full result: ${link}`,
    link,
    linkText: link,
    queuedAt: new Date().toISOString(),
    replyTo: null,
    maybeSentSince: null,
    contest,
    update: null,
    electionId: contest.electionId,
    ...overrides,
  };
}
