// The Bluesky channel on Node, with @atproto/api: an app password opens a session
// (createSession), then each post is a createRecord under the session's bearer token. The
// results address is a link facet over its shortened text. The record key is derived from
// the outbox row (tid.ts), so a retry cannot make a second post; when an attempt may have
// gone through, the adapter first asks for the record at that key. A correction replies
// in the thread. (Workers use blueskyFetch.ts: the library does not load there.)
import { AtpAgent, XRPCError } from '@atproto/api';
import type { Channel, Delivery } from '../channel';
import { wordingRules } from '../wording/rules';
import { postAtRecordKey, postCollection } from './blueskyRecord';
import { epochSeconds, fetchWithTimeout, httpFailure, networkFailure, type AdapterOptions } from './http';

export interface BlueskyConfig {
  service: string;
  identifier: string;
  appPassword: string;
}

function failure(error: unknown, options: AdapterOptions): Delivery {
  if (!(error instanceof XRPCError) || error.status === 1) return networkFailure('Bluesky', (error as { cause?: unknown })?.cause ?? error);
  // An answer the client could not read: the PDS may well have written the record.
  if (error.status === 2) return { outcome: 'retry', error: `Bluesky's answer was unreadable (${error.message}); the next attempt checks first.`, maybeSent: true };
  const reset = epochSeconds(error.headers?.['ratelimit-reset']);
  return httpFailure('Bluesky', error.status, [error.error, error.message].filter(Boolean).join(': '), reset, options);
}

export function blueskyChannel(config: BlueskyConfig, options: AdapterOptions): Channel {
  // One session for the life of the process: Bluesky limits how often an account may log in.
  const agent = new AtpAgent({ service: config.service, fetch: fetchWithTimeout(options.requestTimeoutMs) });

  return {
    name: 'bluesky',
    rules: wordingRules.bluesky,
    async send(post) {
      try {
        if (!agent.hasSession) await agent.login({ identifier: config.identifier, password: config.appPassword });
        const repo = agent.com.atproto.repo;
        const did = agent.session!.did;
        return await postAtRecordKey(
          {
            did,
            async find(rkey) {
              try {
                const { data } = await repo.getRecord({ repo: did, collection: postCollection, rkey });
                return data.cid ? { uri: data.uri, cid: data.cid } : null;
              } catch (error) {
                if (error instanceof XRPCError && error.error === 'RecordNotFound') return null;
                throw error;
              }
            },
            async create(rkey, record) {
              const { data } = await repo.createRecord({ repo: did, collection: postCollection, rkey, record });
              return { uri: data.uri, cid: data.cid };
            },
            isTaken: (error) => error instanceof XRPCError && error.status === 400,
          },
          post,
        );
      } catch (error) {
        return failure(error, options);
      }
    },
  };
}
