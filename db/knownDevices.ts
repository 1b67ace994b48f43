// Browsers an account has signed in from (src/auth/signInThrottle.ts says why). The cookie's
// token is stored only as a hash, like sessions.
import { and, eq, gt } from 'drizzle-orm';
import type { Db, Statement } from './client';
import { knownDevices } from './schema';

export async function addKnownDevice(db: Db, device: { tokenHash: string; userId: string; expiresAt: string }) {
  await db.insert(knownDevices).values(device);
}

/** The account a device cookie was given to, while it lasts. */
export async function knownDeviceOwner(db: Db, tokenHash: string, now = new Date().toISOString()): Promise<string | null> {
  const [row] = await db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .where(and(eq(knownDevices.tokenHash, tokenHash), gt(knownDevices.expiresAt, now)));
  return row?.userId ?? null;
}

/** Part of "sign out everywhere": a lost phone is no longer a device the account knows. */
export function forgetUserDevices(db: Db, userId: string): Statement {
  return db.delete(knownDevices).where(eq(knownDevices.userId, userId));
}
