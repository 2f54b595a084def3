import { describe, expect, it } from 'vitest';
import {
  applied,
  attendee,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
  smallEvent,
  tcModerator,
} from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { unbookSlot } from '../booking/unbook-slot.ts';
import type { Actor } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { JointCaps } from '../model/session.ts';
import { answerInvitation } from './answer-invitation.ts';
import { editSession } from './edit-session.ts';
import { checkInsDuring, eventReport } from './event-report.ts';
import { inviteTeam } from './invite-team.ts';
import { recordHeadcount } from './record-headcount.ts';
import { sessionsOf, teamsOf } from './sessions.ts';
import { setSummary } from './set-summary.ts';

/** The small event (caps 3 h a day, 5 h in all) under a joint-caps rule. */
function eventWith(jointCaps: JointCaps): EventState {
  const state = buildEventState({ ...smallEvent, rules: { ...smallEvent.rules, jointCaps } });
  return state;
}

function book(state: EventState, team: string, room: string, slots: string[], actor: Actor): EventState {
  return slots.reduce(
    (current, slot) => applied(current, bookSlot(current, { team, room, slot }, ctxOf(actor))),
    state,
  );
}

/** nova holds bexar Mon 13–15; cinder holds austin Mon 15. */
function withNovaSession(jointCaps: JointCaps = 'host'): EventState {
  const state = book(eventWith(jointCaps), 'nova', 'bexar', ['mon13', 'mon14'], novaModerator);
  return book(state, 'cinder', 'austin', ['mon15'], cinderModerator);
}

function invited(state: EventState, guest = 'cinder'): EventState {
  return applied(state, inviteTeam(state, { session: 'bexar-mon13', guest }, ctxOf(novaModerator)));
}

function joined(state: EventState, guest = 'cinder', actor: Actor = cinderModerator): EventState {
  return applied(
    invited(state, guest),
    answerInvitation(
      invited(state, guest),
      { session: 'bexar-mon14', team: guest, accept: true },
      ctxOf(actor),
    ),
  );
}

