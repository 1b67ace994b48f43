// Setup file of the node project, whose files run one after another in a process that keeps
// its modules. A file must leave the process as it found it: one that replaces the global
// Request, Response, Headers or fetch (as @hono/node-server's serve() does in this process)
// would change what every later file sees, depending on which files shared its process.
import { afterAll } from 'vitest';

const processWide = () => ({
  Request: globalThis.Request,
  Response: globalThis.Response,
  Headers: globalThis.Headers,
  fetch: globalThis.fetch,
});

const atStart = processWide();

afterAll(() => {
  const changed = Object.entries(processWide())
    .filter(([name, value]) => value !== atStart[name as keyof typeof atStart])
    .map(([name]) => name);
  if (changed.length > 0) {
    throw new Error(
      `This file replaced the global ${changed.join(' and ')} and left ${changed.length > 1 ? 'them' : 'it'} so, which every later file in this process would see. ` +
        'Put it back in the file, or list the file in ownProcess in test/vitest.config.ts.',
    );
  }
});
