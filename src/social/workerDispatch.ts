// Social posting on Cloudflare Workers: no process lives between requests, so a dispatch
// pass runs right after each declaration (in waitUntil, so the officer's answer does not
// wait for it) and on a cron trigger every minute, which picks up retries, rate-limit
// waits and anything a cut-short pass left. Claims make overlapping passes harmless.
import type { Db } from '../../db/client';
import { fetchAdapters } from './channels/fetchAdapters';
import type { Env } from './config';
import type { PassReport } from './dispatch/dispatcher';
import { socialConfig } from './config';
import { socialFromEnv } from './runtime';

/** A pass stops claiming after this long, well inside a Worker's time. */
const passBudgetMs = 25_000;

export function workerChannelNames(env: Env): string[] {
  return socialConfig(env).channels.map((c) => c.name);
}

export async function dispatchOnWorkers(db: Db, env: Env): Promise<PassReport> {
  const social = socialFromEnv(db, env, fetchAdapters, { fallbackPublicUrl: 'http://localhost:8787' });
  return social.dispatcher.runOnce({ deadlineMs: Date.now() + passBudgetMs });
}
