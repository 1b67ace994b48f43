// What a write must be sent as: the write API takes JSON, every other address what our web
// forms send (urlencoded; multipart only where a form uploads a file, see uploads.ts). Checked before the CSRF check
// (which refuses a text/plain body without a word of why) and before any body is read,
// with a 415 that says what to send instead.
import type { MiddlewareHandler } from 'hono';
import { readOnlyMethods } from './methods';
import { refuse } from './refuse';
import { fileUploadPaths } from './uploads';

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();
const formType = 'application/x-www-form-urlencoded';

export const expectedBodyTypes: MiddlewareHandler = async (c, next) => {
  if (readOnlyMethods.has(c.req.method)) return next();
  const type = mediaType(c.req.header('content-type'));
  const api = c.req.path.startsWith('/api/');
  if (type === (api ? 'application/json' : formType)) return next();
  if (type === 'multipart/form-data' && fileUploadPaths.has(c.req.path)) return next();
  return refuse(c, {
    status: 415,
    error: 'unsupported_media_type',
    title: 'Not sent as a form',
    message: api
      ? `The write API takes JSON: send the body with Content-Type: application/json (this was ${type || 'sent without a Content-Type'}).`
      : `This address takes what its web form sends, sent as a form (${formType}).`,
  });
};
