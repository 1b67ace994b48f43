// Render once per change, not per request. Each entry is kept with the version it was built
// for (an election's updatedAt); a request whose one cheap read finds the same version gets
// the entry, and every request racing the first after a change shares that one build.
//
// updatedAt has millisecond resolution, so two writes in the same millisecond carry the same
// version. An entry built within `settleMs` of its version's time could have missed the
// second one; it is built once more after that window, so such staleness is bounded. That
// second build happens behind the entry it replaces: requests meanwhile get the first one
// (the same version) rather than waiting, so a busy page never stalls on it.

interface Entry<T> {
  version: string;
  /** The version's time (NaN when it is not a time), parsed once rather than per request. */
  changedAt: number;
  value: Promise<T>;
  builtAt: number;
  /** The second build after `settleMs` has begun. */
  rebuilding?: boolean;
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
    if (entry && entry.version === version) {
      if (!entry.rebuilding && this.mayHaveMissedAWrite(entry, now)) this.rebuildBehind(key, entry, build, now);
      return entry.value;
    }

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

  private rebuildBehind(key: string, entry: Entry<T>, build: () => Promise<T>, now: number): void {
    entry.rebuilding = true;
    const value = build();
    value.then(
      () => {
        if (this.entries.get(key) === entry) this.entries.set(key, { version: entry.version, changedAt: entry.changedAt, value, builtAt: now });
      },
      // Kept as it was; a later request tries again.
      () => (entry.rebuilding = false),
    );
  }

  private mayHaveMissedAWrite(entry: Entry<T>, now: number): boolean {
    if (Number.isNaN(entry.changedAt)) return false;
    return entry.builtAt - entry.changedAt < this.settleMs && now - entry.changedAt >= this.settleMs;
  }
}
