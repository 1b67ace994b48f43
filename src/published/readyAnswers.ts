// The busiest public answers, kept ready to send without the app. On election night almost
// every request is a resident's GET of a page, fragment or document that has not changed
// since the last one: answering it through the router, the middleware chain and a few
// awaits cost about half the server's time (README, "Measured"). Once the app has answered
// such a request, its render is kept here under the request's path, and the next identical
// GET is answered from it at once, synchronously, with the very same headers and bytes
// (src/http/sendRendered.ts builds both).
//
// An answer is used only while the election is known, without a read, to be at the version
// it was rendered for (PublishedPages' remembered version: our own writes forget it at once,
// other processes' are seen within its recheck time), and for at most `keepMs` (then the app
// answers once more, which also picks up a render rebuilt after its settle window). A request
// with a query string, or for a path the app never answered with a render, goes to the app.
// The answer is looked up from what Node parsed and written by src/nodeListener.ts straight to
// Node's response: a resident's repeated GET builds no Request or Response at all.
import type { Caching } from '../http/caching';
import type { Rendered } from '../http/rendered';
import { renderedAnswer, type Answer } from '../http/sendRendered';

interface Ready {
  electionId: string;
  version: string;
  rendered: Rendered;
  caching: Caching;
  contentType: string;
  keptUntil: number;
}

export interface ReadyAnswersOptions {
  /** The election's version if it is known without a read (else undefined: ask the app). */
  versionNow: (electionId: string) => string | undefined;
  keepMs?: number;
  /** Paths kept at most: the wards' pages and fragments of a few elections fit many times over. */
  maxPaths?: number;
  now?: () => number;
}

export class ReadyAnswers {
  private readonly ready = new Map<string, Ready>();
  private readonly versionNow: (electionId: string) => string | undefined;
  private readonly keepMs: number;
  private readonly maxPaths: number;
  private readonly now: () => number;

  constructor(options: ReadyAnswersOptions) {
    this.versionNow = options.versionNow;
    this.keepMs = options.keepMs ?? 1000;
    this.maxPaths = options.maxPaths ?? 2000;
    this.now = options.now ?? Date.now;
  }

  /** Keeps what the app just sent for `path`, rendered for `version` of `electionId`. */
  keep(path: string, entry: Omit<Ready, 'keptUntil'>): void {
    // A path with escapes is matched by the router after decoding: left to the app.
    if (path.includes('%')) return;
    if (!this.ready.has(path) && this.ready.size >= this.maxPaths) this.ready.clear();
    this.ready.set(path, { ...entry, keptUntil: this.now() + this.keepMs });
  }

  /**
   * The answer to a request if one is ready, else undefined (the app answers). `target` is the
   * request line's target as Node gives it (`req.url`: the path and any query string), and
   * `headers` the request's headers as Node parsed them: nothing is built for the lookup, not
   * even a Request. The caller writes the answer (src/nodeListener.ts).
   */
  answer(method: string | undefined, target: string | undefined, headers: Readonly<Record<string, string | string[] | undefined>>): Answer | undefined {
    if (method !== 'GET' || !target || !isPlainPath(target)) return undefined;
    const ready = this.ready.get(target);
    if (!ready) return undefined;
    if (ready.keptUntil <= this.now() || this.versionNow(ready.electionId) !== ready.version) {
      this.ready.delete(target);
      return undefined;
    }
    const asked = { ifNoneMatch: single(headers['if-none-match']), acceptEncoding: single(headers['accept-encoding']) };
    return renderedAnswer(asked, target, ready.rendered, ready.caching, ready.contentType);
  }
}

/** A header Node parsed, as one value (Node joins repeated ones of these with ", " already). */
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * A path as kept: no query string or fragment, and not the absolute form a proxy may send
 * (`GET http://host/path`), which the app reads instead.
 */
const isPlainPath = (target: string) => target.startsWith('/') && !target.includes('?') && !target.includes('#');
