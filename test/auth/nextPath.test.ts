// Where a sign-in lands: only a plain path on this site, whatever the link says.
import { describe, expect, it } from 'vitest';
import { defaultNext, safeNextPath } from '../../src/auth/nextPath';

const ours = 'https://results.example.gov.uk';

describe('the page a sign-in lands on (next)', () => {
  const hostile: [string, string | undefined][] = [
    ['missing', undefined],
    ['empty', ''],
    ['another site', 'https://evil.example/'],
    ['scheme-relative', '//evil.example/'],
    ['backslash as slash', '/\\evil.example/'],
    ['backslash later on', '/officer\\..\\..\\evil'],
    ['a tab after the slash (browsers drop it: //localhost:9999/)', '/\t/localhost:9999/'],
    ['a newline after the slash', '/\n/evil.example'],
    ['a carriage return after the slash', '/\r/evil.example'],
    ['a NUL after the slash', '/\0/evil.example'],
    ['a newline inside the path (header splitting)', '/officer\r\nSet-Cookie: x=1'],
    ['DEL', '/\u007f/evil.example'],
    ['a relative path', 'officer'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,hi'],
    ['leading space', ' /officer'],
    ['a path with an encoded host', '/%2F%2Fevil.example'],
    ['too long', `/${'a'.repeat(3000)}`],
  ];
  it.each(hostile)('sends %s to the default page', (_why, next) => {
    const landed = safeNextPath(next, ours);
    // The encoded one stays on our site (/%2F%2F... is a path here), which is what matters.
    if (next === '/%2F%2Fevil.example') expect(new URL(landed, ours).origin).toBe(ours);
    else expect(landed).toBe(defaultNext);
  });

  const fine: [string, string][] = [
    ['/officer', '/officer'],
    ['/officer/elections/local.medway.2023-05-04', '/officer/elections/local.medway.2023-05-04'],
    ['/admin/social?status=failed#outbox', '/admin/social?status=failed#outbox'],
    ['/admin', '/admin'],
  ];
  it.each(fine)('keeps our own path %s', (next, expected) => {
    expect(safeNextPath(next, ours)).toBe(expected);
  });

  it('never returns anything a Location header cannot carry', () => {
    for (let code = 0; code < 0x80; code++) {
      const landed = safeNextPath(`/${String.fromCharCode(code)}/x`, ours);
      expect(landed).toMatch(/^\/[\x21-\x7e]*$/);
      expect(landed.startsWith('//')).toBe(false);
    }
  });
});
