import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, novaModerator, organizer } from '../../../test/support/builders.ts';
import { setOpenTeamUpdates } from './open-team-updates.ts';

const state = buildEventState();

describe('setOpenTeamUpdates', () => {
  it('opens and closes team updates to everyone recognised, saving the event', () => {
    const open = setOpenTeamUpdates(state, { open: true }, ctxOf(organizer));
    expect(open).toMatchObject({
      ok: true,
      changes: [{ type: 'event.saved', event: { openTeamUpdates: true } }],
    });
    const opened = applied(state, open);
    expect(setOpenTeamUpdates(opened, { open: true }, ctxOf(organizer))).toMatchObject({
      ok: true,
      changes: [],
    });
    expect(
      applied(opened, setOpenTeamUpdates(opened, { open: false }, ctxOf(organizer))).event.openTeamUpdates,
    ).toBe(false);
  });

  it('is for organisers only (forbidden)', () => {
    expect(setOpenTeamUpdates(state, { open: true }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });
});
