// Random secrets and their stored form. WebCrypto, so the same code runs on Workers; on
// Node, hashing is done synchronously where it can be (see hashToken).

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A URL-safe random token; 32 bytes = 256 bits, well past guessing. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * An API token as people are given it: a random token behind a fixed prefix. Base64url can
 * begin with "-", and a command line then reads the token as an option (`--token -x…` fails
 * in parseArgs, curl and most shells' tools); the prefix also lets a secret scanner or a
 * person reading a log recognise a leaked Declare token.
 */
export function newApiToken(): string {
  return `declare_${randomToken()}`;
}

/**
 * What we store in place of a session or API token. Tokens are long and random, so a fast
 * hash is enough (unlike passwords): a stolen database then yields no usable token.
 */
export async function hashToken(token: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(token).digest('base64url');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return base64url(new Uint8Array(digest));
}

/**
 * Node's own crypto where the runtime has it (Node ≥ 20.16; not on Workers). WebCrypto's
 * digest runs on a worker thread and comes back a whole event-loop turn later: on a server
 * saturated by results-page readers that turn is tens of milliseconds, paid twice by every
 * declaration (its API token and its request hash). Hashing a short string in place costs
 * microseconds. Looked up at run time, so no bundle for Workers ever imports node:crypto.
 */
interface SyncHashing {
  createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'base64url'): string } };
}
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  'node:crypto',
) as SyncHashing | undefined;

/** Compares without stopping at the first difference, so timing reveals nothing. */
export function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export { base64url };
