// The Workers entry (src/worker.ts) serving the app on D1, inside workerd.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import worker from '../../src/worker';

async function get(path: string, bindings: Record<string, unknown> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`https://declare.example${path}`), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** An election of no wards, straight into the D1 binding: its id. */
async function newElection(): Promise<string> {
  const id = `local.worker.${crypto.randomUUID()}`;
  await drizzle(env.DB, { schema })
    .insert(schema.elections)
    .values({ id, name: 'Worker test', organisation: 'Test Council', date: '2023-05-04', totalSeats: 3, updatedAt: new Date().toISOString() });
  return id;
}

describe('src/worker.ts on D1', () => {
  it('answers an unknown election with a JSON 404 from the API', async () => {
    const response = await get('/api/v1/elections/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    expect(body).toMatchObject({ error: 'not_found' });
    expect(typeof body.message).toBe('string');
  });

  it('treats a malformed PUBLIC_URL as unset rather than failing every page', async () => {
    const id = `local.worker.${crypto.randomUUID()}`;
    await drizzle(env.DB, { schema })
      .insert(schema.elections)
      .values({ id, name: 'Worker test', organisation: 'Test Council', date: '2023-05-04', totalSeats: 3, updatedAt: new Date().toISOString() });
    const response = await get(`/api/v1/elections/${id}`, { PUBLIC_URL: 'results dot example' });
    expect(response.status).toBe(200);
  });

  it('reads an election from the D1 binding', async () => {
    const id = await newElection();
    const response = await get(`/api/v1/elections/${id}`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain(id);
  });

  it("links its feeds to PUBLIC_URL, whatever address was asked (Workers Cache keys by path, not host)", async () => {
    const id = await newElection();
    const atom = await get(`/api/v1/elections/${id}/declarations.atom`, { PUBLIC_URL: 'https://results.example.gov.uk' });
    expect(atom.status).toBe(200);
    const xml = await atom.text();
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="https://results.example.gov.uk/elections/${id}"/>`);
    expect(xml).not.toContain('declare.example');
    expect(atom.headers.get('cloudflare-cdn-cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
  });

  it('without PUBLIC_URL, links its feeds to the address asked, with no-store and Vary: Host, so no cache hands one address\'s links to another', async () => {
    const id = await newElection();
    const atom = await get(`/api/v1/elections/${id}/declarations.atom`);
    expect(atom.status).toBe(200);
    expect(await atom.text()).toContain(`<link rel="alternate" type="text/html" href="https://declare.example/elections/${id}"/>`);
    expect(atom.headers.get('cache-control')).toBe('no-store');
    expect(atom.headers.get('cloudflare-cdn-cache-control')).toBeNull();
    expect(atom.headers.get('vary')).toMatch(/\bhost\b/i);
  });
});
