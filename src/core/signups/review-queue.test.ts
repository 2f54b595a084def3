import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, novaModerator, organizer } from '../../../test/support/builders.ts';
import { helmForm, signedUp } from '../../../test/support/signups.ts';
import { findTeam } from '../model/lookup.ts';
import { reviewQueue } from './review-queue.ts';
import { declineTeam } from './review-signup.ts';

describe('reviewQueue', () => {
  it('lists requests in arrival order, flagging "OpenStack Helm" and "OpenStack-Helm" as each other’s duplicates', () => {
    const state = signedUp(
      signedUp(buildEventState()),
      { ...helmForm, name: 'OpenStack-Helm' },
      novaModerator,
    );
    const queue = reviewQueue(state);
    expect(
      queue.waiting.map((item) => [
        item.team.slug,
        item.signup !== null,
        item.duplicates.map((team) => team.slug),
      ]),
    ).toEqual([
      ['pending', false, []],
      ['openstack-helm', true, ['openstack-helm-2']],
      ['openstack-helm-2', true, ['openstack-helm']],
    ]);
    expect(queue.decided).toEqual([]);
  });

  it('moves decided sign-ups to the history, latest first', () => {
    let state = signedUp(signedUp(buildEventState()), { ...helmForm, name: 'Kolla' });
    state = applied(
      state,
      declineTeam(state, { team: 'openstack-helm', reason: 'No.' }, ctxOf(organizer, '2022-10-02T00:00:00Z')),
    );
    state = applied(
      state,
      declineTeam(state, { team: 'kolla', reason: 'No.' }, ctxOf(organizer, '2022-10-03T00:00:00Z')),
    );
    expect(reviewQueue(state).decided.map((item) => item.team.slug)).toEqual(['kolla', 'openstack-helm']);
    expect(reviewQueue(state).waiting.map((item) => item.team.slug)).toEqual(['pending']);
    expect(findTeam(state, 'kolla')?.status).toBe('declined');
  });
});
