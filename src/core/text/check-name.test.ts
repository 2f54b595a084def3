import { describe, expect, it } from 'vitest';
import { checkName } from './check-name.ts';

describe('checkName', () => {
  it('refuses names holding HTML tags (invalid_input) and keeps other angle brackets', () => {
    expect(checkName('<script>alert(1)</script>', 'team name', 120)).toEqual({
      ok: false,
      refusal: { code: 'invalid_input', message: 'The team name cannot contain HTML tags such as <script>.' },
    });
    expect(checkName('Nova <img src=x onerror=alert(1)>', 'name', 120)).toMatchObject({ ok: false });
    expect(checkName('Team <x onmouseover=alert(1)>', 'name', 120)).toMatchObject({ ok: false });
    expect(checkName('Team <x/onclick=alert(1)>', 'name', 120)).toMatchObject({ ok: false });
    expect(checkName('<a/b/onfocus=alert(1) autofocus>', 'name', 120)).toMatchObject({ ok: false });
    for (const fine of [
      'a < b and c > d, see <https://example.org/x>',
      'R & <D>',
      'R&D <"Lab">',
      'Q&A <br-team>',
    ])
      expect(checkName(fine, 'name', 120)).toEqual({ ok: true, value: fine });
  });

  it('checks the line like any other: empty and too long are refused', () => {
    expect(checkName('  ', 'room name', 80)).toMatchObject({
      refusal: { message: 'The room name is empty.' },
    });
    expect(checkName('x'.repeat(81), 'room name', 80)).toMatchObject({ refusal: { code: 'invalid_input' } });
  });
});
