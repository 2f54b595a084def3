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
});
