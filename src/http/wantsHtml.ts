// Whether an answer is for a person (an HTML page) or a program (the API's JSON error):
// browsers ask for text/html; anything under /api/ is always answered in JSON.
import type { Context } from 'hono';

export const wantsHtml = (c: Context) => !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
