import { describe, expect, it } from 'vitest';
import {
  attendee,
  beforeEvent,
  buildEventState,
  ctxOf,
  novaModerator,
  organizer,
} from '../../../test/support/builders.ts';
import { helmForm, lead, signedUp } from '../../../test/support/signups.ts';
import { checkSignupForm, type SignupFormInput } from './signup-form.ts';
import { editSignup, submitSignup } from './submit-signup.ts';

const state = buildEventState();

function form(overrides: Partial<SignupFormInput> = {}) {
  const checked = checkSignupForm(state, { ...helmForm, ...overrides });
  if (!checked.ok) throw new Error(checked.refusal.message);
  return checked.value;
}

describe('submitSignup', () => {
  it('adds the team as requested and keeps the answers for review, with the lead apart from the moderators', () => {
    const decision = submitSignup(
      state,
      { form: form(), moderatorIds: ['user-ana', 'user-lead', 'user-bo'] },
      ctxOf(lead),
    );
    expect(decision).toMatchObject({
      ok: true,
      changes: [
        {
          type: 'team.saved',
          team: { slug: 'openstack-helm', name: 'OpenStack Helm', status: 'requested', moderators: [] },
        },
        {
          type: 'signup.saved',
          signup: {
            leadId: 'user-lead',
            moderatorIds: ['user-ana', 'user-bo'],
            expectedAttendance: 12,
            hoursWanted: 4,
            preferredWindows: ['Americas / Europe'],
            onboarding: true,
            operatorHour: false,
            videoUrl: null,
            notes: 'We would like Tuesday.',
            submittedAt: beforeEvent,
            outcome: null,
          },
        },
      ],
      reply: 'OpenStack Helm is signed up as openstack-helm; the organisers will review it.',
    });
  });

  it('gives a second "OpenStack-Helm" a numbered short name so it still reaches the review queue', () => {
    const twice = signedUp(signedUp(state), { ...helmForm, name: 'OpenStack-Helm' });
    expect(twice.teams.filter((team) => team.status === 'requested').map((team) => team.slug)).toEqual([
      'pending',
      'openstack-helm',
      'openstack-helm-2',
    ]);
  });

  it('refuses anyone not signed in (unauthenticated)', () => {
    expect(submitSignup(state, { form: form(), moderatorIds: [] }, ctxOf(null))).toMatchObject({
      ok: false,
      refusal: { code: 'unauthenticated' },
    });
  });

  it('refuses leads outside the sign-up dates but lets organisers in (signups_closed)', () => {
    const closed = {
      ...state,
      event: { ...state.event, signupClosesAt: '2022-09-30T00:00:00Z', contact: 'ptg@example.org' },
    };
    expect(submitSignup(closed, { form: form(), moderatorIds: [] }, ctxOf(lead))).toEqual({
      ok: false,
      refusal: {
        code: 'signups_closed',
        message: 'Team sign-up closed on Fri 30 Sep. Write to ptg@example.org to add a team late.',
      },
    });
    const notYet = { ...state, event: { ...state.event, signupOpensAt: '2022-10-02T09:00:00Z' } };
    expect(submitSignup(notYet, { form: form(), moderatorIds: [] }, ctxOf(lead))).toMatchObject({
      refusal: { code: 'signups_closed', message: 'Team sign-up opens on Sun 2 Oct at 09:00 UTC.' },
    });
    expect(submitSignup(closed, { form: form(), moderatorIds: [] }, ctxOf(organizer)).ok).toBe(true);
  });
});

describe('editSignup', () => {
  const submitted = signedUp(state);

  it('lets the lead change the answers and the name, which moves the short name along', () => {
    const decision = editSignup(
      submitted,
      {
        team: 'openstack-helm',
        form: form({ name: 'OpenStack Helm Charts', hoursWanted: '5' }),
        moderatorIds: [],
      },
      ctxOf(lead, '2022-10-02T10:00:00Z'),
    );
    expect(decision).toMatchObject({
      ok: true,
      changes: [
        { type: 'team.saved', team: { slug: 'openstack-helm-charts', name: 'OpenStack Helm Charts' } },
        {
          type: 'signup.saved',
          signup: { hoursWanted: 5, moderatorIds: [], updatedAt: '2022-10-02T10:00:00Z' },
        },
      ],
      reply: 'Saved the sign-up of OpenStack Helm Charts (now openstack-helm-charts).',
    });
  });

  it('refuses a new name whose short name is a chat command, as a new sign-up does (invalid_input)', () => {
    const refusal = {
      code: 'invalid_input',
      message: '"in" is a chat command (#in), so it cannot be a team\'s short name.',
    };
    expect(
      editSignup(
        submitted,
        { team: 'openstack-helm', form: form({ name: 'In' }), moderatorIds: [] },
        ctxOf(lead),
      ),
    ).toEqual({ ok: false, refusal });
    expect(submitSignup(state, { form: form({ name: 'In' }), moderatorIds: [] }, ctxOf(lead))).toEqual({
      ok: false,
      refusal,
    });
  });

  it('refuses other people (forbidden) and any change once the organisers decided (signup_decided)', () => {
    const edit = { team: 'openstack-helm', form: form(), moderatorIds: [] };
    expect(editSignup(submitted, edit, ctxOf(attendee))).toMatchObject({ refusal: { code: 'forbidden' } });
    expect(editSignup(submitted, edit, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(editSignup(submitted, edit, ctxOf(organizer)).ok).toBe(true);
    const team = submitted.teams.find((candidate) => candidate.slug === 'openstack-helm');
    const approved = {
      ...submitted,
      teams: submitted.teams.map((t) => (t === team ? { ...t, status: 'approved' as const } : t)),
    };
    expect(editSignup(approved, edit, ctxOf(lead))).toEqual({
      ok: false,
      refusal: {
        code: 'signup_decided',
        message: 'The organisers have already decided on OpenStack Helm; write to them to change it.',
      },
    });
  });
});
