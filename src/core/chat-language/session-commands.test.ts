import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  tcModerator,
} from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import type { Decision } from '../decision.ts';
import type { Actor } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { sessionsOf, teamsOf } from '../sessions/sessions.ts';
import { parseCommand } from './parse.ts';
import { runCommand } from './run.ts';

const during = '2022-10-17T14:20:00Z';

function say(state: EventState, text: string, actor: Actor, now = '2022-10-01T12:00:00Z'): Decision {
  const parsed = parseCommand(text, { bare: 'personal' });
  if (parsed.kind !== 'command') throw new Error(`not a command: ${text}`);
  const view = {
    state,
    mine: { checkIn: null, subscription: null, listed: false, channels: [] },
    seen: null,
  };
  const step = runCommand(parsed.command, view, ctxOf(actor, now, 'irc'));
  if (step.kind !== 'event') throw new Error('not an event command');
  return step.decide(state, ctxOf(actor, now, 'irc'));
}

function novaSession(): EventState {
  const state = buildEventState();
  return ['mon13', 'mon14'].reduce(
    (current, slot) =>
      applied(current, bookSlot(current, { team: 'nova', room: 'bexar', slot }, ctxOf(novaModerator))),
    state,
  );
}

describe('session commands', () => {
  it('sets a session’s title by any of its cells, and clears it with none', () => {
    const base = novaSession();
    const titled = applied(base, say(base, '#nova session bexar-mon14 title Live migration', novaModerator));
    expect(sessionsOf(titled)[0]?.record?.title).toBe('Live migration');
    const cleared = say(titled, '#nova session bexar-mon13 title none', novaModerator);
    expect(cleared).toMatchObject({ ok: true, reply: 'bexar on Mon 17 Oct 13:00–15:00 UTC: title cleared.' });
  });

  it('teaches the syntax for a field it does not know', () => {
    expect(say(novaSession(), '#nova session bexar-mon13 colour red', novaModerator)).toEqual({
      ok: false,
      refusal: {
        code: 'invalid_input',
        message:
          'Say what to set: title, agenda, etherpad or recording, like #nova session kilo-wed14 title Live migration.',
      },
    });
  });

  it('invites a team, which accepts from its own channel line; then either team’s count lands on the session', () => {
    const base = novaSession();
    let state = applied(base, say(base, '#nova invite bexar-mon13 #tc', novaModerator));
    state = applied(state, say(state, '#tc accept bexar-mon13', tcModerator));
    expect(teamsOf(sessionsOf(state)[0]!).length).toBe(2);
    const counted = say(state, '#tc count 23', tcModerator, during);
    expect(counted).toMatchObject({
      ok: true,
      reply: 'Recorded 23 people in bexar on Mon 17 Oct 13:00–15:00 UTC.',
    });
    expect(say(state, '#nova count 100001', novaModerator, during)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_input' },
    });
    expect(say(state, '#tc decline bexar-mon13', tcModerator)).toMatchObject({
      ok: true,
      reply: "tc left nova's session in bexar on Mon 17 Oct 13:00–15:00 UTC.",
    });
  });

  it('refuses an invitation from a team that is not the host (forbidden) and a summary that is not a link (invalid_url)', () => {
    expect(say(novaSession(), '#cinder invite bexar-mon13 #tc', cinderModerator)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(say(novaSession(), '#nova summary not-a-link', novaModerator)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_url' },
    });
  });

  it('refuses bad input with a clear reason: a team busy in the cell, counts out of range, links not http(s), titles over 200 characters, 10 kB lines', () => {
    const base = applied(
      novaSession(),
      bookSlot(novaSession(), { team: 'cinder', room: 'austin', slot: 'mon13' }, ctxOf(cinderModerator)),
    );
    const cases: [string, Actor, string, string][] = [
      ['#nova invite bexar-mon13 #cinder', novaModerator, '2022-10-01T12:00:00Z', 'team_busy'],
      ['#nova count -1', novaModerator, during, 'invalid_input'],
      ['#nova count 100001', novaModerator, during, 'invalid_input'],
      [
        '#nova session bexar-mon13 etherpad ftp://files.example.org/pad',
        novaModerator,
        during,
        'invalid_url',
      ],
      ['#nova session bexar-mon13 recording javascript:alert(1)', novaModerator, during, 'invalid_url'],
      [`#nova session bexar-mon13 title ${'x'.repeat(1_000)}`, novaModerator, during, 'invalid_input'],
    ];
    for (const [text, actor, now, code] of cases) {
      const answer = say(base, text, actor, now);
      expect([text.slice(0, 40), answer.ok, answer.ok ? null : answer.refusal.code]).toEqual([
        text.slice(0, 40),
        false,
        code,
      ]);
    }
    expect(
      parseCommand(`#nova session bexar-mon13 title ${'x'.repeat(10_000)}`, { bare: 'personal' }),
    ).toEqual({
      kind: 'hint',
      hint: 'That is too long for a command: at most 2000 characters.',
      team: null,
    });
  });
});
