import { describe, expect, it } from 'vitest';
import { nextCodeOfConduct } from './code-of-conduct.ts';

const v1 = { version: '1', url: null, text: 'Be kind.' };

describe('publishing a new Code of Conduct', () => {
  it('required at once, leaves no earlier version standing', () => {
    expect(nextCodeOfConduct({ ...v1, earlierAccepted: ['0'] }, { ...v1, version: '2' }, 'now')).toEqual({
      ...v1,
      version: '2',
    });
  });

  it('from the next registration, keeps the acceptances of the versions before', () => {
    const v2 = nextCodeOfConduct(v1, { ...v1, version: '2' }, 'next-registration');
    expect(v2).toEqual({ ...v1, version: '2', earlierAccepted: ['1'] });
    expect(nextCodeOfConduct(v2, { ...v1, version: '3' }, 'next-registration').earlierAccepted).toEqual([
      '1',
      '2',
    ]);
  });

  it('keeps what stands when only the text changes, and never lists the current version as earlier', () => {
    const v2 = { ...v1, version: '2', earlierAccepted: ['1'] };
    expect(nextCodeOfConduct(v2, { ...v1, version: '2', text: 'Be kinder.' }, 'now')).toEqual({
      ...v1,
      version: '2',
      text: 'Be kinder.',
      earlierAccepted: ['1'],
    });
    expect(nextCodeOfConduct(v2, { ...v1, version: '1' }, 'next-registration')).toEqual({
      ...v1,
      earlierAccepted: ['2'],
    });
  });
});
