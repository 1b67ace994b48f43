// Signing in with a user name and password: the form, the throttle, the check, a new
// session, and (on a browser the account has not used before) a known-device cookie's token;
// how each refusal is answered, and how long each cookie lives. The route (src/routes/login.tsx)
// only reads the form, calls signIn and sets what it says.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { addKnownDevice, knownDeviceOwner } from '../../db/knownDevices';
import { createSession } from '../../db/sessions';
import { clearSignInCounters, reserveSignInAttempt } from '../../db/signInThrottle';
import type { Actor } from '../../db/audit';
import type { Db } from '../../db/client';
import { findUserByName } from '../../db/users';
import { hashPassword, verifyPassword } from './password';
import { hashToken, randomToken } from './secrets';
import { countersFor, keepQuietCountersMs } from './signInThrottle';

const sessionHours = 12;
// Long enough to span elections a year apart; browsers cap cookies at 400 days.
const knownDeviceDays = 400;
/** The cookies' lifetimes (Max-Age), matching what the database keeps. */
export const cookieSeconds = { session: sessionHours * 3600, knownDevice: knownDeviceDays * 24 * 3600 };

/** The sign-in form; anything missing or absurdly long is refused before any lookup. */
export const signInForm = z.object({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  next: z.string().optional(),
});

export type SignInOutcome =
  | { kind: 'wait'; retryAt: number }
  | { kind: 'wrong' }
  /** The right password for a disabled account: said only to someone who knows the password. */
  | { kind: 'disabled' }
  | { kind: 'signedIn'; sessionToken: string; newDeviceToken: string | null };

export type SignInRefusal = Exclude<SignInOutcome, { kind: 'signedIn' }>;

/** The HTTP status of each refusal: a throttled attempt is told to wait (with Retry-After). */
export const refusalStatus = { wait: 429, wrong: 401, disabled: 403 } as const satisfies Record<SignInRefusal['kind'], ContentfulStatusCode>;

// Verifying against this when the account does not exist keeps the timing the same, so a
// response time does not reveal which user names exist. Made on first use, not when the
// module loads: workerd refuses random values at module scope, and the Worker would not start.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomToken()));

export async function signIn(
  db: Db,
  attempt: { name: string; password: string; address: string; deviceToken: string | undefined },
  actor: Actor,
  now = Date.now(),
): Promise<SignInOutcome> {
  const user = await findUserByName(db, attempt.name);
  const deviceHash = attempt.deviceToken ? await hashToken(attempt.deviceToken) : null;
  const knownDevice = !!user && !!deviceHash && (await knownDeviceOwner(db, deviceHash, new Date(now).toISOString())) === user.id;
  const counters = countersFor(attempt.name, { address: attempt.address, knownDeviceHash: knownDevice ? deviceHash : null });

  const reservation = await reserveSignInAttempt(db, counters, now);
  if (!reservation.granted) return { kind: 'wait', retryAt: reservation.retryAt };
  const matches = await verifyPassword(attempt.password, user?.passwordHash ?? (await decoy()));
  if (!user || !matches) return { kind: 'wrong' };
  if (user.disabled) return { kind: 'disabled' };

  await clearSignInCounters(db, counters, now - keepQuietCountersMs);
  // A new token at every sign-in: a token planted before sign-in is never promoted.
  const sessionToken = randomToken();
  // Refused attempts are not audited: the throttle counts them, and a write only for names
  // that exist would tell a guesser, by its time, which names do.
  await createSession(
    db,
    {
      tokenHash: await hashToken(sessionToken),
      userId: user.id,
      csrfToken: randomToken(),
      expiresAt: new Date(now + sessionHours * 3600_000).toISOString(),
    },
    actor,
    { newDevice: !knownDevice },
  );
  if (knownDevice) return { kind: 'signedIn', sessionToken, newDeviceToken: null };
  const newDeviceToken = randomToken();
  await addKnownDevice(db, {
    tokenHash: await hashToken(newDeviceToken),
    userId: user.id,
    expiresAt: new Date(now + knownDeviceDays * 24 * 3600_000).toISOString(),
  });
  return { kind: 'signedIn', sessionToken, newDeviceToken };
}
