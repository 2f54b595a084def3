import { type Refusal, refusal } from './errors.ts';
import type { Actor } from './model/actor.ts';
import type { EventInfo } from './model/event.ts';
import type { Team } from './model/team.ts';

export function isOrganizer(actor: Actor | null): boolean {
  return actor?.isOrganizer === true;
}

export function moderatesTeam(actor: Actor | null, team: Team): boolean {
  return actor?.userId != null && team.moderators.includes(actor.userId);
}

/** Rule 6: only the team's moderators or an organiser act for a team. */
export function canManageTeam(actor: Actor | null, team: Team): boolean {
  return isOrganizer(actor) || moderatesTeam(actor, team);
}

/** `unauthenticated` without an actor, `forbidden` for anyone but the team's moderators and organisers. */
export function checkTeamManager(actor: Actor | null, team: Team): Refusal | null {
  if (!actor) return refusal('unauthenticated');
  if (canManageTeam(actor, team)) return null;
  return refusal('forbidden', `Only ${team.slug}'s moderators or an organiser can do this for ${team.slug}.`);
}

/** `unauthenticated` without an actor, `forbidden` for anyone but organisers. */
export function checkOrganizer(actor: Actor | null): Refusal | null {
  if (!actor) return refusal('unauthenticated');
  return actor.isOrganizer ? null : refusal('forbidden', 'Only organisers can do this.');
}

/**
 * Topics and links of a team: like `checkTeamManager`, but anyone identified may while the event is
 * open to everyone (`openTeamUpdates`). Booking never opens up this way (rule 6).
 */
export function checkTeamUpdater(actor: Actor | null, team: Team, event: EventInfo): Refusal | null {
  if (actor && event.openTeamUpdates) return null;
  return checkTeamManager(actor, team);
}

/**
 * A draft event is for organisers only: to everyone else it is as missing as an event that does not
 * exist, in every answer (pages, API, feeds, refusals).
 */
export function canSeeEvent(
  viewer: Pick<Actor, 'isOrganizer'> | null,
  event: Pick<EventInfo, 'status'>,
): boolean {
  return event.status !== 'draft' || viewer?.isOrganizer === true;
}

/**
 * Who names a team's moderators: organisers, and the lead who signed the team up (`leadId`).
 * `unauthenticated` without an actor, `forbidden` for anyone else (other moderators too).
 */
export function checkModeratorsManager(
  actor: Actor | null,
  team: Team,
  leadId: string | null,
): Refusal | null {
  if (!actor) return refusal('unauthenticated');
  if (isOrganizer(actor) || (actor.userId !== null && actor.userId === leadId)) return null;
  return refusal(
    'forbidden',
    `Only organisers and the lead who signed ${team.slug} up can change its moderators.`,
  );
}
