import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../utils/escape-regexp';

describe('escaping text for a regular expression', () => {
  it('matches any text literally, and only that text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, other) => {
        const exact = new RegExp(`^${escapeRegExp(text)}$`, 'u');
        expect(exact.test(text)).toBe(true);
        expect(exact.test(other)).toBe(other === text);
      }),
    );
  });

  it('escapes every character a pattern gives a meaning to', () => {
    expect(escapeRegExp('a.b*c+d?(e)[f]{g}|h^i$j\\k')).toBe(
      'a\\.b\\*c\\+d\\?\\(e\\)\\[f\\]\\{g\\}\\|h\\^i\\$j\\\\k',
    );
  });
});
