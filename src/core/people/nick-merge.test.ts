import { describe, expect, it } from 'vitest';
import { mergeCheckIn, mergeSubscription } from './nick-merge.ts';

const checkIn = (at: string, place: string) => ({ userId: 'nick:ana', teamId: null, place, at, outAt: null });

describe('mergeCheckIn', () => {
  it("makes the nick's check-in the account's when the account has none", () => {
    expect(mergeCheckIn(null, checkIn('2022-10-17T12:00:00Z', 'pub'), 'user-ana')).toEqual({
      ...checkIn('2022-10-17T12:00:00Z', 'pub'),
      userId: 'user-ana',
    });
  });

  it('keeps the later of two check-ins', () => {
    const account = { ...checkIn('2022-10-17T12:00:00Z', 'hall'), userId: 'user-ana' };
    expect(mergeCheckIn(account, checkIn('2022-10-17T11:00:00Z', 'pub'), 'user-ana')).toBeNull();
    expect(mergeCheckIn(account, checkIn('2022-10-17T13:00:00Z', 'pub'), 'user-ana')?.place).toBe('pub');
  });
});

describe('mergeSubscription', () => {
  it("takes the nick's subscription when the account has none", () => {
    expect(mergeSubscription(null, '/nova|neutron/')).toBe('/nova|neutron/');
  });

  it("adds the nick's words, phrases and teams the account lacks, once each", () => {
    expect(mergeSubscription('placement #nova', 'Placement "cell v2" #nova #neutron')).toBe(
      'placement #nova "cell v2" #neutron',
    );
  });

  it('changes nothing when the account already has every term', () => {
    expect(mergeSubscription('placement #nova', '#NOVA placement')).toBeNull();
  });

  it('keeps the account’s subscription when either is a regular expression', () => {
    expect(mergeSubscription('/place(ment)?/', 'backups')).toBeNull();
    expect(mergeSubscription('backups', '/place(ment)?/')).toBeNull();
  });

  it('keeps the account’s subscription when the two together would have too many terms', () => {
    const many = (prefix: string) => Array.from({ length: 15 }, (_, index) => `${prefix}${index}`).join(' ');
    expect(mergeSubscription(many('a'), many('b'))).toBeNull();
  });
});
