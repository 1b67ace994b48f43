// One limit on what any request may send, checked before anything reads the body (the
// CSRF check, the session lookup, a form or JSON parser), so a huge body costs us nothing:
// a Content-Length over it is refused unread, and a body without one (chunked) is counted
// as it arrives and dropped at the limit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { readOnlyMethods } from './methods';
import { refuse } from './refuse';
import { largeBodyPaths } from './uploads';

// Sized from the largest real ward, twice over. English wards elect up to 3 councillors,
// and the longest ballot papers list about 25 candidates. A ward's form then sends 25
// fields `votes.<candidate id>=<figure>`, each id up to 200 characters and percent-encoded
// up to 3 bytes a character (~620 bytes each, 15.5 KB), a 500-character reason of up to
// 4 UTF-8 bytes a character, percent-encoded (6 KB), and the other dozen fields (under
// 1 KB): about 23 KB; twice that is 46 KB. The same ward as JSON is smaller (about 11 KB,
// a reason's characters escaped as \uXXXX at most). So one limit serves both.
export const maxBodyBytes = 64 * 1024;

// An election's definition uploaded by an admin is the one larger thing anyone sends: the
// Medway file is 55 KB, a county council's candidates CSV a few hundred KB.
export const maxUploadBytes = 2 * 1024 * 1024;

const limit = bodyLimit({
  maxSize: maxBodyBytes,
  onError: (c) =>
    refuse(c, {
      status: 413,
      error: 'too_large',
      title: 'Too much was sent',
      message: `This request is larger than ${maxBodyBytes / 1024} KB, far more than any ward's result needs, so it was not read.`,
    }),
});

// Requests that send no body skip it: reading `c.req.raw.body` makes @hono/node-server build
// a full Request for every public page view, the hot path its lighter one exists for.
const uploadLimit = bodyLimit({
  maxSize: maxUploadBytes,
  onError: (c) =>
    refuse(c, {
      status: 413,
      error: 'too_large',
      title: 'The file is too large',
      message: `An election's file can be up to ${maxUploadBytes / 1024 / 1024} MB; this one is larger, so it was not read.`,
    }),
});

export const limitBodySize: MiddlewareHandler = (c, next) => {
  if (readOnlyMethods.has(c.req.method)) return next();
  return largeBodyPaths.has(c.req.path) ? uploadLimit(c, next) : limit(c, next);
};
