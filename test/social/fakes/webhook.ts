// A fake webhook receiver, written as a newsroom would: it checks the HMAC-SHA256
// signature over "<timestamp>.<body>" and that the timestamp is fresh, and keeps the
// delivery ids it has processed, so a redelivery is acknowledged but not processed twice.
import { fakePlatform, type FakeOptions } from './core';

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const webhookSecret = 'whsec-newsroom-shared-secret';

export interface Delivery {
  id: string;
  event: string;
  payload: any;
}

/** `secret`: the one it checks signatures with (a newsroom subscriber's own, say). */
export function fakeWebhook(options: FakeOptions = {}, secret = webhookSecret) {
  const processed = new Map<string, Delivery>();
  const refusals: string[] = [];
  let redeliveries = 0;
  const platform = fakePlatform(
    async (req) => {
      const timestamp = String(req.headers['x-declare-timestamp'] ?? '');
      const signature = String(req.headers['x-declare-signature'] ?? '');
      const ok = signature === `sha256=${await hmacHex(secret, `${timestamp}.${req.body}`)}`;
      if (!ok || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
        refusals.push(ok ? 'stale timestamp' : 'bad signature');
        return { status: 401, body: { error: 'bad signature' } };
      }
      const id = String(req.headers['x-declare-delivery'] ?? '');
      const payload = req.json();
      if (!id || payload.deliveryId !== id) return { status: 400, body: { error: 'delivery id missing or different in body and header' } };
      if (processed.has(id)) {
        redeliveries += 1;
        return { status: 200, body: { ok: true, duplicate: true } };
      }
      processed.set(id, { id, event: String(req.headers['x-declare-event']), payload });
      return { status: 200, body: { ok: true } };
    },
    {
      rateLimit: (now) => {
        const until = (Math.floor(now / 1000) + 2) * 1000;
        return { until, answer: { status: 429, headers: { 'retry-after': String(Math.ceil((until - now) / 1000)) }, body: { error: 'slow down' } } };
      },
      ...options,
    },
  );
  return Object.assign(platform, { processed, refusals, redeliveries: () => redeliveries });
}
