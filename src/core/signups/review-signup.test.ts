import { describe, expect, it } from 'vitest';
import {
  applied,
  attendee,
  buildEventState,
  ctxOf,
  novaModerator,
  organizer,
} from '../../../test/support/builders.ts';
import { helmForm, lead, signedUp } from '../../../test/support/signups.ts';
import { findTeam } from '../model/lookup.ts';
import { approveTeam, declineTeam, mergeTeam } from './review-signup.ts';
import { withdrawTeam } from './withdraw-team.ts';

const at = '2022-10-03T09:00:00Z';
const submitted = signedUp(
  signedUp(buildEventState()),
  { ...helmForm, name: 'OpenStack-Helm' },
  novaModerator,
);

describe('approveTeam', () => {
  it('puts the team on the official list with its lead and named moderators, and records the outcome', () => {
    const decision = approveTeam(submitted, { team: 'openstack-helm' }, ctxOf(organizer, at));
    expect(decision).toMatchObject({
      ok: true,
      changes: [
        {
          type: 'team.saved',
          team: {
            slug: 'openstack-helm',
            status: 'approved',
            moderators: ['user-lead', 'user-ana', 'user-bo'],
          },
        },
        {
          type: 'signup.saved',
          signup: { outcome: { kind: 'approved', at, reason: null, mergedInto: null } },
        },
      ],
      reply: 'Approved OpenStack Helm: openstack-helm is on the official list with 3 moderators.',
    });
  });

  it('keeps the moderators in the order a reload reads them, whatever order the sign-up named them in', () => {
    const approved = applied(
      submitted,
      approveTeam(submitted, { team: 'openstack-helm' }, ctxOf(organizer, at)),
    );
    expect(findTeam(approved, 'openstack-helm')?.moderators).toEqual(['user-ana', 'user-bo', 'user-lead']);
  });

  it('sets the team’s own video link from the sign-up', () => {
    const own = signedUp(buildEventState(), {
      ...helmForm,
      video: 'own',
      videoUrl: 'https://meet.example.org/helm',
    });
    const approved = applied(own, approveTeam(own, { team: 'openstack-helm' }, ctxOf(organizer, at)));
    expect(findTeam(approved, 'openstack-helm')?.videoUrl).toBe('https://meet.example.org/helm');
  });

  it('approves a requested team that came without a sign-up (an import)', () => {
    expect(approveTeam(submitted, { team: 'pending' }, ctxOf(organizer, at))).toMatchObject({
      ok: true,
      changes: [
        { type: 'team.saved', team: { slug: 'pending', status: 'approved', moderators: ['user-nova'] } },
      ],
    });
  });

  it('refuses anyone but organisers (forbidden), and a team already decided (signup_decided)', () => {
    expect(approveTeam(submitted, { team: 'openstack-helm' }, ctxOf(lead))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(approveTeam(submitted, { team: 'nova' }, ctxOf(organizer))).toEqual({
      ok: false,
      refusal: { code: 'signup_decided', message: 'Nova/Placement is approved, not waiting for review.' },
    });
    expect(approveTeam(submitted, { team: 'ghost' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'unknown_team' },
    });
  });
});

describe('declineTeam', () => {
  it('declines with the reason the lead will read', () => {
    expect(
      declineTeam(
        submitted,
        { team: 'openstack-helm', reason: ' Not an open-source team. ' },
        ctxOf(organizer, at),
      ),
    ).toMatchObject({
      ok: true,
      changes: [
        { type: 'team.saved', team: { status: 'declined' } },
        {
          type: 'signup.saved',
          signup: { outcome: { kind: 'declined', reason: 'Not an open-source team.' } },
        },
      ],
    });
  });

  it('needs a reason (invalid_input)', () => {
    expect(declineTeam(submitted, { team: 'openstack-helm', reason: '  ' }, ctxOf(organizer))).toEqual({
      ok: false,
      refusal: { code: 'invalid_input', message: 'The reason for declining is empty.' },
    });
  });
});

describe('mergeTeam', () => {
  it('closes the duplicate and carries its people into the other request', () => {
    const decision = mergeTeam(
      submitted,
      { team: 'openstack-helm-2', into: 'openstack-helm' },
      ctxOf(organizer, at),
    );
    const target = findTeam(submitted, 'openstack-helm');
    expect(decision).toMatchObject({
      ok: true,
      changes: [
        { type: 'team.saved', team: { slug: 'openstack-helm-2', status: 'declined' } },
        { type: 'signup.saved', signup: { outcome: { kind: 'merged', mergedInto: target?.id } } },
        {
          type: 'signup.saved',
          signup: { teamId: target?.id, moderatorIds: ['user-ana', 'user-bo', 'user-nova'] },
        },
      ],
      reply: 'Merged OpenStack-Helm (openstack-helm-2) into OpenStack Helm (openstack-helm).',
    });
  });

  it('grants the duplicate’s people on a team already on the official list', () => {
    const decision = mergeTeam(submitted, { team: 'openstack-helm', into: 'nova' }, ctxOf(organizer, at));
    expect(decision.ok && decision.changes[2]).toMatchObject({
      type: 'team.saved',
      team: { slug: 'nova', moderators: ['user-nova', 'user-lead', 'user-ana', 'user-bo'] },
    });
  });

  it('refuses merging into itself or into a declined team (invalid_input)', () => {
    expect(
      mergeTeam(submitted, { team: 'openstack-helm', into: 'openstack-helm' }, ctxOf(organizer)),
    ).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    const declined = applied(
      submitted,
      declineTeam(submitted, { team: 'openstack-helm-2', reason: 'Duplicate.' }, ctxOf(organizer)),
    );
    expect(
      mergeTeam(declined, { team: 'openstack-helm', into: 'openstack-helm-2' }, ctxOf(organizer)),
    ).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
  });
});

describe('withdrawTeam', () => {
  it('lets organisers withdraw an approved team, keeping its bookings, and tells the reason', () => {
    expect(
      withdrawTeam(submitted, { team: 'cinder', reason: 'The team cancelled.' }, ctxOf(organizer, at)),
    ).toEqual({
      ok: true,
      changes: [{ type: 'team.saved', team: { ...findTeam(submitted, 'cinder'), status: 'withdrawn' } }],
      reply: 'Withdrew Cinder (cinder).',
    });
  });

  it('lets a lead withdraw their own request, and nobody else’s (forbidden)', () => {
    expect(withdrawTeam(submitted, { team: 'openstack-helm' }, ctxOf(lead, at))).toMatchObject({
      ok: true,
      changes: [
        { team: { status: 'withdrawn' } },
        { signup: { outcome: { kind: 'withdrawn', reason: null } } },
      ],
    });
    expect(withdrawTeam(submitted, { team: 'openstack-helm' }, ctxOf(attendee))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(withdrawTeam(submitted, { team: 'nova' }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });
});
