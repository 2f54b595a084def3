import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, novaModerator, organizer } from '../../../test/support/builders.ts';
import { signedUp } from '../../../test/support/signups.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { approveTeam } from '../signups/review-signup.ts';
import { changeTeam } from './change-team.ts';
import { setTeamStatus } from './team-status.ts';
import { withdrawTeams } from './withdraw-teams.ts';

const at = '2022-10-03T09:00:00Z';
const base = buildEventState();
const booked = applied(
  base,
  bookSlot(base, { team: 'nova', room: 'bexar', slot: 'tue13' }, ctxOf(organizer, at)),
);
const withRequest = signedUp(booked);

describe('setTeamStatus', () => {
  it('withdraws a team exactly as ~del does, releasing its bookings', () => {
    const patched = changeTeam(booked, { team: 'nova', status: 'withdrawn' }, ctxOf(organizer, at));
    expect(patched).toEqual(withdrawTeams(booked, { teams: ['nova'] }, ctxOf(organizer, at)));
    expect(patched).toMatchObject({
      ok: true,
      changes: [{ type: 'team.saved' }, { type: 'booking.cancelled' }],
    });
  });

  it('approves a signed-up team as the review does, with the moderators it named', () => {
    expect(
      setTeamStatus(withRequest, { team: 'openstack-helm', status: 'approved' }, ctxOf(organizer, at)),
    ).toEqual(approveTeam(withRequest, { team: 'openstack-helm' }, ctxOf(organizer, at)));
  });

  it('lists a withdrawn team again, and changes nothing for a team already in that status', () => {
    const gone = applied(
      booked,
      setTeamStatus(booked, { team: 'cinder', status: 'withdrawn' }, ctxOf(organizer, at)),
    );
    expect(setTeamStatus(gone, { team: 'cinder', status: 'approved' }, ctxOf(organizer, at))).toMatchObject({
      ok: true,
      changes: [{ type: 'team.saved', team: { slug: 'cinder', status: 'approved' } }],
    });
    expect(setTeamStatus(booked, { team: 'nova', status: 'approved' }, ctxOf(organizer, at))).toMatchObject({
      ok: true,
      changes: [],
    });
  });

  it('sends declining to the review, refuses a return to waiting (invalid_input), and is for organisers only', () => {
    const decline = setTeamStatus(
      withRequest,
      { team: 'openstack-helm', status: 'declined' },
      ctxOf(organizer, at),
    );
    expect(decline).toMatchObject({ ok: false, refusal: { code: 'invalid_input' } });
    const back = setTeamStatus(booked, { team: 'nova', status: 'requested' }, ctxOf(organizer, at));
    expect(back).toMatchObject({ ok: false, refusal: { code: 'invalid_input' } });
    const moderator = changeTeam(booked, { team: 'nova', status: 'withdrawn' }, ctxOf(novaModerator, at));
    expect(moderator).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });
});
