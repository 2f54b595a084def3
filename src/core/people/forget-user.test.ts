import { describe, expect, it } from 'vitest';
import {
  attendee,
  buildEventState,
  ctxOf,
  novaModerator,
  organizer,
} from '../../../test/support/builders.ts';
import { lead, signedUp } from '../../../test/support/signups.ts';
import { forgetUser } from './forget-user.ts';

const state = signedUp(buildEventState());

describe('forgetUser', () => {
  it('takes the person off every team they moderate and every sign-up they are on', () => {
    const decision = forgetUser(state, { userId: 'user-nova' }, ctxOf(novaModerator));
    expect(
      decision.ok &&
        decision.changes.map(
          (change) => change.type === 'team.saved' && [change.team.slug, change.team.moderators],
        ),
    ).toEqual([
      ['nova', []],
      ['pending', []],
    ]);
    expect(forgetUser(state, { userId: 'user-lead' }, ctxOf(lead))).toMatchObject({
      ok: true,
      changes: [{ type: 'signup.saved', signup: { leadId: null, moderatorIds: ['user-ana', 'user-bo'] } }],
    });
  });

  it('changes nothing for a stranger, and lets nobody but the person or an organiser ask (forbidden)', () => {
    expect(forgetUser(state, { userId: 'user-attendee' }, ctxOf(attendee))).toEqual({
      ok: true,
      changes: [],
      reply: '',
    });
    expect(forgetUser(state, { userId: 'user-nova' }, ctxOf(attendee))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(forgetUser(state, { userId: 'user-nova' }, ctxOf(organizer)).ok).toBe(true);
  });
});
