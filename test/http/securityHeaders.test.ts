// Every answer the app gives carries the security headers, whoever asks and whatever the
// answer: public pages and their fragments, JSON, officer pages, static files, redirects,
// 304s and 404s. Checked over real HTTP against a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server';

const expectedPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];

function expectSecured(res: Response, what: string) {
  const policy = res.headers.get('content-security-policy') ?? '';
  for (const directive of expectedPolicy) expect(policy, `${what}: ${directive}`).toContain(directive);
  expect(policy, what).not.toContain('unsafe-inline');
  expect(policy, what).not.toContain('unsafe-eval');
  const hsts = Number(res.headers.get('strict-transport-security')?.match(/max-age=(\d+)/)?.[1]);
  expect(hsts, `${what}: HSTS of at least a year`).toBeGreaterThanOrEqual(31_536_000);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
}

describe('security headers on every response', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });

  it('on the public pages and the fragments they poll, including 304s', async () => {
    const election = `/elections/${server.def.id}`;
    const ward = `${election}/contests/${server.def.contests[0]!.id}`;
    for (const path of ['/', election, `${election}/live`, ward, `${ward}/live`]) {
      const res = await get(path);
      expect(res.status, path).toBeLessThan(400);
      expectSecured(res, path);
      const etag = res.headers.get('etag');
      if (etag) {
        const again = await get(path, { 'if-none-match': etag });
        expect(again.status, path).toBe(304);
        expectSecured(again, `${path} (304)`);
      }
    }
  });

  it('on the JSON API, answered or refused', async () => {
    const ok = await get(`/api/v1/elections/${server.def.id}`, { accept: 'application/json' });
    expect(ok.status).toBe(200);
    expectSecured(ok, 'API JSON');
    const refused = await fetch(`${server.url}/api/v1/contests/${server.def.contests[0]!.id}/declaration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    expectSecured(refused, 'API 401');
  });

  it('on the officer pages, and the redirect to sign in', async () => {
    const login = await get('/login');
    expect(login.status).toBe(200);
    expectSecured(login, '/login');
    const officer = await get('/officer');
    expect(officer.status).toBe(303);
    expectSecured(officer, '/officer redirect');
  });

  it('on static files', async () => {
    for (const path of ['/static/app.css', '/static/htmx.min.js']) {
      const res = await get(path, { accept: '*/*' });
      expect(res.status, path).toBe(200);
      expectSecured(res, path);
    }
  });

  it('on pages not found, HTML or JSON', async () => {
    const html = await get('/elections/no-such-election');
    expect(html.status).toBe(404);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecured(html, 'HTML 404');
    const json = await get('/api/v1/elections/no-such-election', { accept: 'application/json' });
    expect(json.status).toBe(404);
    expectSecured(json, 'JSON 404');
  });

  it('lets shared caches keep what is the same for everyone, for seconds, and nothing else', async () => {
    const election = `/elections/${server.def.id}`;
    for (const path of [election, `${election}/live`, `/embed${election}`, `/api/v1${election}`, `/api/v1${election}/declarations.atom`]) {
      const res = await get(path, { accept: '*/*' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toMatch(/^public, max-age=\d, s-maxage=\d, stale-while-revalidate=\d+$/);
      // Cloudflare's own line, without s-maxage, which there would switch off serving stale.
      expect(res.headers.get('cloudflare-cdn-cache-control'), path).toMatch(/^public, max-age=\d, stale-while-revalidate=\d+$/);
    }
    // A public page's unknown id is kept briefly; any other missing address is not.
    expect((await get('/elections/no-such-election')).headers.get('cache-control')).toBe('public, max-age=10');
    expect((await get('/static/app.css', { accept: '*/*' })).headers.get('cache-control')).toMatch(/^public, /);
    const refused = await fetch(`${server.url}/api/v1/contests/${server.def.contests[0]!.id}/declaration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    for (const [what, res] of [
      ['/login', await get('/login')],
      ['/officer', await get('/officer')],
      ['/admin', await get('/admin')],
      ['an unknown election in the API', await get('/api/v1/elections/nope', { accept: 'application/json' })],
      ['a mistyped address, as HTML', await get('/no/such/page')],
      ['a mistyped address, as JSON', await get('/no/such/page', { accept: 'application/json' })],
      ['a refused declaration', refused],
    ] as const) {
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
  });

  it('lets newsrooms frame only the embed routes, under the same policy otherwise', async () => {
    const widget = `/embed/elections/${server.def.id}`;
    for (const path of [widget, `${widget}/live`, '/embed/anything']) {
      const res = await get(path);
      expect(res.status, path).toBe(path === '/embed/anything' ? 404 : 200);
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy, path).toContain('frame-ancestors *');
      for (const directive of expectedPolicy.filter((d) => !d.startsWith('frame-ancestors'))) expect(policy, `${path}: ${directive}`).toContain(directive);
      expect(res.headers.get('x-frame-options'), path).toBeNull();
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=31536000/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      if (res.status === 200) {
        const again = await get(path, { 'if-none-match': res.headers.get('etag') ?? 'none' });
        expect(again.status, `${path} again`).toBe(304);
        expect(again.headers.get('content-security-policy'), `${path} (304)`).toContain('frame-ancestors *');
        expect(again.headers.get('x-frame-options'), `${path} (304)`).toBeNull();
      }
    }
    // The results page itself may not be framed.
    expect((await get(`/elections/${server.def.id}`)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
