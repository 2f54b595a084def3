import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../test/support/fixed-clock.ts';
import { RecipientLimit } from './recipient-limit.ts';

describe('RecipientLimit', () => {
  it('lets each address have its share per hour, counted separately, and again once an hour has passed', () => {
    const clock = new FixedClock('2022-10-18T14:00:00Z');
    const limit = new RecipientLimit(2, clock);
    expect(['a', 'a', 'a', 'b'].map((email) => limit.take(email))).toEqual([true, true, false, true]);
    clock.set('2022-10-18T14:30:00Z');
    expect(limit.take('a')).toBe(false);
    clock.set('2022-10-18T15:01:00Z');
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, false]);
  });
});
