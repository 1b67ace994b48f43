// Fake platforms for code running inside workerd, where no socket can be opened: a fetch
// that hands each request to the platform faking its address. A "dropped" request fails
// as fetch fails when a connection is lost.
import { encodeAnswer, fakeRequest, type FakePlatform } from './core';

export function fakeFetch(platforms: Record<string, FakePlatform>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input as RequestInfo, init as RequestInit);
    const url = new URL(request.url);
    const platform = platforms[url.origin];
    if (!platform) throw new TypeError(`fetch failed: nothing fakes ${url.origin} (tests never reach the internet)`);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers.host = url.host;
    const outcome = await platform.handle(fakeRequest(request.method, url, headers, await request.text()));
    if ('drop' in outcome) throw new TypeError('fetch failed: network connection lost');
    const { body, headers: out } = encodeAnswer(outcome.answer);
    return new Response(body, { status: outcome.answer.status, headers: out });
  };
}
