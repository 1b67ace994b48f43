// A fake platform API, whatever carries its requests: the platform's handler wrapped in
// fault injection (failing before or after the platform acted, dropping the connection
// before or after it acted, rate limits with a reset time) and a record of every request,
// including any that came before a rate limit's reset. server.ts serves it over real
// sockets on 127.0.0.1; fetchFake.ts hands it to code running inside workerd.
export interface FakeRequest {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  body: string;
  json<T = any>(): T;
  form(): URLSearchParams;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

/** What the fault plan makes of one request. */
export type Fault = 'none' | 'fail-before' | 'fail-after' | 'drop-before' | 'drop-after' | 'rate-limit' | 'hang-after';

export interface RateLimitAnswer {
  /** When the block ends (epoch ms): any request before it is "early". */
  until: number;
  answer: FakeAnswer;
}

export interface FakeOptions {
  faults?: (req: FakeRequest, n: number) => Fault;
  /** The platform's own 429 (or throttle) answer, for a block starting now. */
  rateLimit?: (now: number) => RateLimitAnswer;
  /** The platform's own 5xx answer. */
  serverError?: FakeAnswer;
  /** How long a 'hang-after' request waits before it is answered. */
  hangMs?: number;
}

export interface FakePlatform {
  /** Every request, in arrival order, with the fault it met. */
  log: { method: string; path: string; at: number; fault: Fault }[];
  /** Requests that arrived while a rate limit said to wait. */
  early: { path: string; at: number; until: number }[];
  faultsInjected: Record<Fault, number>;
  /** Requests the platform acted on and is holding the answer to ('hang-after'). */
  hanging(): number;
  /** Changes the fault plan from the next request on; `n` counts requests from 1. */
  setFaults(faults: (req: FakeRequest, n: number) => Fault): void;
  /** The end of the current rate-limit block (epoch ms), 0 when none was given. */
  blockedUntil(): number;
  /** Lifts a block at once, so one test's rate limit does not spill into the next. */
  unblock(): void;
  /** What to do with one request: answer it, or drop the connection. */
  handle(req: FakeRequest): Promise<{ answer: FakeAnswer } | { drop: true }>;
}


export function fakePlatform(handler: Handler, options: FakeOptions = {}): FakePlatform {
  const log: FakePlatform['log'] = [];
  const early: FakePlatform['early'] = [];
  const faultsInjected: Record<Fault, number> = { none: 0, 'fail-before': 0, 'fail-after': 0, 'drop-before': 0, 'drop-after': 0, 'rate-limit': 0, 'hang-after': 0 };
  let hanging = 0;
  let blockedUntil = 0;
  let count = 0;
  let faults = options.faults;
  const serverError = options.serverError ?? { status: 503, body: { error: 'Service Unavailable' } };

  async function handle(req: FakeRequest): Promise<{ answer: FakeAnswer } | { drop: true }> {
    const at = Date.now();
    count += 1;
    if (at < blockedUntil && options.rateLimit) {
      // As a platform does: still limited, so another 429, and it is noted as too early.
      early.push({ path: req.url.pathname, at, until: blockedUntil });
      log.push({ method: req.method, path: req.url.pathname, at, fault: 'rate-limit' });
      return { answer: options.rateLimit(at).answer };
    }
    let fault = faults?.(req, count) ?? 'none';
    if (fault === 'rate-limit' && !options.rateLimit) fault = 'none';
    faultsInjected[fault] += 1;
    log.push({ method: req.method, path: req.url.pathname, at, fault });
    switch (fault) {
      case 'drop-before':
        return { drop: true };
      case 'fail-before':
        return { answer: serverError };
      case 'rate-limit': {
        const limit = options.rateLimit!(at);
        blockedUntil = Math.max(blockedUntil, limit.until);
        return { answer: limit.answer };
      }
    }
    let answer: FakeAnswer;
    try {
      answer = await handler(req);
    } catch (error) {
      answer = { status: 500, body: { error: String(error) } };
    }
    if (fault === 'drop-after') return { drop: true };
    if (fault === 'hang-after') {
      // Acted, and holds the answer: the client is killed while waiting for it.
      hanging += 1;
      await new Promise((resolve) => setTimeout(resolve, options.hangMs ?? 5_000));
      hanging -= 1;
    }
    if (fault === 'fail-after' && answer.status < 300) return { answer: { ...serverError, status: 500 } };
    return { answer };
  }

  return {
    log,
    early,
    faultsInjected,
    hanging: () => hanging,
    handle,
    setFaults(plan) {
      faults = plan;
      count = 0;
    },
    blockedUntil: () => blockedUntil,
    unblock() {
      blockedUntil = 0;
    },
  };
}

/** The body and headers an answer goes out with. */
export function encodeAnswer(answer: FakeAnswer): { body: string; headers: Record<string, string> } {
  const text = typeof answer.body === 'string';
  return {
    body: answer.body === undefined ? '' : text ? (answer.body as string) : JSON.stringify(answer.body),
    headers: { 'content-type': text ? 'text/plain' : 'application/json; charset=utf-8', ...answer.headers },
  };
}

export function fakeRequest(method: string, url: URL, headers: Record<string, string | undefined>, body: string): FakeRequest {
  return { method, url, headers, body, json: () => JSON.parse(body), form: () => new URLSearchParams(body) };
}

/** A small seeded random generator (mulberry32): a failing fault run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The fault mix of the fault tests: in every run of 10 requests, 3 chosen at random fail
 * (a 5xx before or after the platform acted, a dropped connection before or after it
 * acted), so 30 % fail however the requests interleave; and every `rateLimitEvery`-th
 * request is rate limited.
 */
export function randomFaults(random: () => number, rateLimitEvery = 40): (req: FakeRequest, n: number) => Fault {
  const kinds: Fault[] = ['fail-before', 'fail-after', 'drop-before', 'drop-after'];
  let block: Fault[] = [];
  return (_req, n) => {
    if (n % rateLimitEvery === 0) return 'rate-limit';
    if (block.length === 0) {
      block = Array.from({ length: 10 }, (_, i): Fault => (i < 3 ? kinds[Math.floor(random() * kinds.length)]! : 'none'));
      for (let i = block.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [block[i], block[j]] = [block[j]!, block[i]!];
      }
    }
    return block.pop()!;
  };
}
