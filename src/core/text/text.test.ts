import { describe, expect, it } from 'vitest';
import { count } from './count.ts';
import { describeDuration, describeInterval } from './describe-time.ts';
import { checkHttpUrl } from './http-url.ts';
import { checkLine, checkText } from './plain-text.ts';
import { isValidSlug, slugify } from './slugify.ts';
import { canonicalTimeZone, isTimeZone } from './time-zone.ts';

describe('checkLine and checkText', () => {
  it('refuse bidi controls, which could make a line show as something else (invalid_input)', () => {
    for (const text of ['Placement \u202emoc.live//:sptth', 'a\u202ab', 'a\u2066b\u2069', 'x\u202d'])
      expect([text, checkLine(text, 'topic', 200).ok, checkText(text, 'notes', 200).ok]).toEqual([
        text,
        false,
        false,
      ]);
    const refused = checkLine('Placement \u202emoc', 'topic', 200);
    expect(refused.ok ? null : refused.refusal).toEqual({
      code: 'invalid_input',
      message:
        'The topic cannot contain U+202E, a character that changes the direction of the text after it.',
    });
  });

  it('refuse a line that is empty once invisible characters are removed, and keep invisible joiners inside real text', () => {
    for (const text of ['\u200b\u200b', '\ufeff \u200d', '\u3164', '\u00ad\u2060', '\udb40\udc41'])
      expect([text, checkLine(text, 'topic', 200).ok]).toEqual([text, false]);
    expect(checkLine('\u200b', 'location', 200, true)).toEqual({ ok: true, value: '' });
    expect(checkLine('👩\u200d💻 review', 'topic', 200)).toEqual({ ok: true, value: '👩\u200d💻 review' });
    expect(checkLine('مرحبا', 'topic', 200)).toEqual({ ok: true, value: 'مرحبا' });
  });
});

describe('slugify', () => {
  it('lower-cases and turns punctuation and spaces into single hyphens', () => {
    expect(
      [
        'Nova/Placement',
        'OpenStack-Helm',
        'OpenStack Helm',
        'D&I WG',
        'Computing Force Network (CFN) Working Group',
        'Émile',
      ].map(slugify),
    ).toEqual([
      'nova-placement',
      'openstack-helm',
      'openstack-helm',
      'd-i-wg',
      'computing-force-network-cfn-working-group',
      'emile',
    ]);
    expect(['nova', 'a-b', 'Nova', '-a', 'a-', 'a b', ''].map(isValidSlug)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('checkLine', () => {
  it('turns control characters into spaces and collapses runs of spaces', () => {
    expect(checkLine('a\u0000b\r\nc\u2028  d', 'topic', 100)).toEqual({ ok: true, value: 'a b c d' });
  });
});

describe('checkHttpUrl', () => {
  it('accepts only absolute http(s) links', () => {
    expect(checkHttpUrl(' https://example.org/a b ')).toEqual({
      ok: true,
      value: 'https://example.org/a%20b',
    });
    for (const text of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:,x',
      'mailto:a@b.c',
      '/relative',
      'http://',
      `https://example.org/${'x'.repeat(2001)}`,
    ]) {
      expect(checkHttpUrl(text).ok, text).toBe(false);
    }
  });
});

describe('time in sentences', () => {
  it('speaks of durations and intervals as people do', () => {
    expect([45, 60, 90, 240].map(describeDuration)).toEqual(['45 min', '1 h', '1 h 30 min', '4 h']);
    expect(describeInterval('2022-10-18T15:00:00Z', '2022-10-18T16:00:00Z')).toBe(
      'Tue 18 Oct 15:00–16:00 UTC',
    );
  });
});

describe('time zones', () => {
  it('knows IANA zones in any case and spells each one way', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(isTimeZone('UTC')).toBe(true);
  });

  it('refuses names that are not zones, empty or too long', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(isTimeZone(`Europe/${'x'.repeat(80)}`)).toBe(false);
  });
});

describe('count', () => {
  it('gives the noun its plural unless the number is one', () => {
    expect([count(0, 'team'), count(1, 'team'), count(2, 'booked slot')]).toEqual([
      '0 teams',
      '1 team',
      '2 booked slots',
    ]);
  });
});
