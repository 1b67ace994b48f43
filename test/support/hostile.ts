// A candidate name built to break outputs: markup, quotes, a comma, a line break, a
// formula, a control character and a right-to-left override. Written straight into the
// database, as data imported before any input rule would be, so every output must cope.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { candidates } from '../../db/schema';
import { publishable } from '../../src/domain/text';

export const hostileName = `=HYPERLINK("http://evil") <img src=x onerror=alert(1)> "Bob", O'Neil\nline two \u0007bell \u202Egnp.exe`;

/**
 * The name as every output publishes it: stored before the text rules, so made fit to
 * publish on the way out (src/domain/text.ts): the line break and the bell gone, the
 * override closed. The markup, quotes, comma and formula are still there for outputs to escape.
 */
export const publishedHostileName = publishable(hostileName);

export async function giveHostileName(db: Db, candidateId: string, name = hostileName): Promise<void> {
  await db.update(candidates).set({ knownAs: name }).where(eq(candidates.id, candidateId));
}
