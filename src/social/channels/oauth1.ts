// OAuth 1.0a request signing (RFC 5849, HMAC-SHA1) with WebCrypto, for the X adapter on
// Workers, where twitter-api-v2 cannot run (it needs node:https). JSON bodies are not part
// of the signature, as X's v2 API expects.

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

/** RFC 3986 percent-encoding: encodeURIComponent leaves !'()* alone, OAuth does not. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The signature base string: method, address without query, and every parameter sorted. */
export function signatureBase(method: string, url: URL, params: [string, string][]): string {
  const all = [...params, ...url.searchParams.entries()].map(([k, v]) => [percentEncode(k), percentEncode(v)] as const);
  all.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const address = `${url.protocol}//${url.host}${url.pathname}`;
  return [method.toUpperCase(), percentEncode(address), percentEncode(all.map(([k, v]) => `${k}=${v}`).join('&'))].join('&');
}

export async function oauth1Header(
  method: string,
  url: string,
  credentials: OAuth1Credentials,
  nowMs: number,
  nonce = randomNonce(),
): Promise<string> {
  const oauth: [string, string][] = [
    ['oauth_consumer_key', credentials.consumerKey],
    ['oauth_nonce', nonce],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', String(Math.floor(nowMs / 1000))],
    ['oauth_token', credentials.token],
    ['oauth_version', '1.0'],
  ];
  const keyText = `${percentEncode(credentials.consumerSecret)}&${percentEncode(credentials.tokenSecret)}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(keyText), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const base = signatureBase(method, new URL(url), oauth);
  const signature = base64(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(base))));
  const fields: [string, string][] = [...oauth, ['oauth_signature', signature]];
  return `OAuth ${fields.map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`).join(', ')}`;
}
