// How long to wait before the next attempt: exponential, capped, with jitter so that
// many rows failing together (a platform outage) do not all come back at the same moment.

/** Attempt 1 waits about `baseMs`, attempt 2 about twice that..., never more than `maxMs`. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the ceiling, so a retry never comes straight back.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
