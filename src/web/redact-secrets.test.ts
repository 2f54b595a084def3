import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.ts';

describe('redactSecrets', () => {
  it('keeps personal calendar secrets out of logged paths and leaves other paths alone', () => {
    expect(redactSecrets('/feeds/s3cr3t-value/calendar.ics?x=1')).toBe('/feeds/…/calendar.ics?x=1');
    expect(redactSecrets('/api/v1/events/oct2022-ptg/board')).toBe('/api/v1/events/oct2022-ptg/board');
  });
});
