import { describe, expect, it } from 'vitest';
import { buildEventState, ctxOf, organizer } from '../../../test/support/builders.ts';
import { addTeams } from './add-teams.ts';

const state = buildEventState();

describe('addTeams', () => {
  it('adds several teams at once, each with the name as typed and a lower-case short name', () => {
    expect(addTeams(state, { names: ['TestTrack', '#OpenStack-Helm'] }, ctxOf(organizer))).toMatchObject({
      ok: true,
      changes: [
        {
          type: 'team.saved',
          team: { slug: 'testtrack', name: 'TestTrack', status: 'approved', kind: 'project' },
        },
        { type: 'team.saved', team: { slug: 'openstack-helm', name: 'OpenStack-Helm' } },
      ],
      reply: 'Added testtrack (TestTrack) as approved. Added openstack-helm (OpenStack-Helm) as approved.',
    });
  });

  it('adds nothing when one name cannot be a team (all or nothing)', () => {
    expect(addTeams(state, { names: ['Good', 'seen'] }, ctxOf(organizer))).toMatchObject({
      ok: false,
      refusal: {
        code: 'invalid_input',
        message: '"seen" is a chat command (#seen), so it cannot be a team\'s short name.',
      },
    });
  });
});
