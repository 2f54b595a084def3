import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
} from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import type { EventState } from '../model/event-state.ts';
import { boardView } from './board-view.ts';
import { addMotd, cleanMotd, removeMotd, reorderMotd } from './motd.ts';
import { addNext, cleanBoard, maxNextItems, setNow } from './set-topics.ts';
import { topicExpiresAt } from './topic-expiry.ts';

/** nova meets in bexar 14:00–16:00 on Monday, then again at 16:00 in austin. */
function withNovaBlock(): EventState {
  let state = buildEventState();
  for (const [room, slot] of [
    ['bexar', 'mon14'],
    ['bexar', 'mon15'],
    ['austin', 'tue13'],
  ] as const) {
    state = applied(state, bookSlot(state, { team: 'nova', room, slot }, ctxOf(novaModerator)));
  }
  return state;
}

const at = (now: string) => ctxOf(novaModerator, now);

describe('now and next', () => {
  it('sets now with the time it was set, and clears the next list (ptgbot’s behaviour)', () => {
    let state = withNovaBlock();
    state = applied(
      state,
      addNext(state, { team: 'nova', text: 'Unified limits' }, at('2022-10-17T14:10:00Z')),
    );
    const decision = setNow(
      state,
      { team: '#Nova', text: '  Placement\tAPI  cleanup ' },
      at('2022-10-17T14:20:00Z'),
    );
    expect(decision).toEqual({
      ok: true,
      changes: [
        {
          type: 'board.now-set',
          teamId: state.teams[0]!.id,
          topic: { text: 'Placement API cleanup', at: '2022-10-17T14:20:00Z' },
        },
      ],
      reply: 'nova now: Placement API cleanup',
    });
    expect(applied(state, decision).board[state.teams[0]!.id]).toEqual({
      now: { text: 'Placement API cleanup', at: '2022-10-17T14:20:00Z' },
      next: [],
    });
  });

  it('appends to next in order, up to a bound', () => {
    let state = withNovaBlock();
    for (let index = 1; index <= maxNextItems; index++)
      state = applied(
        state,
        addNext(state, { team: 'nova', text: `Topic ${index}` }, at('2022-10-17T14:00:00Z')),
      );
    expect(state.board[state.teams[0]!.id]?.next.map((topic) => topic.text).slice(0, 2)).toEqual([
      'Topic 1',
      'Topic 2',
    ]);
    expect(addNext(state, { team: 'nova', text: 'One more' }, at('2022-10-17T14:00:00Z'))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
  });

  it('cleans both lists', () => {
    let state = withNovaBlock();
    state = applied(state, setNow(state, { team: 'nova', text: 'A' }, at('2022-10-17T14:00:00Z')));
    state = applied(state, cleanBoard(state, { team: 'nova' }, at('2022-10-17T14:01:00Z')));
    expect(state.board).toEqual({});
  });

  it('refuses empty and over-long topics, other teams’ moderators, and teams not on the list', () => {
    const state = withNovaBlock();
    expect(setNow(state, { team: 'nova', text: ' \n ' }, at('2022-10-17T14:00:00Z'))).toMatchObject({
      refusal: { code: 'invalid_input', message: 'The topic is empty.' },
    });
    expect(setNow(state, { team: 'nova', text: 'x'.repeat(401) }, at('2022-10-17T14:00:00Z'))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(setNow(state, { team: 'nova', text: 'x' }, ctxOf(cinderModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(setNow(state, { team: 'pending', text: 'x' }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'team_not_approved' },
    });
    expect(cleanBoard(state, { team: 'ghost' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'unknown_team' },
    });
  });
});

describe('topic expiry', () => {
  const state = withNovaBlock();
  const nova = state.teams[0]!.id;

  it('ends a topic with the booked block it was set in', () => {
    expect(topicExpiresAt(state, nova, '2022-10-17T14:30:00Z')).toBe('2022-10-17T16:00:00Z');
  });

  it('ends a topic set before a block with that block, the same UTC day', () => {
    expect(topicExpiresAt(state, nova, '2022-10-17T13:45:00Z')).toBe('2022-10-17T16:00:00Z');
  });

  it('ends a topic set outside any block at the end of the UTC day', () => {
    expect(topicExpiresAt(state, nova, '2022-10-17T16:30:00Z')).toBe('2022-10-18T00:00:00Z');
  });
});

describe('boardView', () => {
  it('shows live topics with the room the team is in, and hides them once their block ended', () => {
    let state = withNovaBlock();
    state = applied(state, setNow(state, { team: 'nova', text: 'Placement' }, at('2022-10-17T14:10:00Z')));
    state = applied(state, addNext(state, { team: 'nova', text: 'Limits' }, at('2022-10-17T14:11:00Z')));
    const during = boardView(state, '2022-10-17T15:30:00Z');
    expect(during.currentSlot?.code).toBe('mon15');
    expect(during.nextSlot?.code).toBe('mon16');
    expect(
      during.now.map((entry) => [entry.team.slug, entry.topic.text, entry.rooms.map((room) => room.slug)]),
    ).toEqual([['nova', 'Placement', ['bexar']]]);
    expect(during.next.map((entry) => entry.items.map((item) => item.text))).toEqual([['Limits']]);
    expect(during.validUntil).toBe('2022-10-17T16:00:00Z');
    const after = boardView(state, '2022-10-17T16:00:00Z');
    expect(after.now).toEqual([]);
    expect(after.next).toEqual([]);
  });

  it('shows a team meeting without a topic in its room, so every room in use appears', () => {
    let state = withNovaBlock();
    const quietAt = (now: string) =>
      boardView(state, now).quiet.map((entry) => [entry.team.slug, entry.room.slug]);
    expect(quietAt('2022-10-17T14:30:00Z')).toEqual([['nova', 'bexar']]);
    state = applied(state, setNow(state, { team: 'nova', text: 'Placement' }, at('2022-10-17T14:40:00Z')));
    expect(quietAt('2022-10-17T15:30:00Z')).toEqual([]);
    expect(boardView(state, '2022-10-17T15:30:00Z').now.map((entry) => entry.team.slug)).toEqual(['nova']);
    expect(quietAt('2022-10-18T13:10:00Z')).toEqual([['nova', 'austin']]);
    expect(quietAt('2022-10-17T16:10:00Z')).toEqual([]);
  });

  it('lists banners in order and drops expired ones', () => {
    let state = withNovaBlock();
    const ctx = ctxOf(organizer, '2022-10-17T10:00:00Z');
    state = applied(state, addMotd(state, { level: 'info', message: 'Welcome' }, ctx));
    state = applied(
      state,
      addMotd(state, { level: 'danger', message: 'Outage', expiresAt: '2022-10-17T12:00:00Z' }, ctx),
    );
    expect(boardView(state, '2022-10-17T11:00:00Z').motd.map((motd) => motd.message)).toEqual([
      'Welcome',
      'Outage',
    ]);
    expect(boardView(state, '2022-10-17T11:00:00Z').validUntil).toBe('2022-10-17T12:00:00Z');
    expect(boardView(state, '2022-10-17T12:00:00Z').motd.map((motd) => motd.message)).toEqual(['Welcome']);
  });
});

describe('banners (MOTD)', () => {
  const ctx = ctxOf(organizer, '2022-10-17T10:00:00Z');
  let state = buildEventState();
  for (const [level, message] of [
    ['info', 'One'],
    ['success', 'Two'],
    ['warning', 'Three'],
  ] as const)
    state = applied(state, addMotd(state, { level, message }, ctx));

  it('reorders by position and removes by position', () => {
    const reordered = applied(state, reorderMotd(state, { positions: [3, 1, 2] }, ctx));
    expect(reordered.motd.map((motd) => motd.message)).toEqual(['Three', 'One', 'Two']);
    expect(
      applied(reordered, removeMotd(reordered, { position: 1 }, ctx)).motd.map((motd) => motd.message),
    ).toEqual(['One', 'Two']);
    expect(applied(state, cleanMotd(state, ctx)).motd).toEqual([]);
  });

  it('refuses unknown levels, positions and incomplete orders, and anyone but organisers', () => {
    expect(addMotd(state, { level: 'LOUD', message: 'x' }, ctx)).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(
      addMotd(state, { level: 'info', message: 'x', expiresAt: '2022-10-17T09:00:00Z' }, ctx),
    ).toMatchObject({ refusal: { code: 'invalid_input' } });
    expect(removeMotd(state, { position: 4 }, ctx)).toEqual({
      ok: false,
      refusal: { code: 'unknown_motd', message: 'There is no banner 4; banners are numbered 1 to 3.' },
    });
    expect(reorderMotd(state, { positions: [1, 1, 2] }, ctx)).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(addMotd(state, { level: 'info', message: 'x' }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });
});
