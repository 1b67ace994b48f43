import { describe, expect, it } from 'vitest';
import { balanceDirection, escapeForLog, isolateDirection, jsonWithEscapes, publishable, textProblem } from '../../src/domain/text';

describe('textProblem', () => {
  it('names the first control character, in the words a person reads', () => {
    expect(textProblem('reason', 'recount \u0008 note', { multiline: true, maxLength: 500 })).toBe(
      'reason contains a control character (U+0008) that cannot be published',
    );
    expect(textProblem('surname', 'Smith\u009B', { maxLength: 200 })).toBe('surname contains a control character (U+009B) that cannot be published');
  });

  it('lets a reason run over lines, and a name not', () => {
    expect(textProblem('reason', 'one\ntwo', { multiline: true, maxLength: 500 })).toBeNull();
    expect(textProblem('surname', 'one\ntwo', { maxLength: 200 })).toBe('surname contains a control character (U+000A) that cannot be published');
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(textProblem('reason', '😀'.repeat(500), { maxLength: 500 })).toBeNull();
    expect(textProblem('reason', 'a'.repeat(501), { maxLength: 500 })).toBe('reason must be at most 500 characters');
  });
});

describe('balanceDirection', () => {
  it.each([
    ['an override left open is closed at the end', 'abc\u202Edef', 'abc\u202Edef\u202C'],
    ['isolates and embeddings are closed innermost first', '\u2067x\u202By', '\u2067x\u202By\u202C\u2069'],
    ['a closer with nothing open is dropped', 'a\u202Cb\u2069c', 'abc'],
    ['a closer of the wrong kind is dropped', '\u2066a\u202Cb\u2069', '\u2066ab\u2069'],
    ['balanced text is unchanged', 'x\u202Ay\u202Cz', 'x\u202Ay\u202Cz'],
    ['text with no controls is unchanged', 'Mary O’Brien', 'Mary O’Brien'],
  ])('%s', (_, text, balanced) => {
    expect(balanceDirection(text)).toBe(balanced);
  });

  it('sets text holding a direction control apart in an isolate, and leaves plain text alone', () => {
    expect(isolateDirection('FORGED\u202E')).toBe('\u2068FORGED\u202E\u202C\u2069');
    expect(isolateDirection('\u200Fa')).toBe('\u2068\u200Fa\u2069');
    expect(isolateDirection('Luton')).toBe('Luton');
  });
});

describe('publishable', () => {
  it('removes control characters from old text, keeping a reason’s lines', () => {
    expect(publishable('a\u0000b\u0085c\r\nd', { multiline: true })).toBe('abc\nd');
    expect(publishable('a\nb\u202E')).toBe('ab\u202E\u202C');
  });
});

describe('escapeForLog', () => {
  it('keeps a value on its own line and its direction from running on', () => {
    expect(escapeForLog('typo fixed\n[social] posted Log: FORGED LINE\u202E')).toBe('typo fixed\\n[social] posted Log: FORGED LINE\\u{202e}');
    expect(escapeForLog('a\rb\u0000c\u2028d\\n')).toBe('a\\rb\\u{0}c\\u{2028}d\\\\n');
  });
});

describe('jsonWithEscapes', () => {
  it('writes controls and direction characters as escapes, and stays the same JSON', () => {
    const value = { reason: 'typo\u202Efixed\u0085', names: ['a\u2028b'] };
    const json = jsonWithEscapes(value);
    expect(json).toBe('{"reason":"typo\\u202efixed\\u0085","names":["a\\u2028b"]}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
