import { describe, expect, it } from 'vitest';
import { percentTo2dp } from '../../src/domain/percent';

describe('percentTo2dp', () => {
  // Expected values worked by hand: part / whole × 100, then half away from zero at the 2nd decimal.
  it.each([
    { part: 1, whole: 3, expected: 33.33, why: 'recurring 33.333…' },
    { part: 2, whole: 3, expected: 66.67, why: 'recurring 66.666… rounds up' },
    { part: 1, whole: 8, expected: 12.5, why: 'exact 12.50' },
    { part: 1, whole: 32, expected: 3.13, why: '3.125 exactly half: away from zero' },
    { part: 1, whole: 64, expected: 1.56, why: '1.5625 below half' },
    { part: 201, whole: 20000, expected: 1.01, why: '1.005 exactly: a float 1.005 × 100 is 100.4999… and would give 1.00' },
    { part: 9, whole: 4000, expected: 0.23, why: '0.225 exactly: naive float rounding gives 0.22' },
    { part: 283, whole: 4000, expected: 7.08, why: '7.075 exactly: naive float rounding gives 7.07' },
    { part: 5523, whole: 20000, expected: 27.62, why: '27.615 exactly' },
    { part: 1, whole: 20000, expected: 0.01, why: '0.005 exactly rounds up' },
    { part: 1, whole: 20001, expected: 0, why: 'just under 0.005 rounds down' },
    { part: 199999, whole: 200000, expected: 100, why: '99.9995 rounds up to 100.00' },
    { part: 0, whole: 5, expected: 0, why: 'nothing' },
    { part: 5, whole: 5, expected: 100, why: 'all' },
    { part: 7, whole: 3, expected: 233.33, why: 'over 100 is computed, not clamped (checks report it)' },
    { part: 3366, whole: 8651, expected: 38.91, why: 'Rochester West and Borstal 2023: 38.909…' },
  ])('$part / $whole → $expected ($why)', ({ part, whole, expected }) => {
    expect(percentTo2dp(part, whole)).toBe(expected);
  });

  it.each([
    { part: 1.5, whole: 3 },
    { part: 1, whole: 0 },
    { part: 1, whole: -3 },
    { part: -1, whole: 3 },
    { part: 1, whole: 2.5 },
  ])('refuses $part / $whole: counts must be whole numbers and the whole positive', ({ part, whole }) => {
    expect(() => percentTo2dp(part, whole)).toThrow(RangeError);
  });
});
