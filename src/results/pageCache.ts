// Render once per change, not per request. Each entry is kept with the version it was built
// for (an election's updatedAt); a request whose one cheap read finds the same version gets
// the entry, and every request racing the first after a change shares that one build.
//
// updatedAt has millisecond resolution, so two writes in the same millisecond carry the same
// version. An entry built within `settleMs` of its version's time could have missed the
// second one; it is built once more after that window, so such staleness is bounded.

interface Entry<T> {
  version: string;
  /** The version's time (NaN when it is not a time), parsed once rather than per request. */
  changedAt: number;
  value: Promise<T>;
  builtAt: number;
}

export interface VersionedCacheOptions {
  /** Oldest entries are dropped beyond this many keys. */
  maxEntries?: number;
  settleMs?: number;
  now?: () => number;
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxEntries: number;
  private readonly settleMs: number;
  private readonly now: () => number;

  constructor(options: VersionedCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
    this.settleMs = options.settleMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  get(key: string, version: string, build: () => Promise<T>): Promise<T> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.version === version && !this.mayHaveMissedAWrite(entry, now)) return entry.value;

    const fresh: Entry<T> = { version, changedAt: Date.parse(version), value: build(), builtAt: now };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed build is not kept: the next request tries again.
    fresh.value.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    return fresh.value;
  }

  private mayHaveMissedAWrite(entry: Entry<T>, now: number): boolean {
    if (Number.isNaN(entry.changedAt)) return false;
    return entry.builtAt - entry.changedAt < this.settleMs && now - entry.changedAt >= this.settleMs;
  }
}
