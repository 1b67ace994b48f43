// `npm run build`: the Node server as one JavaScript file, dist/node.js, so that `npm start`
// runs plain Node instead of compiling TypeScript on every start (README, "Measured": it
// starts faster and holds less memory). Packages stay in node_modules (better-sqlite3 is a
// native module); our own code is bundled.
//
// A few modules find files beside their source (the migrations, the demo election, the
// stylesheet) from `import.meta.url`: each keeps its own source file's address in the bundle,
// so those files are read where they are in the checkout, never copied.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const bundleFile = `${root}dist/node.js`;

const ownAddresses: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
      if (path.includes('/node_modules/')) return undefined;
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

export async function bundleNode(): Promise<void> {
  await build({
    entryPoints: [`${root}src/node.ts`],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
    plugins: [ownAddresses],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundleNode();
