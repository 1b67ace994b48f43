// `npm run build:assets`: writes the static files into .assets/ for Workers static assets,
// which wrangler.toml points at. Node serves the same files from memory (src/node.ts).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { securityHeadersFor } from '../http/securityHeaders';
import { openDataCors } from '../http/cors';
import { embedHostScript } from './asset';
import { collectAssets } from './collect';

export const assetsDirectory = fileURLToPath(new URL('../../.assets', import.meta.url));

/** Writes every static file, and the `_headers` Workers serves them with, into `out`. */
export async function writeAssets(out = assetsDirectory): Promise<void> {
  // Each file replaced whole (write, then rename): a reader never sees half a file or an
  // empty folder, even while another process writes the same files.
  const put = async (path: string, body: string) => {
    const file = join(out, path);
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${crypto.randomUUID()}.tmp`;
    await writeFile(temporary, body);
    await rename(temporary, file);
  };
  for (const [path, asset] of await collectAssets()) await put(path, asset.text);
  // Static assets are served before the Worker runs, so they get the app's security
  // headers here, and the same short caching as on Node (the service worker always
  // revalidated).
  const security = Object.entries(securityHeadersFor('/static/')).map(([name, value]) => `  ${name}: ${value}`);
  const rules = [
    ['/*', ...security],
    ['/static/*', '  Cache-Control: public, max-age=300, stale-while-revalidate=86400'],
    ['/officer-sw.js', '  Cache-Control: no-cache'],
    [embedHostScript, ...Object.entries(openDataCors).map(([name, value]) => `  ${name}: ${value}`)],
  ];
  await put('_headers', rules.flat().join('\n') + '\n');
}

// Run as a script (npm run build:assets, and wrangler's build command): write them.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeAssets();
  console.log(`Static assets written to ${assetsDirectory}`);
}
