import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, novaModerator, organizer } from '../../../test/support/builders.ts';
import { updateTeamLinks } from '../teams/team-links.ts';
import { cleanBoards, startNewDay } from './new-day.ts';
import { setNow } from './set-topics.ts';

let state = buildEventState();
state = applied(state, setNow(state, { team: 'nova', text: 'Placement' }, ctxOf(novaModerator)));
state = applied(state, updateTeamLinks(state, { team: 'cinder', location: 'Room 3' }, ctxOf(organizer)));
const id = (slug: string) => state.teams.find((team) => team.slug === slug)!.id;

describe('startNewDay', () => {
  it('clears every team’s topics and locations', () => {
    const fresh = applied(state, startNewDay(state, ctxOf(organizer)));
    expect(fresh.board).toEqual({});
    expect(fresh.teams.every((team) => team.location === null)).toBe(true);
  });

  it('is for organisers only (forbidden)', () => {
    expect(startNewDay(state, ctxOf(novaModerator))).toMatchObject({ refusal: { code: 'forbidden' } });
  });
});

describe('cleanBoards', () => {
  it('clears the teams named that have topics, for organisers, whoever moderates them', () => {
    expect(cleanBoards(state, { teams: ['nova', 'cinder', 'NOVA'] }, ctxOf(organizer))).toEqual({
      ok: true,
      changes: [{ type: 'board.cleaned', teamId: id('nova') }],
      reply: 'Cleared the topics of nova.',
    });
    expect(cleanBoards(state, { teams: ['nova'] }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(cleanBoards(state, { teams: ['glance'] }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'unknown_team' },
    });
  });
});
