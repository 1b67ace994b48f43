import { describe, expect, it } from 'vitest';
import { countOf, durationInWords, formatNumber, formatPercent, listInWords } from '../../src/domain/format';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [1234567, '1,234,567'],
  ])('%d → %s', (n, expected) => {
    expect(formatNumber(n)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [27.61, '27.61%'],
    [27.6, '27.60%'],
    [0, '0.00%'],
    [100, '100.00%'],
    [1234.5, '1,234.50%'],
  ])('%d → %s', (n, expected) => {
    expect(formatPercent(n)).toBe(expected);
  });
});

describe('countOf', () => {
  it.each([
    [1, '1 seat'],
    [0, '0 seats'],
    [2, '2 seats'],
    [1500, '1,500 seats'],
  ])('%d → %s', (n, expected) => {
    expect(countOf(n, 'seat', 'seats')).toBe(expected);
  });
});

describe('listInWords', () => {
  it.each([
    [[], ''],
    [['Smith'], 'Smith'],
    [['Smith', 'Jones'], 'Smith and Jones'],
    [['Smith', 'Jones', 'Patel'], 'Smith, Jones and Patel'],
  ])('%j → %s', (items, expected) => {
    expect(listInWords(items)).toBe(expected);
  });
});

describe('durationInWords', () => {
  it.each([
    [400, 'less than a second'],
    [1_000, '1 second'],
    [40_000, '40 seconds'],
    [12 * 60_000, '12 minutes'],
    [12 * 60_000 + 7_000, '12 minutes 7 seconds'],
    [3_600_000 + 13 * 60_000 + 59_000, '1 hour 13 minutes'],
    [2 * 86_400_000 + 59_000, '2 days'],
    [2 * 86_400_000 + 3 * 3_600_000, '2 days 3 hours'],
  ])('%d ms → %s', (ms, expected) => {
    expect(durationInWords(ms)).toBe(expected);
  });
});
