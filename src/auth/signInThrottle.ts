// The sign-in throttle's rule: which counters an attempt uses, and how long they make it wait.
//
// Why this shape. A count venue puts every officer behind one address, so counting per
// address alone would let one person at the venue hold up everyone, and would let a guesser
// with many addresses guess freely. Counting per account alone (as before) let anyone who
// knows an officer's user name lock them out for an hour with 100 wrong passwords. So:
//
// - per account and address: 5 failures free, then a wait of 10 s that doubles with each
//   further failure, up to 5 minutes. One guesser is slowed to 12 guesses an hour per
//   account, and holds up only that account from that address;
// - per account, all addresses together: 20 failures free, then the same growing wait. A
//   guesser with many addresses is slowed just the same;
// - but not for a browser the account signed in on before. A successful sign-in gives the
//   browser a long-lived "known device" cookie (a random token, stored only as a hash, for
//   that account). An attempt carrying it is counted on its own counter (5 free, then the
//   same growing wait) instead of the two above: a stranger's guesses cannot make the
//   officer's own phone wait, and a stolen cookie is no more use to a guesser than a new
//   address. "Sign out everywhere" forgets the account's devices (a lost phone).
//
// Every wait is short and ends by itself; an admin can end it at once ("Unlock sign-in" at
// /admin, or `npm run cli -- user unlock <name>`). Counters forget failures an hour old.
import type { DelayRule, ThrottleCounter } from '../../db/signInThrottle';

const growingWait = { firstDelayMs: 10_000, maxDelayMs: 5 * 60_000, forgetAfterMs: 3600_000 };
export const perAddress: DelayRule = { freeFailures: 5, ...growingWait };
export const perAccount: DelayRule = { freeFailures: 20, ...growingWait };
export const perKnownDevice: DelayRule = { freeFailures: 5, ...growingWait };

/** How long a quiet counter is kept before it is deleted. */
export const keepQuietCountersMs = 24 * 3600_000;

/** The counters an attempt to sign in as `userName` is held to. */
export function countersFor(userName: string, from: { address: string; knownDeviceHash: string | null }): ThrottleCounter[] {
  if (from.knownDeviceHash) return [{ userName, scope: 'device', subject: from.knownDeviceHash, rule: perKnownDevice }];
  return [
    { userName, scope: 'account', subject: '', rule: perAccount },
    { userName, scope: 'source', subject: from.address, rule: perAddress },
  ];
}

/** Whole seconds until `retryAt`, at least one: a throttled answer's Retry-After. */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(1, Math.ceil((retryAt - now) / 1000));
}

/** "40 seconds", "1 minute", "4 minutes": how long until `retryAt`, rounded up. */
export function waitInWords(retryAt: number, now: number): string {
  const seconds = secondsUntil(retryAt, now);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
