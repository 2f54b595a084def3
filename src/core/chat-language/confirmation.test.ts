import { describe, expect, it } from 'vitest';
import { buildEventState, ctxOf, organizer } from '../../../test/support/builders.ts';
import { accept, refuse } from '../decision.ts';
import { confirmationCode, summariseChanges, withConfirmation } from './confirmation.ts';
import { parseCommand } from './parse.ts';

const state = buildEventState();
const nova = state.teams.find((team) => team.slug === 'nova')!;
const command = (text: string) => {
  const parsed = parseCommand(text, { bare: 'personal' });
  if (parsed.kind !== 'command') throw new Error(text);
  return parsed.command;
};
const effect = accept([{ type: 'board.cleaned', teamId: nova.id }], 'Cleared.');

describe('withConfirmation', () => {
  it('asks first, with a code bound to the organiser, the command and its effect', () => {
    const asked = withConfirmation(state, command('~newday'), ctxOf(organizer), effect);
    const code = confirmationCode(`user-organizer\n~newday\nclear the topics of 1 team`);
    expect(asked).toEqual({
      ok: false,
      refusal: {
        code: 'confirmation_required',
        message: `~newday would clear the topics of 1 team. To go ahead, send: ~newday confirm ${code}`,
      },
    });
    expect(withConfirmation(state, command(`~newday confirm ${code}`), ctxOf(organizer), effect)).toBe(
      effect,
    );
  });

  it('does not take another organiser’s code, nor one given for a different effect', () => {
    const code = confirmationCode(`user-organizer\n~newday\nclear the topics of 1 team`);
    const other = { userId: 'user-other', name: 'Other', isOrganizer: true };
    expect(withConfirmation(state, command(`~newday confirm ${code}`), ctxOf(other), effect)).toMatchObject({
      refusal: { code: 'confirmation_required' },
    });
    const bigger = accept([...effect.changes, { type: 'motd.removed', motdId: 'm1' }], 'Cleared.');
    expect(
      withConfirmation(state, command(`~newday confirm ${code}`), ctxOf(organizer), bigger),
    ).toMatchObject({
      refusal: {
        message: expect.stringMatching(/^That code does not match what the command would do now\./),
      },
    });
  });

  it('passes refusals and changes of nothing straight through', () => {
    const refused = refuse('forbidden');
    expect(withConfirmation(state, command('~newday'), ctxOf(organizer), refused)).toBe(refused);
    const nothing = accept([], 'The board is already clear.');
    expect(withConfirmation(state, command('~newday'), ctxOf(organizer), nothing)).toBe(nothing);
  });
});

describe('summariseChanges', () => {
  it('counts what would go, in words', () => {
    expect(
      summariseChanges(state, [
        { type: 'team.saved', team: { ...nova, status: 'withdrawn' } },
        { type: 'booking.cancelled', bookingId: 'b1', override: false },
        { type: 'booking.cancelled', bookingId: 'b2', override: false },
        { type: 'board.cleaned', teamId: nova.id },
        { type: 'motd.removed', motdId: 'm1' },
      ]),
    ).toBe('withdraw nova, release 2 bookings, clear the topics of 1 team and remove 1 banner');
    expect(summariseChanges(state, [])).toBe('change nothing');
  });
});
