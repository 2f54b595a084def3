import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import { findTeam } from '../model/lookup.ts';
import type { TeamInvitation } from '../model/team-invitation.ts';
import { officialList } from './official-list.ts';

/**
 * "Invited to sign up again": one invitation to the new event for each approved team of the earlier
 * one, holding its name, short name, kind, cross-project flag, moderators' addresses and its last
 * sign-up's hours, windows and teams avoided (as short names, since the new event's teams are new).
 * Moderators without a known address are left out.
 */
export function inviteTeams(
  source: EventState,
  into: {
    readonly eventId: string;
    readonly now: Instant;
    readonly newId: () => string;
    readonly addressOf: (userId: string) => string | undefined;
  },
): TeamInvitation[] {
  return officialList(source).map((team) => {
    const signup = source.signups[team.id];
    return {
      id: into.newId(),
      eventId: into.eventId,
      name: team.name,
      slug: team.slug,
      kind: team.kind,
      crossProject: team.crossProject,
      moderators: [...new Set(team.moderators.flatMap((id) => into.addressOf(id) ?? []))],
      hoursWanted: signup?.hoursWanted ?? null,
      preferredWindows: signup?.preferredWindows ?? [],
      avoidClashes: (signup?.avoidClashes ?? []).flatMap((id) => findTeam(source, id)?.slug ?? []),
      status: 'invited',
      teamId: null,
      createdAt: into.now,
      sentAt: null,
      answeredAt: null,
    };
  });
}
