// The two headers a cached page is chosen by: whether the phone already has it, and
// whether it can take gzip.
import { describe, expect, it } from 'vitest';
import { acceptsGzip, clientHasVersion } from '../../src/http/negotiate';

describe('clientHasVersion (If-None-Match)', () => {
  const etag = 'W/"abc123"';
  it.each([
    ['W/"abc123"', true],
    ['"abc123"', true],
    ['"other", W/"abc123"', true],
    ['*', true],
    ['W/"abc1234"', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(clientHasVersion(header, etag)).toBe(expected);
  });
});

describe('acceptsGzip (Accept-Encoding)', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['*, gzip;q=0', false],
    ['identity', false],
    ['br', false],
    [null, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
