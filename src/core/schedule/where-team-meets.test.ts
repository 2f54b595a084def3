import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
} from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import type { Actor } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findRoom, findTeam } from '../model/lookup.ts';
import { whereTeamMeets, whoMeetsIn } from './where-team-meets.ts';

/** nova: bexar 13:00–15:00, austin 15:00–16:00 on Monday, bexar again Tuesday 14:00; cinder: bexar Monday 16:00. */
function week(): EventState {
  let state = buildEventState();
  const book = (actor: Actor, team: string, room: string, slot: string) => {
    state = applied(state, bookSlot(state, { team, room, slot }, ctxOf(actor)));
  };
  book(novaModerator, 'nova', 'bexar', 'mon13');
  book(novaModerator, 'nova', 'bexar', 'mon14');
  book(novaModerator, 'nova', 'austin', 'mon15');
  book(cinderModerator, 'cinder', 'bexar', 'mon16');
  book(novaModerator, 'nova', 'bexar', 'tue14');
  return state;
}

/** A meeting as "room start–end", short enough to compare whole answers. */
function describeMeeting(
  state: EventState,
  meeting: { roomId: string | null; start: string; end: string } | null,
) {
  if (!meeting) return null;
  const room = state.rooms.find((candidate) => candidate.id === meeting.roomId);
  return `${room?.slug} ${meeting.start.slice(5, 16)}–${meeting.end.slice(11, 16)}`;
}

function teamAt(state: EventState, team: string, at: string) {
  const answer = whereTeamMeets(state, findTeam(state, team)!.id, at);
  return { now: describeMeeting(state, answer.now), next: describeMeeting(state, answer.next) };
}

function roomAt(state: EventState, room: string, at: string) {
  const answer = whoMeetsIn(state, findRoom(state, room)!.id, at);
  const teamOf = (block: { teamId: string } | null) =>
    block ? state.teams.find((team) => team.id === block.teamId)?.slug : null;
  return {
    now: answer.now && `${teamOf(answer.now)} ${describeMeeting(state, answer.now)}`,
    next: answer.next && `${teamOf(answer.next)} ${describeMeeting(state, answer.next)}`,
  };
}

describe('where a team meets now and next', () => {
  it('names the room of the hour under way, not the room the team moves to later', () => {
    const state = week();
    expect(teamAt(state, 'nova', '2022-10-17T14:30:00Z')).toEqual({
      now: 'bexar 10-17T13:00–15:00',
      next: 'austin 10-17T15:00–16:00',
    });
    expect(teamAt(state, 'nova', '2022-10-17T15:00:00Z')).toEqual({
      now: 'austin 10-17T15:00–16:00',
      next: 'bexar 10-18T14:00–15:00',
    });
  });

  it('before the first meeting gives only the next one, after the last gives nothing', () => {
    const state = week();
    expect(teamAt(state, 'nova', '2022-10-17T08:00:00Z')).toEqual({
      now: null,
      next: 'bexar 10-17T13:00–15:00',
    });
    expect(teamAt(state, 'nova', '2022-10-18T15:00:00Z')).toEqual({ now: null, next: null });
    expect(teamAt(state, 'tc', '2022-10-17T14:00:00Z')).toEqual({ now: null, next: null });
  });

  it('gives a room the team meeting there now and the next meeting in it, whichever team holds it', () => {
    const state = week();
    expect(roomAt(state, 'bexar', '2022-10-17T14:00:00Z')).toEqual({
      now: 'nova bexar 10-17T13:00–15:00',
      next: 'cinder bexar 10-17T16:00–17:00',
    });
    expect(roomAt(state, 'bexar', '2022-10-17T15:30:00Z')).toEqual({
      now: null,
      next: 'cinder bexar 10-17T16:00–17:00',
    });
    expect(roomAt(state, 'austin', '2022-10-17T15:59:59Z')).toEqual({
      now: 'nova austin 10-17T15:00–16:00',
      next: null,
    });
  });

  it('agrees between team and room: the room a team meets in now has that team meeting now', () => {
    const state = week();
    for (const at of ['2022-10-17T13:00:00Z', '2022-10-17T15:10:00Z', '2022-10-18T14:20:00Z']) {
      const meeting = whereTeamMeets(state, findTeam(state, 'nova')!.id, at).now;
      expect(meeting).not.toBeNull();
      expect(whoMeetsIn(state, meeting!.roomId!, at).now).toEqual(meeting);
    }
  });
});
