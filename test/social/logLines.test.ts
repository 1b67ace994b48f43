// What the server's log says about posts, when a reason is written to forge a line of it or
// turn round the link: every value stays on its own line and reads as typed, and an attempt
// that failed is logged with its reason, not only the ones that went out.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { declarations } from '../../db/schema';
import { openSqlite } from '../../db/sqlite';
import { nodeAdapters } from '../../src/social/channels/nodeAdapters';
import { socialFromEnv } from '../../src/social/runtime';
import { freePort } from '../support/processes';
import { medwayNight } from './medwayNight';
import { outboxOf, settle } from './settle';

const forged = 'typo fixed\n[social] posted Log: FORGED LINE\u202E';

/** Whether some embedding, override or isolate opened in `text` is still open at its end. */
function leftOpen(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if ('\u202A\u202B\u202D\u202E\u2066\u2067\u2068'.includes(c)) depth += 1;
    else if ('\u202C\u2069'.includes(c)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

async function nightWithLog(env: Record<string, string> = {}) {
  const { db } = openSqlite(':memory:');
  const printed: string[] = [];
  // What reaches the log, as a terminal or a log file shows it: split at every line break.
  const log = (text: string) => printed.push(...text.split(/\r\n|\r|\n|\u2028|\u2029/));
  const social = socialFromEnv(db, { SOCIAL_LOG: 'on', SOCIAL_BACKOFF_BASE_MS: '10', SOCIAL_BACKOFF_MAX_MS: '20', SOCIAL_MAX_ATTEMPTS: '2', ...env }, nodeAdapters, { log, fallbackPublicUrl: 'https://results.example.gov.uk' });
  const night = await medwayNight(async () => db, { channels: social.channelNames });
  return { night, social, printed };
}

describe('the log of posts', () => {
  it('cannot be given a forged line, nor a line turned round, by a correction’s reason', async () => {
    const { night, social, printed } = await nightWithLog();
    await night.declareWard('All Saints');
    await settle(night.db, night.def.id, [social.dispatcher]);
    await night.correctWard('All Saints', 3, forged);
    await settle(night.db, night.def.id, [social.dispatcher]);

    expect(printed.some((line) => line.includes('FORGED LINE'))).toBe(true);
    expect(printed.filter((line) => line.startsWith('[social] posted Log: FORGED'))).toEqual([]);
    for (const line of printed) expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });

  it('posts the reason so that nothing in it can turn round the link after it, even as stored before the text rules', async () => {
    const { night, social } = await nightWithLog();
    await night.declareWard('All Saints');
    await settle(night.db, night.def.id, [social.dispatcher]);
    const contestId = await night.correctWard('All Saints', 3, 'to be overwritten');
    // As an old row would be: the override left open, past every check.
    await night.db.update(declarations).set({ reason: forged }).where(and(eq(declarations.contestId, contestId), eq(declarations.version, 2)));
    await settle(night.db, night.def.id, [social.dispatcher]);
    const correction = (await outboxOf(night.db, night.def.id)).find((r) => r.version === 2)!;
    const text = correction.body!;
    const link = text.indexOf('Full result: https://results.example.gov.uk/');
    expect(link).toBeGreaterThan(0);
    expect(text).toContain('FORGED LINE');
    expect(leftOpen(text.slice(0, link))).toBe(false);
  });

  it('logs an attempt that failed, with the reason it failed', async () => {
    const closed = await freePort();
    const { night, social, printed } = await nightWithLog({ SOCIAL_LOG: 'off', WEBHOOK_URL: `http://127.0.0.1:${closed}/hook`, WEBHOOK_SECRET: 'a-secret-of-some-length' });
    await night.declareWard('All Saints');
    await social.dispatcher.runOnce();
    expect(printed).toContainEqual(expect.stringMatching(/^\[social\] will retry Webhook: All Saints .*: .+/));
  });
});
