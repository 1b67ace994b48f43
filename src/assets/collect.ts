// The static files the pages use, gathered on Node: our stylesheet, htmx from its package
// (served from our own origin, never a CDN), and the browser scripts in views/client/,
// bundled with esbuild from the same TypeScript (and domain code) the server runs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { assetOf, embedHostScript, type Asset } from './asset';

const fromRepo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fromRepo(entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020', 'safari14'],
    legalComments: 'none',
    // Views shared with the server (the officer's review) render in the browser with hono's
    // DOM renderer: the same components, another JSX runtime.
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx/dom',
  });
  return result.outputFiles[0]!.text;
}

export async function collectAssets(): Promise<Map<string, Asset>> {
  const htmx = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js');
  const files: [string, string, Promise<string>][] = [
    ['/static/app.css', 'text/css; charset=utf-8', readFile(fromRepo('views/static/app.css'), 'utf8')],
    ['/static/htmx.min.js', 'text/javascript; charset=utf-8', readFile(htmx, 'utf8')],
    ['/static/officer.js', 'text/javascript; charset=utf-8', bundle('views/client/officer.ts')],
    ['/officer-sw.js', 'text/javascript; charset=utf-8', bundle('views/client/sw.ts')],
    ['/static/embed-frame.js', 'text/javascript; charset=utf-8', bundle('views/client/embedFrame.ts')],
    [embedHostScript, 'text/javascript; charset=utf-8', bundle('views/client/embedHost.ts')],
  ];
  const assets = new Map<string, Asset>();
  for (const [path, type, body] of files) assets.set(path, await assetOf(await body, type));
  return assets;
}
