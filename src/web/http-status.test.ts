import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refusalCodes } from '../core/errors.ts';
import { httpStatusOf } from './http-status.ts';

describe('the refusal catalogue', () => {
  it('gives every code a 4xx status, except unavailable: 503', () => {
    expect(httpStatusOf.unavailable).toBe(503);
    for (const code of Object.keys(refusalCodes) as (keyof typeof refusalCodes)[]) {
      if (code === 'unavailable') continue;
      expect(httpStatusOf[code], code).toBeGreaterThanOrEqual(400);
      expect(httpStatusOf[code], code).toBeLessThan(500);
    }
  });

  it('is documented in docs/errors.md, code by code, with the same status', () => {
    const text = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const documented = [...text.matchAll(/^\| `([a-z_]+)`\s*\| (\d{3})\s*\|/gm)].map((match) => [
      match[1],
      Number(match[2]),
    ]);
    expect(documented).toEqual(
      Object.keys(refusalCodes).map((code) => [code, httpStatusOf[code as keyof typeof refusalCodes]]),
    );
  });
});
