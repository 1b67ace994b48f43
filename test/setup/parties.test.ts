// Party and candidate ids made from names: every script kept, English and Welsh unchanged.
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/setup/parties';

describe('ids made from names', () => {
  const cases: [string, string][] = [
    ['Heritage Party', 'heritage-party'],
    ["Residents' Association", 'residents-association'],
    ['Ynys Môn Independents', 'ynys-mon-independents'],
    ['Khatkar Harjinder Singh (commonly known as Bill Khatkar)', 'khatkar-harjinder-singh-commonly-known-as-bill-khatkar'],
    ['Women & Equality', 'women-and-equality'],
    ['Ελληνική Λύση', 'ελληνική-λύση'],
    ['中国党', '中国党'],
    ['Союз', 'союз'],
    ['Йошкар', 'йошкар'],
    ['भारतीय जनता', 'भारतीय-जनता'],
  ];
  it.each(cases)('%s → %s', (name, id) => {
    expect(slugify(name)).toBe(id);
  });

  it('keeps names in other scripts apart, where they all used to become the empty id', () => {
    const ids = ['Ελληνική Λύση', '中国党', 'Союз', 'حزب', 'פלג'].map(slugify);
    expect(new Set(ids).size).toBe(5);
    expect(ids).not.toContain('');
  });
});
