import { describe, expect, it } from 'vitest';
import { buildEventState, sequentialIds, signupAvoiding } from '../../../test/support/builders.ts';
import type { EventState } from '../model/event-state.ts';
import type { TeamInvitation } from '../model/team-invitation.ts';
import { invitedAnswers, openInvitation } from './invitation-signup.ts';
import { inviteTeams } from './invite-teams.ts';

const now = '2023-03-01T10:00:00Z';
const addresses: Record<string, string> = {
  'user-nova': 'nia@example.org',
  'user-tc': 'tess@example.org',
};

function earlierEvent(): EventState {
  const state = buildEventState();
  const team = (slug: string) => state.teams.find((candidate) => candidate.slug === slug)?.id ?? '';
  return {
    ...state,
    signups: {
      [team('nova')]: {
        ...signupAvoiding(team('nova'), [team('cinder'), team('tc')]),
        hoursWanted: 6,
        preferredWindows: ['Americas / Europe'],
      },
    },
  };
}

const invite = (source: EventState) =>
  inviteTeams(source, {
    eventId: 'event-new',
    now,
    newId: sequentialIds('invitation'),
    addressOf: (id) => addresses[id],
  });

describe('inviteTeams', () => {
  it('invites each approved team with its moderators’ addresses and its last answers as defaults', () => {
    const invitations = invite(earlierEvent());
    expect(invitations.map((invitation) => invitation.slug)).toEqual(['cinder', 'nova', 'tc']);
    expect(invitations[1]).toEqual({
      id: 'invitation-2',
      eventId: 'event-new',
      name: 'Nova/Placement',
      slug: 'nova',
      kind: 'project',
      crossProject: false,
      moderators: ['nia@example.org'],
      hoursWanted: 6,
      preferredWindows: ['Americas / Europe'],
      avoidClashes: ['cinder', 'tc'],
      status: 'invited',
      teamId: null,
      createdAt: now,
      sentAt: null,
      answeredAt: null,
    });
  });

  it('leaves out requested teams, and moderators without a known address; no sign-up means no answers', () => {
    const invitations = invite(earlierEvent());
    expect(invitations.some((invitation) => invitation.slug === 'pending')).toBe(false);
    expect(invitations[0]).toMatchObject({
      slug: 'cinder',
      moderators: [],
      hoursWanted: null,
      preferredWindows: [],
      avoidClashes: [],
    });
    expect(invitations[2]).toMatchObject({
      slug: 'tc',
      crossProject: true,
      moderators: ['tess@example.org'],
    });
  });
});

describe('openInvitation', () => {
  const state = buildEventState();
  const invitation = (status: TeamInvitation['status']): TeamInvitation => ({
    ...(invite(earlierEvent())[1] as TeamInvitation),
    eventId: state.event.id,
    status,
  });

  it('gives an invitation of this event still waiting for its answer', () => {
    expect(openInvitation(state, invitation('invited'))).toEqual(invitation('invited'));
  });

  it('refuses an unknown invitation, or another event’s (unknown_invitation)', () => {
    expect(openInvitation(state, null)).toMatchObject({ code: 'unknown_invitation' });
    expect(openInvitation(state, { ...invitation('invited'), eventId: 'elsewhere' })).toMatchObject({
      code: 'unknown_invitation',
    });
  });

  it('refuses an invitation already used to sign up, or declined (invitation_answered)', () => {
    expect(openInvitation(state, invitation('signed-up'))).toEqual({
      code: 'invitation_answered',
      message: 'Nova/Placement has already signed up with this invitation.',
    });
    expect(openInvitation(state, invitation('declined'))).toMatchObject({ code: 'invitation_answered' });
  });
});

describe('invitedAnswers', () => {
  it('fills the form in with the team and its last answers, keeping only windows and teams this event has', () => {
    const state = buildEventState();
    const invitation: TeamInvitation = {
      ...(invite(earlierEvent())[1] as TeamInvitation),
      moderators: ['nia@example.org', 'ned@example.org'],
      preferredWindows: ['Americas / Europe', 'Gone'],
      avoidClashes: ['cinder', 'pending', 'nobody'],
    };
    expect(invitedAnswers(state, invitation)).toEqual({
      name: 'Nova/Placement',
      kind: 'project',
      crossProject: false,
      moderators: 'nia@example.org\nned@example.org',
      hoursWanted: '6',
      preferredWindows: ['Americas / Europe'],
      avoidClashes: ['cinder', 'pending'],
    });
    expect(invitedAnswers(state, { ...invitation, hoursWanted: null }).hoursWanted).toBe('');
  });
});
