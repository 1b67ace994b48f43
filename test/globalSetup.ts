// Once per test run, before any test: the server's bundle, which tests start as `npm start`
// starts it (test/support/processes.ts), built from the code as it is now.
import { bundleNode } from '../src/build/bundleNode';

export default async function setup(): Promise<void> {
  await bundleNode();
}
