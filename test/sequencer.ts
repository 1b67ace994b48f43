// The order test files start in, which on a two-core machine decides much of the suite's time:
// - the longest files start first, so that both workers finish together rather than one
//   running a long file alone at the end while the other has nothing left;
// - the files of a project that shares processes come one after another: vitest keeps a
//   shared process (a Node fork that has imported the app, a workerd with the Worker loaded)
//   only while the next file waiting is of the same project.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Projects in the order they start: each file of the first two pays its own start-up. */
const projectOrder = ['node (own process)', 'workers (own D1)', 'workers', 'node'];

/**
 * The slowest files, slowest first (about 10 s or more each in CI, measured from the JSON
 * report .ci/run writes). Files not named here follow, longest first by vitest's own record of
 * earlier runs where there is one (a developer's machine; CI's clean clone has none).
 */
const slowestFirst = [
  'test/browser/adminNight.test.ts',
  'test/browser/officer.test.ts',
  'test/routes/routes.workers.test.ts',
  'test/bench/bench.test.ts',
  'test/browser/results.test.ts',
  'test/devWorker.test.ts',
  'test/browser/embed.test.ts',
  'test/routes/fuzz.test.ts',
  'test/browser/adminPhone.test.ts',
  'test/browser/updates.test.ts',
  'test/routes/fuzz.workers.test.ts',
  'test/browser/secondPairOfEyes.test.ts',
  'test/startup.test.ts',
  'test/cli/main.test.ts',
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const path = (spec: TestSpecification) => relative(root, spec.moduleId);
    const projectRank = (spec: TestSpecification) => {
      const rank = projectOrder.indexOf(spec.project.name);
      return rank === -1 ? projectOrder.length : rank;
    };
    const listedRank = (spec: TestSpecification) => {
      const rank = slowestFirst.indexOf(path(spec));
      return rank === -1 ? slowestFirst.length : rank;
    };
    const earlierSeconds = (spec: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${path(spec)}`)?.duration ?? 0;
    return [...files].sort(
      (a, b) =>
        projectRank(a) - projectRank(b) ||
        listedRank(a) - listedRank(b) ||
        earlierSeconds(b) - earlierSeconds(a) ||
        path(a).localeCompare(path(b)),
    );
  }
}
