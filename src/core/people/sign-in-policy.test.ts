import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './sign-in-policy.ts';

describe('safeReturnPath', () => {
  it('keeps paths on this site and turns everything else into the home page', () => {
    expect(safeReturnPath('/events/oct2022-ptg/register?x=1')).toBe('/events/oct2022-ptg/register?x=1');
    for (const outside of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      '/a\nb',
    ])
      expect(safeReturnPath(outside)).toBe('/');
  });

  it('percent-encodes characters beyond printable ASCII, so the path fits a Location header', () => {
    expect(safeReturnPath('/events/日本?q=é x')).toBe('/events/%E6%97%A5%E6%9C%AC?q=%C3%A9%20x');
    expect(safeReturnPath('/already/%E6%97%A5')).toBe('/already/%E6%97%A5');
    expect(safeReturnPath('/lone/\ud800')).toBe('/');
  });
});
