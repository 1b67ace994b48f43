// Each platform's length limit, how it counts, and how a link appears in the text.
import type { ChannelName } from '../channelNames';
import { characterLength, graphemeCount, mastodonLength, xLength } from './measure';

export interface WordingRules {
  limit: number;
  /** What the limit counts, for people: "characters" or "graphemes". */
  unit: string;
  measure(text: string): number;
  /** The link as written in the post. */
  linkText(url: string): string;
}

const asIs = (url: string) => url;

/**
 * Bluesky shows the link as its address without the scheme, cut to 40 characters; a link
 * facet carries the full address, as Bluesky's own app does. So a long results address
 * does not eat a sixth of the 300 graphemes.
 */
export function blueskyLinkText(url: string): string {
  const bare = url.replace(/^https?:\/\//, '');
  return bare.length <= 40 ? bare : `${bare.slice(0, 39)}…`;
}

export const wordingRules: Record<ChannelName, WordingRules> = {
  x: { limit: 280, unit: 'characters (links count 23)', measure: xLength, linkText: asIs },
  bluesky: { limit: 300, unit: 'graphemes', measure: graphemeCount, linkText: blueskyLinkText },
  mastodon: { limit: 500, unit: 'characters (links count 23)', measure: mastodonLength, linkText: asIs },
  facebook: { limit: 63_206, unit: 'characters', measure: characterLength, linkText: asIs },
  // No platform limit; kept sane for chat bridges that show the text as a message.
  webhook: { limit: 2_000, unit: 'characters', measure: characterLength, linkText: asIs },
  log: { limit: 2_000, unit: 'characters', measure: characterLength, linkText: asIs },
};
