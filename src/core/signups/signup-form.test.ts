import { describe, expect, it } from 'vitest';
import { buildEventState } from '../../../test/support/builders.ts';
import { helmForm } from '../../../test/support/signups.ts';
import { checkModerators, checkSignupForm } from './signup-form.ts';

const state = buildEventState();
const check = (overrides: Partial<typeof helmForm>) => checkSignupForm(state, { ...helmForm, ...overrides });

describe('checkSignupForm', () => {
  it('reads a complete form: numbers, windows in the event order, teams to avoid as ids', () => {
    const nova = state.teams.find((team) => team.slug === 'nova');
    expect(
      check({ avoidClashes: ['nova', ' nova '], video: 'own', videoUrl: 'https://meet.example.org/helm' }),
    ).toEqual({
      ok: true,
      value: {
        name: 'OpenStack Helm',
        kind: 'project',
        crossProject: false,
        moderators: [
          { email: 'ana@example.org', ircNick: 'ana_p' },
          { email: 'bo@example.org', ircNick: null },
        ],
        expectedAttendance: 12,
        hoursWanted: 4,
        preferredWindows: ['Americas / Europe'],
        avoidClashes: [nova?.id],
        onboarding: true,
        operatorHour: false,
        videoUrl: 'https://meet.example.org/helm',
        notes: 'We would like Tuesday.',
      },
    });
  });

  it.each([
    [{ name: '   ' }, 'invalid_input', 'The team name is empty.'],
    [{ name: 'x'.repeat(121) }, 'invalid_input', 'The team name is too long: at most 120 characters.'],
    [{ kind: 'band' }, 'invalid_input', 'Choose the kind of team: project, sig, working-group, other.'],
    [
      { expectedAttendance: '' },
      'invalid_input',
      'The expected attendance must be a whole number from 1 to 10000.',
    ],
    [
      { expectedAttendance: '2.5' },
      'invalid_input',
      'The expected attendance must be a whole number from 1 to 10000.',
    ],
    [{ hoursWanted: '6' }, 'invalid_input', 'The number of hours wanted must be a whole number from 1 to 5.'],
    [{ preferredWindows: ['Night'] }, 'invalid_input', '"Night" is not one of the event\'s windows.'],
    [{ avoidClashes: ['nowhere'] }, 'invalid_input', 'There is no team "nowhere" to avoid.'],
    [
      { video: 'own', videoUrl: '' },
      'invalid_url',
      'Give the link of your own video room, or choose the event’s rooms.',
    ],
    [
      { video: 'own', videoUrl: 'javascript:alert(1)' },
      'invalid_url',
      '"javascript:alert(1)" is not a full http(s) link.',
    ],
    [{ notes: 'n'.repeat(2001) }, 'invalid_input', 'The note is too long: at most 2000 characters.'],
    [
      { moderators: 'not an address' },
      'invalid_input',
      'Write one moderator a line: "not an address" names more than one.',
    ],
    [{ moderators: 'ana@example' }, 'invalid_input', '"ana@example" is not an e-mail address.'],
    [{ moderators: '<script>' }, 'invalid_input', '"<script>" is neither an e-mail address nor an IRC nick.'],
  ])('refuses %j (%s)', (overrides, code, message) => {
    expect(check(overrides)).toEqual({ ok: false, refusal: { code, message } });
  });
});

describe('checkModerators', () => {
  it('takes one person a line by e-mail, nick or both, once each, and at most ten', () => {
    expect(checkModerators('ana@example.org\n\n  bo_  \nANA@example.org, ana_p\nbo_')).toEqual({
      ok: true,
      value: [
        { email: 'ana@example.org', ircNick: null },
        { email: null, ircNick: 'bo_' },
      ],
    });
    const eleven = Array.from({ length: 11 }, (_, index) => `p${index}@example.org`).join('\n');
    expect(checkModerators(eleven)).toMatchObject({ ok: false, refusal: { code: 'invalid_input' } });
  });
});
