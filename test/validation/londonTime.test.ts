import { describe, expect, it } from 'vitest';
import { fromLondonLocal, londonLocalValue } from '../../src/validation/londonTime';

describe('UK wall-clock times typed in a datetime-local box', () => {
  it.each([
    { why: 'BST in May: an hour ahead of UTC', local: '2023-05-05T02:30', utc: '2023-05-05T01:30:00.000Z' },
    { why: 'GMT in December: UTC itself', local: '2023-12-14T23:00', utc: '2023-12-14T23:00:00.000Z' },
    { why: 'the clocks go forward at 01:00 on 26 March 2023: 01:30 never happens', local: '2023-03-26T01:30', utc: null },
    { why: 'the clocks go back at 02:00 on 29 October 2023: 01:30 happens twice, BST taken', local: '2023-10-29T01:30', utc: '2023-10-29T00:30:00.000Z' },
    { why: 'not a time', local: '2023-13-45T99:00', utc: null },
  ])('$why', ({ local, utc }) => {
    expect(fromLondonLocal(local)).toBe(utc);
    if (utc) expect(londonLocalValue(utc)).toBe(local);
  });
});
