// The Bluesky channel on Workers: the same XRPC calls as @atproto/api makes on Node
// (createSession, getRecord, createRecord), with fetch. @atproto/api does not load in the
// Workers test pool and would add 2 MB to the Worker; the protocol is three JSON calls.
import type { Channel, Delivery, OutgoingPost } from '../channel';
import { wordingRules } from '../wording/rules';
import type { BlueskyConfig } from './bluesky';
import { postAtRecordKey, postCollection } from './blueskyRecord';
import { bodyText, epochSeconds, fetchWithTimeout, httpFailure, networkFailure, type AdapterOptions } from './http';

interface XrpcAnswer {
  status: number;
  data: Record<string, any>;
  headers: Headers;
}

/** A failed call, as the adapter reports it. */
class XrpcFailure extends Error {
  constructor(readonly delivery: Delivery, readonly answer?: XrpcAnswer) {
    super(delivery.outcome === 'posted' ? 'posted' : delivery.error);
  }
}

export function blueskyFetchChannel(config: BlueskyConfig, options: AdapterOptions): Channel {
  const request = fetchWithTimeout(options.requestTimeoutMs);
  const base = config.service.replace(/\/+$/, '');
  let session: { did: string; accessJwt: string } | null = null;

  async function call(method: 'GET' | 'POST', nsid: string, input: Record<string, unknown>, auth: boolean): Promise<XrpcAnswer> {
    const query = method === 'GET' ? `?${new URLSearchParams(input as Record<string, string>)}` : '';
    let response: Response;
    try {
      response = await request(`${base}/xrpc/${nsid}${query}`, {
        method,
        headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...(auth && session ? { authorization: `Bearer ${session.accessJwt}` } : {}) },
        ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
      });
    } catch (error) {
      throw new XrpcFailure(networkFailure('Bluesky', error));
    }
    const text = await bodyText(response);
    let data: Record<string, any> = {};
    try {
      data = text ? JSON.parse(text) : {};
    } catch {
      if (response.ok) throw new XrpcFailure({ outcome: 'retry', error: "Bluesky's answer was unreadable; the next attempt checks first.", maybeSent: true });
    }
    const answer = { status: response.status, data, headers: response.headers };
    if (response.ok) return answer;
    const detail = [data.error, data.message].filter(Boolean).join(': ');
    throw new XrpcFailure(httpFailure('Bluesky', response.status, detail, epochSeconds(response.headers.get('ratelimit-reset')), options), answer);
  }

  async function logIn(): Promise<{ did: string; accessJwt: string }> {
    const { data } = await call('POST', 'com.atproto.server.createSession', { identifier: config.identifier, password: config.appPassword }, false);
    session = { did: String(data.did), accessJwt: String(data.accessJwt) };
    return session;
  }

  async function attempt(post: OutgoingPost): Promise<Delivery> {
    const { did } = session ?? (await logIn());
    return postAtRecordKey(
      {
        did,
        async find(rkey) {
          try {
            const { data } = await call('GET', 'com.atproto.repo.getRecord', { repo: did, collection: postCollection, rkey }, true);
            return typeof data.cid === 'string' ? { uri: String(data.uri), cid: data.cid } : null;
          } catch (error) {
            if (error instanceof XrpcFailure && error.answer?.data.error === 'RecordNotFound') return null;
            throw error;
          }
        },
        async create(rkey, record) {
          const { data } = await call('POST', 'com.atproto.repo.createRecord', { repo: did, collection: postCollection, rkey, record }, true);
          return { uri: String(data.uri), cid: String(data.cid) };
        },
        isTaken: (error) => error instanceof XrpcFailure && error.answer?.status === 400,
      },
      post,
    );
  }

  return {
    name: 'bluesky',
    rules: wordingRules.bluesky,
    async send(post) {
      try {
        try {
          return await attempt(post);
        } catch (error) {
          // An expired session: log in again once, as @atproto/api refreshes its own.
          const expired = error instanceof XrpcFailure && session && (error.answer?.data.error === 'ExpiredToken' || error.answer?.status === 401);
          if (!expired) throw error;
          session = null;
          return await attempt(post);
        }
      } catch (error) {
        if (error instanceof XrpcFailure) return error.delivery;
        return networkFailure('Bluesky', error);
      }
    },
  };
}
