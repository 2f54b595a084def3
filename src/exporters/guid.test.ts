import { describe, expect, it } from 'vitest';
import { guidFor, meetingGuid, uuidV5 } from './guid.ts';

describe('uuidV5', () => {
  it('gives the RFC 9562 name-based UUID (the DNS namespace example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives the same guid for the same name and different guids for different names', () => {
    expect(guidFor('a')).toBe(guidFor('a'));
    expect(meetingGuid('event', 'booking-1')).not.toBe(meetingGuid('event', 'booking-2'));
    expect(meetingGuid('event', 'booking-1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
