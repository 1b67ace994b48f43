import { describe, expect, it } from 'vitest';
import { verificationStatementOf } from '../../src/domain/verificationStatement';

const at = '2023-05-04T23:10:00.000Z';

describe('verificationStatementOf', () => {
  it.each([
    { why: 'a published statement', columns: { verifiedPollingStations: 2710, verifiedPostal: 656, verifiedAt: at }, expected: { papers: { pollingStations: 2710, postal: 656 }, at } },
    { why: 'no postal votes verified: zero is a figure', columns: { verifiedPollingStations: 1200, verifiedPostal: 0, verifiedAt: at }, expected: { papers: { pollingStations: 1200, postal: 0 }, at } },
    { why: 'nothing verified at all is still a statement', columns: { verifiedPollingStations: 0, verifiedPostal: 0, verifiedAt: at }, expected: { papers: { pollingStations: 0, postal: 0 }, at } },
    { why: 'none published', columns: { verifiedPollingStations: null, verifiedPostal: null, verifiedAt: null }, expected: null },
    { why: 'no polling-station figure', columns: { verifiedPollingStations: null, verifiedPostal: 656, verifiedAt: at }, expected: null },
    { why: 'no postal figure', columns: { verifiedPollingStations: 2710, verifiedPostal: null, verifiedAt: at }, expected: null },
    { why: 'no time it was published', columns: { verifiedPollingStations: 2710, verifiedPostal: 656, verifiedAt: null }, expected: null },
  ])('$why', ({ columns, expected }) => {
    expect(verificationStatementOf(columns)).toEqual(expected);
  });
});
