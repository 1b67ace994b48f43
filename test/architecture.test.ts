// Imports point down (README "A tour of the code"): routes and the entry points on top, then
// views, then the use cases in src/, then db/, with the pure election arithmetic
// (src/domain) at the bottom. Each rule below reads every file's imports as TypeScript does
// and names each import that runs back up, so a newcomer learns the layering from a failure
// rather than from a review.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** What a file imports, as written: static, type-only, re-exports, side effects and import(). */
function specifiersIn(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** A specifier as a path from the repository's root (no extension); a package stays as named. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const path = relative(repo, resolve(repo, dirname(file), specifier.replace(/\?.*$/, '')));
  return path.replace(/\.(tsx?|jsx?)$/, '').replace(/\/index$/, '');
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(repo, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(repo, join(e.parentPath, e.name)));
}

interface Import {
  file: string;
  imports: string;
}

const everyImport: Import[] = ['src', 'views', 'db']
  .flatMap(sourceFiles)
  .filter((file) => !file.startsWith('db/migrations/'))
  .flatMap((file) => specifiersIn(readFileSync(join(repo, file), 'utf8')).map((s) => ({ file, imports: target(file, s) })));

const within = (path: string, folders: readonly string[]) => folders.some((f) => path === f || path.startsWith(`${f}/`));
/** A package, or a file outside the folders checked (package.json). */
const isOutside = (path: string) => !/^(src|views|db)\//.test(path);

/** The imports of files in `from` (but not in `except`) that reach into `to` (but not `allowed`). */
function importsOf(rule: { from: string[]; except?: string[]; to: (path: string) => boolean }): string[] {
  return everyImport
    .filter(({ file, imports }) => within(file, rule.from) && !within(file, rule.except ?? []) && rule.to(imports))
    .map(({ file, imports }) => `${file} imports ${imports}`);
}

// What may render views: the routes, the entry points that build the app, and the render
// cache of the public pages (src/published/).
const mayImportViews = ['src/routes', 'src/app.ts', 'src/node.ts', 'src/worker.ts', 'src/devWorker.ts', 'src/published'];
// The view folders for one audience each; what two of them need is in views/shared.
const audiences = ['views/public', 'views/officer', 'views/admin'];

describe('imports point down', () => {
  it('reads every kind of import a file can make', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "import './d.css';",
      "const e = await import('./e');",
      "import f from 'zod';",
    ].join('\n');
    expect(specifiersIn(source)).toEqual(['./a', '../b', './c', './d.css', './e', 'zod']);
    expect(target('src/declare/x.ts', '../domain/index.ts')).toBe('src/domain');
    expect(target('views/public/x.tsx', '../../src/http/paths')).toBe('src/http/paths');
  });

  it('finds the files it checks', () => {
    // A rule over no files would pass whatever the imports were.
    for (const file of ['src/domain/elect.ts', 'db/schema.ts', 'views/public/ContestPage.tsx', 'src/routes/officer.tsx', 'src/http/notFound.tsx']) {
      expect(everyImport.some((i) => i.file === file), file).toBe(true);
    }
  });

  it('src/domain, the election arithmetic, imports nothing outside itself (not even a package)', () => {
    expect(importsOf({ from: ['src/domain'], to: (path) => !within(path, ['src/domain']) })).toEqual([]);
  });

  it('db/ imports nothing from src/ but src/domain, and nothing from views/', () => {
    expect(importsOf({ from: ['db'], to: (path) => (within(path, ['src']) && !within(path, ['src/domain'])) || within(path, ['views']) })).toEqual([]);
  });

  it('views/ import no routes and no entry points', () => {
    expect(importsOf({ from: ['views'], to: (path) => within(path, ['src/routes', 'src/app', 'src/node', 'src/worker', 'src/devWorker']) })).toEqual([]);
  });

  it('src/ imports views only in the routes, the entry points and the render cache', () => {
    expect(importsOf({ from: ['src'], except: mayImportViews, to: (path) => within(path, ['views']) })).toEqual([]);
  });

  it("views for one audience (public, officer, admin) import none of another's: shared pieces live in views/shared", () => {
    const crossings = audiences.flatMap((audience) => importsOf({ from: [audience], to: (path) => within(path, audiences.filter((a) => a !== audience)) }));
    expect(crossings).toEqual([]);
  });

  it('only src/app.ts and other routes import the routes', () => {
    expect(importsOf({ from: ['src', 'views', 'db'], except: ['src/routes', 'src/app.ts'], to: (path) => within(path, ['src/routes']) })).toEqual([]);
  });

  it('declaring a ward does not depend on setting up an election (src/declare imports nothing from src/setup)', () => {
    expect(importsOf({ from: ['src/declare'], to: (path) => within(path, ['src/setup']) })).toEqual([]);
  });

  it('imports name files that exist', () => {
    // A rule is only as good as its paths: a specifier this reader resolves wrongly would
    // slip past every rule above.
    const files = new Set(['src', 'views', 'db'].flatMap(sourceFiles).map((f) => f.replace(/\.tsx?$/, '').replace(/\/index$/, '')));
    const unresolved = everyImport.filter(({ imports }) => !isOutside(imports) && !files.has(imports));
    expect(unresolved.map(({ file, imports }) => `${file} imports ${imports}`)).toEqual([]);
  });
});
