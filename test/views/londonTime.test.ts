// Declaration times as people in the UK read them, in summer (BST) and winter (GMT).
import { describe, expect, it } from 'vitest';
import { londonClock, londonDateTime } from '../../views/shared/londonTime';

describe('UK local time', () => {
  it('shows a May night in British Summer Time', () => {
    expect(londonClock('2023-05-05T00:23:00.000Z')).toBe('01:23');
    expect(londonDateTime('2023-05-04T23:59:00.000Z')).toBe('00:59 on Friday 5 May 2023');
  });
  it('shows a winter by-election in Greenwich Mean Time', () => {
    expect(londonDateTime('2024-01-11T23:05:00.000Z')).toBe('23:05 on Thursday 11 January 2024');
  });
  it('gives the seconds where the order of two changes in a minute matters (the audit log)', () => {
    expect(londonDateTime('2023-05-05T00:23:09.500Z', 'second')).toBe('01:23:09 on Friday 5 May 2023');
  });
});
