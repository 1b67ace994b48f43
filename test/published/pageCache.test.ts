// Render once per change: what a resident sees is never older than the last change,
// however many phones ask at once.
import { describe, expect, it } from 'vitest';
import { VersionedCache } from '../../src/published/pageCache';

const changedAt = '2023-05-05T01:00:00.000Z';
const at = (ms: number) => Date.parse(changedAt) + ms;

describe('VersionedCache', () => {
  it('builds once for a version, however many requests race for it, and again when the version changes', async () => {
    let clock = at(5000);
    const cache = new VersionedCache<string>({ now: () => clock });
    let builds = 0;
    const build = (text: string) => async () => {
      builds++;
      return text;
    };
    const first = await Promise.all(Array.from({ length: 50 }, () => cache.get('page', changedAt, build('before'))));
    expect(new Set(first)).toEqual(new Set(['before']));
    expect(builds).toBe(1);
    clock += 1000;
    const later = '2023-05-05T01:00:09.000Z';
    expect(await cache.get('page', later, build('after'))).toBe('after');
    expect(await cache.get('page', later, build('not again'))).toBe('after');
    expect(builds).toBe(2);
  });

  it('builds again, once, what was built in the same second as its change, since a second write could share its timestamp', async () => {
    let clock = at(3);
    const cache = new VersionedCache<string>({ now: () => clock });
    expect(await cache.get('page', changedAt, async () => 'first write only')).toBe('first write only');
    clock = at(500);
    expect(await cache.get('page', changedAt, async () => 'both writes')).toBe('first write only');
    clock = at(1500);
    // The second build runs behind the first: the request that starts it is not kept waiting.
    let finish!: () => void;
    const rebuilt = new Promise<void>((resolve) => (finish = resolve));
    expect(await cache.get('page', changedAt, () => rebuilt.then(() => 'both writes'))).toBe('first write only');
    expect(await cache.get('page', changedAt, async () => 'built twice')).toBe('first write only');
    finish();
    await rebuilt;
    await Promise.resolve();
    expect(await cache.get('page', changedAt, async () => 'built twice')).toBe('both writes');
    clock = at(9000);
    expect(await cache.get('page', changedAt, async () => 'never built')).toBe('both writes');
  });

  it('does not keep a failed build: the next request tries again', async () => {
    const cache = new VersionedCache<string>({ now: () => at(5000) });
    await expect(cache.get('page', changedAt, async () => Promise.reject(new Error('database busy')))).rejects.toThrow('database busy');
    expect(await cache.get('page', changedAt, async () => 'rendered')).toBe('rendered');
  });

  it('keeps at most maxEntries keys, dropping the oldest', async () => {
    const cache = new VersionedCache<string>({ maxEntries: 2, now: () => at(5000) });
    await cache.get('a', changedAt, async () => 'a1');
    await cache.get('b', changedAt, async () => 'b1');
    await cache.get('c', changedAt, async () => 'c1');
    expect(await cache.get('a', changedAt, async () => 'a2')).toBe('a2');
    expect(await cache.get('c', changedAt, async () => 'c2')).toBe('c1');
  });
});
