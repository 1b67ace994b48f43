// Signing in through the Workers entry (src/worker.ts) on D1: the throttle counts by
// CF-Connecting-IP, which Cloudflare sets itself, so officers at other addresses carry on.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import worker from '../../src/worker';

async function signIn(name: string, password: string, address: string): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request('https://declare.example/login', {
    method: 'POST',
    headers: { origin: 'https://declare.example', 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': address },
    body: new URLSearchParams({ name, password, next: '/officer' }),
  });
  const response = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe('signing in on Workers', () => {
  it('holds up one address after five wrong passwords, not the officer at another', async () => {
    const name = `officer-${crypto.randomUUID().slice(0, 8)}`;
    await createUser(drizzle(env.DB, { schema }), { name, role: 'officer', passwordHash: await hashPassword('the right one') });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(name, `guess ${i}`, '203.0.113.7')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn(name, 'the right one', '203.0.113.7')).status).toBe(429);
    const elsewhere = await signIn(name, 'the right one', '198.51.100.3');
    expect(elsewhere.status).toBe(303);
    expect(elsewhere.headers.get('location')).toBe('/officer');
  });
});
