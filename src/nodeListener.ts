// What a Node server process does with each request: a resident's repeated GET is answered
// from the answer kept ready for it (src/published/readyAnswers.ts), written to Node's
// response as it is; anything else goes to the app through @hono/node-server. Skipping the
// Request that @hono/node-server would build and the Response it would read back is worth
// about 45 % more 304 polls a second and 11 % more results pages (README, "Measured").
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { PublishedPages } from './published/publishedPages';

/**
 * `toApp` is @hono/node-server's listener for the app; `hostname` the one it was given (HOST),
 * which it uses only when a request has no Host header. It refuses a request with a malformed
 * Host header, or none and no `hostname`: such a request is left to it here too, and gets the
 * same 400.
 */
export function readyFirst(published: PublishedPages, toApp: RequestListener, hostname?: string): RequestListener {
  let reported = false;
  return (req: IncomingMessage, res: ServerResponse) => {
    let ready;
    try {
      ready = hostAccepted(req.headers.host, hostname) ? published.readyAnswer(req.method, req.url, req.headers) : undefined;
    } catch (error) {
      // A throw here would end the process: the app answers instead. Said once, so that the
      // lost speed does not go unnoticed.
      if (!reported) console.error('Answers kept ready failed; the app answers instead:', error);
      reported = true;
    }
    if (!ready) return toApp(req, res);
    res.writeHead(ready.init.status!, ready.init.headers);
    res.end(ready.body ?? undefined);
  };
}

/**
 * Whether @hono/node-server certainly accepts this Host: a lower-case name or IPv4 address
 * with at most a valid port (anything else, which it may still accept, goes to it to decide).
 */
function hostAccepted(host: string | undefined, hostname: string | undefined): boolean {
  if (host === undefined || host === '') return !!hostname;
  const parts = /^[a-z0-9._-]+(?::(\d{1,5}))?$/.exec(host);
  return parts !== null && (parts[1] === undefined || Number(parts[1]) <= 65535);
}
