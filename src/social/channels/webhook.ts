// The Webhook channel: a JSON POST for Slack/Teams bridges or a newsroom's own system.
// Signed with HMAC-SHA256 over "<timestamp>.<body>" so a receiver can check it came from
// us and is fresh. The delivery id is the outbox row id, the same on every retry: a
// receiver that keeps the ids it has seen processes each declaration once.
import type { Channel, OutgoingPost } from '../channel';
import { wordingRules } from '../wording/rules';
import { bodyText, fetchWithTimeout, httpFailure, networkFailure, retryAfter, type AdapterOptions } from './http';

export const webhookHeaders = {
  signature: 'x-declare-signature',
  timestamp: 'x-declare-timestamp',
  delivery: 'x-declare-delivery',
  event: 'x-declare-event',
} as const;

/**
 * What the receiver gets. Field names are a contract, like the public JSON. `contest` is the
 * result for a declaration or correction, `update` the update from the count for its posts
 * ("update", "update-correction", "update-withdrawal"); the other is null.
 */
export function webhookPayload(post: OutgoingPost) {
  return {
    deliveryId: post.id,
    event: post.kind,
    text: post.text,
    url: post.link,
    electionId: post.electionId,
    contest: post.contest,
    update: post.update,
    inReplyTo: post.replyTo ? { id: post.replyTo.id } : null,
  };
}

const encoder = new TextEncoder();

export async function webhookSignature(secret: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${body}`)));
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface SignedJsonTarget {
  url: string;
  secret: string;
  userAgent: string;
  /** How errors name the receiver: "The webhook". */
  who: string;
}

/**
 * Sends a post as signed JSON: the webhook channel's delivery, shared with the newsroom
 * subscribers (channels/subscriber.ts), so both send the same body, headers and signature.
 */
export function signedJsonSender(target: SignedJsonTarget, options: AdapterOptions): Channel['send'] {
  const send = fetchWithTimeout(options.requestTimeoutMs);
  return async (post) => {
    const body = JSON.stringify(webhookPayload(post));
    const timestamp = String(Math.floor(options.now() / 1000));
    let response: Response;
    try {
      response = await send(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': target.userAgent,
          [webhookHeaders.signature]: await webhookSignature(target.secret, timestamp, body),
          [webhookHeaders.timestamp]: timestamp,
          [webhookHeaders.delivery]: post.id,
          [webhookHeaders.event]: post.kind,
        },
        body,
      });
    } catch (error) {
      return networkFailure(target.who, error);
    }
    const text = await bodyText(response);
    if (response.ok) return { outcome: 'posted', remote: { id: post.id, url: null } };
    return httpFailure(target.who, response.status, text, retryAfter(response.headers.get('retry-after'), options.now()), options);
  };
}

export function webhookChannel(config: { url: string; secret: string }, options: AdapterOptions): Channel {
  return {
    name: 'webhook',
    rules: wordingRules.webhook,
    send: signedJsonSender({ ...config, userAgent: 'Declare-Webhook/1', who: 'The webhook' }, options),
  };
}
