import { describe, expect, it } from 'vitest';
import { countOf, formatNumber, formatPercent, listInWords } from '../../src/domain/format';

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
