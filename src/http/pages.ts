// The pages the app's own middleware answers people with: a 404, a request refused before any
// route read it, a form sent after its sign-in ended. They are views, and views sit above
// src/, so src/app.ts hands them over (`pages` in the request's context, set before anything
// else runs) rather than the middleware reaching up for them.
import type { FC } from 'hono/jsx';

export interface MiddlewarePages {
  /** `framed`: the address was a widget's, shown in a newsroom's frame. */
  NotFound: FC<{ message: string; framed: boolean }>;
  /** Too large, the wrong method or kind of body: what happened, and that nothing changed. */
  Refused: FC<{ title: string; message: string }>;
  /** A session ended or a stale form: nothing was saved, and how to send it again. */
  SignedOut: FC<{ title: string; message: string }>;
}
