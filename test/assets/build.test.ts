// The static files as Workers serves them (wrangler.toml's assets folder): the same bytes
// Node serves, and the app's security headers, since assets never pass through the Worker.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAssets } from '../../src/assets/build';
import { collectAssets } from '../../src/assets/collect';

describe('npm run build:assets', () => {
  it('writes every file Node serves, byte for byte, with the security headers for Workers', async () => {
    const out = mkdtempSync(join(tmpdir(), 'declare-assets-'));
    await writeAssets(out);
    const assets = await collectAssets();
    expect([...assets.keys()].sort()).toEqual(['/officer-sw.js', '/static/app.css', '/static/embed-frame.js', '/static/embed.js', '/static/htmx.min.js', '/static/officer.js']);
    for (const [path, asset] of assets) expect(readFileSync(join(out, path), "utf8"), path).toBe(asset.text);
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self';.*frame-ancestors 'none'$/m);
    expect(headers).toContain('  Strict-Transport-Security: max-age=31536000; includeSubDomains');
    expect(headers).toContain('  X-Content-Type-Options: nosniff');
    expect(headers).toMatch(/\/officer-sw\.js\n {2}Cache-Control: no-cache/);
    // Newsrooms load it from their own pages with an SRI hash, which needs CORS.
    expect(headers).toMatch(/\/static\/embed\.js\n {2}access-control-allow-origin: \*/);
  });

  it('bundles the officer script with the domain code and no server code', async () => {
    const script = (await collectAssets()).get("/static/officer.js")!.text;
    expect(script).toContain('declare:pending:v1');
    expect(script).toContain('Votes (');
    expect(script).not.toMatch(/better-sqlite3|drizzle/);
  });
});
