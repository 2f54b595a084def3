import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, novaModerator, organizer } from '../../../test/support/builders.ts';
import { signedUp } from '../../../test/support/signups.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { withdrawTeam } from '../signups/withdraw-team.ts';
import { withdrawTeams } from './withdraw-teams.ts';

let state = buildEventState();
for (const slot of ['mon13', 'mon14'])
  state = applied(state, bookSlot(state, { team: 'nova', room: 'bexar', slot }, ctxOf(organizer)));
const during = '2022-10-17T13:30:00Z';

describe('withdrawTeams', () => {
  it('withdraws the team and releases only bookings of slots that have not started', () => {
    const decision = withdrawTeams(state, { teams: ['#NOVA'] }, ctxOf(organizer, during));
    expect(decision).toMatchObject({
      ok: true,
      changes: [
        { type: 'team.saved', team: { slug: 'nova', status: 'withdrawn' } },
        { type: 'booking.cancelled', bookingId: state.bookings[1]!.id, override: false },
      ],
      reply:
        'Withdrew Nova/Placement (nova) and released 1 booking (1 booking of started slots stay on record).',
    });
  });

  it('changes the same whether organisers withdraw from chat or from the review console', () => {
    const fromChat = withdrawTeams(state, { teams: ['nova'] }, ctxOf(organizer, during));
    const fromConsole = withdrawTeam(state, { team: 'nova' }, ctxOf(organizer, during));
    expect(fromConsole).toEqual(fromChat);
  });

  it('closes the team’s sign-up as withdrawn, so its lead sees what happened', () => {
    const withRequest = signedUp(state);
    const decision = withdrawTeams(withRequest, { teams: ['openstack-helm'] }, ctxOf(organizer, during));
    expect(decision).toMatchObject({
      ok: true,
      changes: [
        { type: 'team.saved', team: { slug: 'openstack-helm', status: 'withdrawn' } },
        { type: 'signup.saved', signup: { outcome: { kind: 'withdrawn', at: during, reason: null } } },
      ],
    });
  });

  it('refuses unknown or already withdrawn teams, all or nothing (unknown_team)', () => {
    expect(withdrawTeams(state, { teams: ['nova', 'glance'] }, ctxOf(organizer))).toMatchObject({
      ok: false,
      refusal: { code: 'unknown_team', message: 'There is no team "glance" in this event.' },
    });
    const gone = applied(state, withdrawTeams(state, { teams: ['cinder'] }, ctxOf(organizer)));
    expect(withdrawTeams(gone, { teams: ['cinder'] }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'unknown_team' },
    });
  });

  it('is for organisers only (forbidden)', () => {
    expect(withdrawTeams(state, { teams: ['nova'] }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });
});
