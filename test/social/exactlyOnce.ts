// The promise of the outbox, checked against what the fake platforms hold: every row of a
// channel posted, and each platform showing exactly one post per row.
import { expect } from 'vitest';
import type { OutboxRow } from '../../db/outbox';
import { platformNames, postedTexts, type Platforms } from './fakes/platforms';

type Row = Pick<OutboxRow, 'channel' | 'status' | 'body' | 'link' | 'contestId' | 'version'>;

export function expectExactlyOnePostPerRow(rows: Row[], platforms: Platforms) {
  const texts = postedTexts(platforms);
  for (const platform of platformNames) {
    const mine = rows.filter((r) => r.channel === platform);
    expect(mine.filter((r) => r.status !== 'posted'), `${platform}: rows not posted`).toEqual([]);
    // Bluesky shows the link shortened, so the same ward of two councils reads the same:
    // there the link the facet carries tells the posts apart.
    const expected = mine.map((r) => (platform === 'bluesky' ? `${r.body} → ${r.link}` : r.body!)).sort();
    expect([...texts[platform]].sort(), `${platform}: posts on the platform`).toEqual(expected);
    expect(new Set(texts[platform]).size, `${platform}: no post twice`).toBe(mine.length);
  }
}
