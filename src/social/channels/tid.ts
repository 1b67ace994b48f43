// A deterministic Bluesky record key for an outbox row. Bluesky's app only shows posts
// whose key is a TID (a timestamp with a clock id, 13 characters of base32-sortable), so
// the key is the TID of the moment the post was queued, with the clock id and the
// microseconds taken from the row id. Every retry writes to the same key, and the PDS
// refuses a second record there: the retry cannot make a second post.
const alphabet = '234567abcdefghijklmnopqrstuvwxyz';

/** FNV-1a: a small, stable hash; nothing here needs to be secret. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function recordKeyFor(rowId: string, queuedAt: string): string {
  const hash = fnv1a(rowId);
  const micros = BigInt(Date.parse(queuedAt)) * 1000n + BigInt(hash % 1000);
  const clockId = BigInt((hash >>> 10) % 1024);
  let value = (micros << 10n) | clockId; // top bit stays 0 for any date this millennium
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = alphabet[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}