describe('sessions', () => {
  it('makes one session of a team’s back-to-back bookings in one room, named by its earliest booking', () => {
    const state = withNovaSession();
    const sessions = sessionsOf(state);
    expect(
      sessions.map((session) => [session.hostId, session.start, session.end, session.bookings.length]),
    ).toEqual([
      [state.teams[0]?.id, '2022-10-17T13:00:00Z', '2022-10-17T15:00:00Z', 2],
      [state.teams[1]?.id, '2022-10-17T15:00:00Z', '2022-10-17T16:00:00Z', 1],
    ]);
    expect(sessions[0]?.id).toBe(state.bookings[0]?.id);
  });

  it('lets the host’s moderator set a title, an agenda and links, named by any of its cells', () => {
    const state = withNovaSession();
    const decision = editSession(
      state,
      {
        session: 'bexar-mon14',
        title: 'Live migration',
        agenda: '- TLS\n- postcopy',
        recordingUrl: 'https://video.example.org/rec/1',
      },
      ctxOf(novaModerator),
    );
    expect(decision).toMatchObject({
      ok: true,
      reply:
        'bexar on Mon 17 Oct 13:00–15:00 UTC: title set to "Live migration"; agenda saved; recording set to https://video.example.org/rec/1.',
    });
    const [session] = sessionsOf(applied(state, decision));
    expect(session?.record).toMatchObject({
      title: 'Live migration',
      agenda: '- TLS\n- postcopy',
      etherpadUrl: null,
    });
  });

  it('refuses edits from other teams’ moderators (forbidden), links that are not http(s) and 10 kB titles, storing nothing', () => {
    const state = withNovaSession();
    expect(
      editSession(state, { session: 'bexar-mon13', title: 'Mine' }, ctxOf(cinderModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(
      editSession(
        state,
        { session: 'bexar-mon13', recordingUrl: 'javascript:alert(1)' },
        ctxOf(novaModerator),
      ),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_url' },
    });
    expect(
      editSession(state, { session: 'bexar-mon13', title: 'x'.repeat(10_000) }, ctxOf(novaModerator)),
    ).toEqual({
      ok: false,
      refusal: { code: 'invalid_input', message: 'The title is too long: at most 200 characters.' },
    });
    expect(
      editSession(state, { session: 'bexar-tue13', title: 'Nothing there' }, ctxOf(novaModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'unknown_session' },
    });
  });

  it('keeps a session’s record when the booking it is kept under is released', () => {
    const state = withNovaSession();
    const titled = applied(
      state,
      editSession(state, { session: 'bexar-mon13', title: 'Kept' }, ctxOf(novaModerator)),
    );
    const released = applied(
      titled,
      unbookSlot(titled, { room: 'bexar', slot: 'mon13' }, ctxOf(novaModerator)),
    );
    const [session] = sessionsOf(released);
    expect(session?.record?.title).toBe('Kept');
    expect(session?.start).toBe('2022-10-17T14:00:00Z');
  });
});

describe('joint sessions', () => {
  it('invites a team; it is not in the session until a moderator of it accepts', () => {
    const state = withNovaSession();
    const decision = inviteTeam(state, { session: 'bexar-mon13', guest: 'tc' }, ctxOf(novaModerator));
    expect(decision).toMatchObject({
      ok: true,
      reply:
        "Invited tc to nova's session in bexar on Mon 17 Oct 13:00–15:00 UTC; a moderator of tc can accept or decline.",
    });
    const after = applied(state, decision);
    expect(teamsOf(sessionsOf(after)[0]!)).toEqual([state.teams[0]?.id]);
    const accepted = applied(
      after,
      answerInvitation(after, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(tcModerator)),
    );
    expect(teamsOf(sessionsOf(accepted)[0]!)).toEqual([state.teams[0]?.id, state.teams[2]?.id]);
  });

  it('lets an organiser accept for the invited team', () => {
    const after = invited(withNovaSession(), 'tc');
    expect(
      answerInvitation(after, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(organizer)).ok,
    ).toBe(true);
  });

  it('refuses an answer from anyone else (forbidden) and from a team never invited (not_invited)', () => {
    const after = invited(withNovaSession(), 'tc');
    expect(
      answerInvitation(after, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(novaModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(
      answerInvitation(
        after,
        { session: 'bexar-mon13', team: 'cinder', accept: true },
        ctxOf(cinderModerator),
      ),
    ).toEqual({
      ok: false,
      refusal: {
        code: 'not_invited',
        message: 'cinder has no open invitation to bexar on Mon 17 Oct 13:00–15:00 UTC.',
      },
    });
    expect(
      answerInvitation(after, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(attendee)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
  });

  it('declines: the team stays out, and may be invited again', () => {
    const after = invited(withNovaSession(), 'tc');
    const declined = applied(
      after,
      answerInvitation(after, { session: 'bexar-mon13', team: 'tc', accept: false }, ctxOf(tcModerator)),
    );
    expect(teamsOf(sessionsOf(declined)[0]!)).toHaveLength(1);
    expect(sessionsOf(declined)[0]?.record?.guests).toMatchObject([{ status: 'declined' }]);
    expect(
      answerInvitation(declined, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(tcModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'not_invited' },
    });
    expect(inviteTeam(declined, { session: 'bexar-mon13', guest: 'tc' }, ctxOf(novaModerator)).ok).toBe(true);
  });

  it('refuses to invite a team that meets elsewhere during the session (team_busy), the host itself, or a requested team', () => {
    const state = book(withNovaSession(), 'cinder', 'austin', ['mon14'], cinderModerator);
    expect(inviteTeam(state, { session: 'bexar-mon13', guest: 'cinder' }, ctxOf(novaModerator))).toEqual({
      ok: false,
      refusal: {
        code: 'team_busy',
        message: 'cinder already meets in austin on Mon 17 Oct 14:00–15:00 UTC.',
      },
    });
    expect(inviteTeam(state, { session: 'bexar-mon13', guest: 'nova' }, ctxOf(novaModerator))).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_input' },
    });
    expect(
      inviteTeam(state, { session: 'bexar-mon13', guest: 'pending' }, ctxOf(novaModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'team_not_approved' },
    });
  });

  it('refuses to accept when the team has booked elsewhere since the invitation (team_busy)', () => {
    const after = invited(withNovaSession(), 'tc');
    const busy = book(after, 'tc', 'austin', ['mon13'], tcModerator);
    expect(
      answerInvitation(busy, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(tcModerator)),
    ).toEqual({
      ok: false,
      refusal: { code: 'team_busy', message: 'tc already meets in austin on Mon 17 Oct 13:00–14:00 UTC.' },
    });
  });

  it('refuses a guest’s own booking while it is in a joint session, naming the session (team_busy)', () => {
    const state = joined(withNovaSession(), 'tc', tcModerator);
    expect(bookSlot(state, { team: 'tc', room: 'austin', slot: 'mon14' }, ctxOf(tcModerator))).toEqual({
      ok: false,
      refusal: {
        code: 'team_busy',
        message: "tc is in nova's joint session in bexar on Mon 17 Oct 14:00–15:00 UTC.",
      },
    });
  });

  it('refuses to lengthen a joint session into an hour a guest meets elsewhere (team_busy)', () => {
    const state = joined(withNovaSession());
    expect(bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon15' }, ctxOf(novaModerator))).toEqual({
      ok: false,
      refusal: {
        code: 'team_busy',
        message: 'cinder already meets in austin on Mon 17 Oct 15:00–16:00 UTC.',
      },
    });
  });

  it('counts joint time against the host only under the host rule', () => {
    // tc: 3 h booked on Monday (the daily cap) and 2 h more in nova's session.
    const state = book(withNovaSession('host'), 'tc', 'Ballroom A', ['mon15', 'mon16', 'tue13'], tcModerator);
    const joinedState = joined(book(state, 'tc', 'austin', ['tue14'], tcModerator), 'tc', tcModerator);
    expect(teamsOf(sessionsOf(joinedState)[0]!)).toHaveLength(2);
    expect(bookSlot(joinedState, { team: 'tc', room: 'austin', slot: 'tue15' }, ctxOf(tcModerator)).ok).toBe(
      true,
    );
  });

  it('counts joint time against every team under the every-team rule (daily_cap, total_cap), which organisers may set aside', () => {
    const busyDay = invited(
      book(withNovaSession('every-team'), 'tc', 'Ballroom A', ['mon15', 'mon16'], tcModerator),
      'tc',
    );
    expect(
      answerInvitation(busyDay, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(tcModerator)),
    ).toEqual({
      ok: false,
      refusal: {
        code: 'daily_cap',
        message:
          'tc would have 4 h on Mon 17 Oct (UTC) with this joint session; the daily limit is 3 h, and joint time counts for every team at this event.',
      },
    });
    expect(
      answerInvitation(
        busyDay,
        { session: 'bexar-mon13', team: 'tc', accept: true, override: true },
        ctxOf(organizer),
      ),
    ).toMatchObject({
      ok: true,
      reply: expect.stringContaining('(set aside: daily_cap)'),
    });
    const busyWeek = invited(
      book(
        withNovaSession('every-team'),
        'tc',
        'Ballroom A',
        ['tue13', 'tue14', 'tue15', 'mon16'],
        tcModerator,
      ),
      'tc',
    );
    expect(
      answerInvitation(busyWeek, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(tcModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'total_cap' },
    });
    const joined3h = book(
      joined(withNovaSession('every-team'), 'tc', tcModerator),
      'tc',
      'Ballroom A',
      ['mon15'],
      tcModerator,
    );
    expect(
      bookSlot(joined3h, { team: 'tc', room: 'Ballroom A', slot: 'mon16' }, ctxOf(tcModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'daily_cap' },
    });
  });
});

describe('head-counts and summaries', () => {
  const during = '2022-10-17T14:30:00Z';

  it('refuses session changes and head-counts once the event is archived (event_archived), but still takes summaries', () => {
    const live = invited(withNovaSession(), 'tc');
    const archived = { ...live, event: { ...live.event, status: 'archived' as const } };
    const refusals = [
      editSession(archived, { session: 'bexar-mon13', title: 'Late' }, ctxOf(novaModerator)),
      inviteTeam(archived, { session: 'bexar-mon13', guest: 'cinder' }, ctxOf(novaModerator)),
      answerInvitation(archived, { session: 'bexar-mon13', team: 'tc', accept: true }, ctxOf(tcModerator)),
      recordHeadcount(archived, { session: 'bexar-mon13', count: 4 }, ctxOf(novaModerator, during)),
    ];
    expect(refusals.map((decision) => !decision.ok && decision.refusal.code)).toEqual([
      'event_archived',
      'event_archived',
      'event_archived',
      'event_archived',
    ]);
    expect(
      setSummary(
        archived,
        { team: 'nova', summaryUrl: 'https://lists.example.org/nova' },
        ctxOf(novaModerator),
      ).ok,
    ).toBe(true);
  });

  it('records a head-count from a moderator of any team in the session, once it has started', () => {
    const state = joined(withNovaSession(), 'tc', tcModerator);
    const decision = recordHeadcount(
      state,
      { session: 'bexar-mon13', team: 'tc', count: 23 },
      ctxOf(tcModerator, during),
    );
    expect(decision).toMatchObject({
      ok: true,
      reply: 'Recorded 23 people in bexar on Mon 17 Oct 13:00–15:00 UTC.',
    });
    expect(sessionsOf(applied(state, decision))[0]?.record?.headcount).toEqual({ count: 23, at: during });
    expect(recordHeadcount(state, { team: 'nova', count: 9 }, ctxOf(novaModerator, during))).toMatchObject({
      ok: true,
    });
  });

  it('refuses counts below zero or above 100,000, before the session, and from teams not in it', () => {
    const state = withNovaSession();
    for (const count of [-1, 100_001, 2.5]) {
      expect(recordHeadcount(state, { session: 'bexar-mon13', count }, ctxOf(novaModerator, during))).toEqual(
        {
          ok: false,
          refusal: { code: 'invalid_input', message: 'A head-count is a whole number from 0 to 100,000.' },
        },
      );
    }
    expect(recordHeadcount(state, { session: 'bexar-mon13', count: 5 }, ctxOf(novaModerator))).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_input' },
    });
    expect(
      recordHeadcount(
        state,
        { session: 'bexar-mon13', team: 'cinder', count: 5 },
        ctxOf(cinderModerator, during),
      ),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
  });

  it('links a team’s summary, refusing links that are not http(s)', () => {
    const state = withNovaSession();
    expect(
      setSummary(
        state,
        { team: 'nova', summaryUrl: 'https://lists.example.org/nova-ptg' },
        ctxOf(novaModerator),
      ),
    ).toMatchObject({
      ok: true,
      changes: [
        {
          type: 'summary.saved',
          summary: { summaryUrl: 'https://lists.example.org/nova-ptg', notesUrl: null },
        },
      ],
    });
    expect(
      setSummary(state, { team: 'nova', summaryUrl: 'ftp://example.org/x' }, ctxOf(novaModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_url' },
    });
    expect(
      setSummary(state, { team: 'nova', summaryUrl: 'https://example.org/x' }, ctxOf(cinderModerator)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
  });
});

describe('check-ins during a session', () => {
  it('counts people checked in with a team of the session while it ran, not before or after', () => {
    const state = joined(withNovaSession(), 'tc', tcModerator);
    const [entry] = eventReport(state, '2022-10-17T16:00:00Z').sessions;
    const [nova, , tc] = state.teams;
    const records = [
      { teamId: nova?.id ?? null, at: '2022-10-17T13:10:00Z', outAt: null },
      { teamId: tc?.id ?? null, at: '2022-10-17T12:00:00Z', outAt: '2022-10-17T13:30:00Z' },
      { teamId: tc?.id ?? null, at: '2022-10-17T11:00:00Z', outAt: '2022-10-17T12:00:00Z' },
      { teamId: nova?.id ?? null, at: '2022-10-17T15:00:00Z', outAt: null },
      { teamId: null, at: '2022-10-17T13:10:00Z', outAt: null },
    ];
    expect(entry?.teams.map((team) => team.slug)).toEqual(['nova', 'tc']);
    expect(checkInsDuring(records, entry!)).toBe(2);
  });
});
