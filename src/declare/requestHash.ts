// A fingerprint of a submission, so a reused Idempotency-Key with a different body is told
// apart from a true replay. Keys are sorted so property order does not matter.
import { hashToken } from '../auth/secrets';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(target: string, body: unknown): Promise<string> {
  return hashToken(JSON.stringify([target, canonical(body)]));
}
