// The snippet newsrooms paste loads /static/embed.js with an SRI hash: a browser refuses
// the script if its bytes differ by one from the hash. So the hash the results page shows
// (src/assets/embedScriptIntegrity.ts) and the README's must be the built script's, and
// the script must be served with CORS (a browser checks SRI on a cross-origin script only
// when it may read it).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectAssets } from '../../src/assets/collect';
import { embedScriptIntegrity } from '../../src/assets/embedScriptIntegrity';
import { createApp } from '../../src/app';
import { openSqlite } from '../../db/sqlite';

describe('the host-page script, /static/embed.js', () => {
  it('matches the SRI hash the results page and the README give', async () => {
    const assets = await collectAssets();
    const script = assets.get('/static/embed.js')!;
    const integrity = `sha384-${createHash('sha384').update(script.body).digest('base64')}`;
    expect(embedScriptIntegrity, `set embedScriptIntegrity to '${integrity}' (and the README's snippet)`).toBe(integrity);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`integrity="${integrity}"`);
  });

  it('is served with CORS and stays small', async () => {
    const app = createApp({ db: () => openSqlite(':memory:').db, assets: await collectAssets() });
    const res = await app.request('/static/embed.js', { headers: { origin: 'https://live.newsroom.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await res.arrayBuffer()).byteLength).toBeLessThan(1024);
    const frame = await app.request('/static/embed-frame.js');
    expect(frame.status).toBe(200);
    expect(frame.headers.get('access-control-allow-origin')).toBeNull();
  });
});
