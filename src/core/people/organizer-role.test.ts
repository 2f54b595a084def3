import { describe, expect, it } from 'vitest';
import { attendee, organizer } from '../../../test/support/builders.ts';
import { checkOrganizerChange } from './organizer-role.ts';

describe('who may make or remove organisers', () => {
  it('lets an organiser make someone an organiser', () => {
    expect(
      checkOrganizerChange(organizer, { organizer: true, targetIsOrganizer: false, organizers: 1 }),
    ).toBe(null);
  });

  it('refuses anyone else (forbidden) and nobody (unauthenticated)', () => {
    const input = { organizer: true, targetIsOrganizer: false, organizers: 1 };
    expect(checkOrganizerChange(attendee, input)?.code).toBe('forbidden');
    expect(checkOrganizerChange(null, input)?.code).toBe('unauthenticated');
  });

  it('removes an organiser while another one is left', () => {
    expect(
      checkOrganizerChange(organizer, { organizer: false, targetIsOrganizer: true, organizers: 2 }),
    ).toBe(null);
  });

  it('never removes the last organiser (last_organizer)', () => {
    expect(
      checkOrganizerChange(organizer, { organizer: false, targetIsOrganizer: true, organizers: 1 })?.code,
    ).toBe('last_organizer');
  });

  it('says so when the person to remove is not an organiser (unknown_user)', () => {
    expect(
      checkOrganizerChange(organizer, { organizer: false, targetIsOrganizer: false, organizers: 3 })?.code,
    ).toBe('unknown_user');
  });
});
