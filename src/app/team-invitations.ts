import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import { refusal } from '../core/errors.ts';
import { checkNotArchived } from '../core/event/archive.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { TeamInvitation } from '../core/model/team-invitation.ts';
import { checkOrganizer } from '../core/permissions.ts';
import { openInvitation } from '../core/signups/invitation-signup.ts';
import { inviteTeams } from '../core/signups/invite-teams.ts';
import { idMakerOf } from './context-of.ts';
import type { Mailing } from './mailing.ts';
import type { Runtime, Who } from './runtime.ts';

/**
 * Invites the approved teams of `source` to sign up again for the new event (`inviteTeams`), with
 * their moderators' addresses as they are now. Returns how many teams were invited.
 */
export async function inviteTeamsAgain(
  runtime: Runtime,
  source: EventState,
  event: EventInfo,
): Promise<number> {
  const ids = [...new Set(source.teams.flatMap((team) => team.moderators))];
  const addresses = new Map((await runtime.store.listUsers(ids)).map((user) => [user.id, user.email]));
  const invitations = inviteTeams(source, {
    eventId: event.id,
    now: runtime.clock.now(),
    newId: idMakerOf(runtime),
    addressOf: (id) => addresses.get(id),
  });
  await runtime.store.invitations.add(invitations);
  return invitations.length;
}

/** The event's invitations, for organisers. Refuses with `unauthenticated` or `forbidden`. */
export async function listInvitations(
  runtime: Runtime,
  who: Who,
  state: EventState,
): Promise<Checked<TeamInvitation[]>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  return passed(await runtime.store.invitations.list(state.event.id));
}

/**
 * An invitation of the event still open, for anyone signed in who holds its link (the link is the
 * secret: its id is random). Refuses with `unauthenticated`, `unknown_invitation` or
 * `invitation_answered`.
 */
export async function invitationToAnswer(
  runtime: Runtime,
  who: Who,
  state: EventState,
  id: string,
): Promise<Checked<TeamInvitation>> {
  if (!who.actor?.userId) return failed('unauthenticated', 'Sign in to answer the invitation.');
  const found = id.length > 0 && id.length <= 64 ? await runtime.store.invitations.find(id) : null;
  const open = openInvitation(state, found);
  return 'code' in open ? failedWith(open) : passed(open);
}

/**
 * The invited team will not meet this time: the invitation is marked declined and the team stays off
 * the event. Refuses like `invitationToAnswer`, and with `event_archived`.
 */
export async function declineInvitation(
  runtime: Runtime,
  who: Who,
  state: EventState,
  id: string,
): Promise<Checked<TeamInvitation>> {
  const archived = checkNotArchived(state.event, 'signup');
  if (archived) return failedWith(archived);
  const open = await invitationToAnswer(runtime, who, state, id);
  if (!open.ok) return open;
  const answered = await runtime.store.invitations.answer(id, { status: 'declined' }, runtime.clock.now());
  if (!answered) return failedWith(refusal('invitation_answered'));
  return open;
}

/** The sign-up form an invitation opens, prefilled from it. */
export function invitationUrl(
  links: Pick<Mailing, 'baseUrl'>,
  state: EventState,
  invitation: TeamInvitation,
): string {
  return `${links.baseUrl}/events/${encodeURIComponent(state.event.slug)}/signup?invitation=${encodeURIComponent(invitation.id)}`;
}
