import { type Checked, passed } from '../checked.ts';
import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventInfo } from '../model/event.ts';
import type { EventState } from '../model/event-state.ts';
import type { Room } from '../model/room.ts';
import type { Team } from '../model/team.ts';
import { roomLinksVisible } from '../people/room-links.ts';
import { checkName } from '../text/check-name.ts';
import { checkHttpUrl } from '../text/http-url.ts';
import { checkColour } from './colour.ts';
import { teamToManage } from './team-to-manage.ts';

/** What a team's moderators may change themselves; `null` clears an override. */
export interface TeamLinksInput {
  readonly team: string;
  readonly etherpadUrl?: string | null;
  readonly videoUrl?: string | null;
  readonly colour?: string;
  readonly location?: string | null;
}

/**
 * Sets a team's etherpad and video overrides, colour and location. Links must be http(s).
 * Refuses with `unauthenticated`, `unknown_team`, `forbidden`, `team_not_approved`, `invalid_url`
 * or `invalid_input`.
 */
export function updateTeamLinks(state: EventState, input: TeamLinksInput, ctx: Ctx): Decision {
  const found = teamToManage(state, input.team, ctx);
  if (!found.ok) return refused(found.refusal);
  const team = found.value;
  const etherpadUrl = optionalUrl(input.etherpadUrl, team.etherpadUrl);
  if (!etherpadUrl.ok) return refused(etherpadUrl.refusal);
  const videoUrl = optionalUrl(input.videoUrl, team.videoUrl);
  if (!videoUrl.ok) return refused(videoUrl.refusal);
  const colour = input.colour === undefined ? passed(team.colour) : checkColour(input.colour);
  if (!colour.ok) return refused(colour.refusal);
  const location =
    input.location === undefined || input.location === null
      ? passed(input.location === null ? null : team.location)
      : checkName(input.location, 'location', 200, true);
  if (!location.ok) return refused(location.refusal);
  const updated: Team = {
    ...team,
    etherpadUrl: etherpadUrl.value,
    videoUrl: videoUrl.value,
    colour: colour.value,
    location: location.value || null,
  };
  const said = describeLinkChanges(team, updated);
  if (!said) return refuse('invalid_input', `Nothing to change for ${team.slug}.`);
  return accept([{ type: 'team.saved', team: updated }], `${team.slug}: ${said}.`);
}

function optionalUrl(given: string | null | undefined, current: string | null): Checked<string | null> {
  if (given === undefined) return passed(current);
  if (given === null) return passed(null);
  return checkHttpUrl(given);
}

function describeLinkChanges(before: Team, after: Team): string {
  const parts: string[] = [];
  if (before.etherpadUrl !== after.etherpadUrl) {
    parts.push(after.etherpadUrl ? `etherpad set to ${after.etherpadUrl}` : 'etherpad back to the default');
  }
  if (before.videoUrl !== after.videoUrl) {
    parts.push(after.videoUrl ? `video link set to ${after.videoUrl}` : 'video link back to the room’s');
  }
  if (before.colour !== after.colour) parts.push(`colour set to ${after.colour}`);
  if (before.location !== after.location) {
    parts.push(after.location ? `location set to ${after.location}` : 'location cleared');
  }
  return parts.join('; ');
}

/** The team's etherpad: its own link, else the event's template with the slugs filled in. */
export function etherpadOf(event: EventInfo, team: Team): string | null {
  if (team.etherpadUrl) return team.etherpadUrl;
  if (!event.etherpadTemplate) return null;
  return event.etherpadTemplate.replaceAll('{event}', event.slug).replaceAll('{team}', team.slug);
}

/**
 * Where a viewer may join a team: its own video link, else the link of the room it meets in — unless
 * the event keeps room links (which may carry passcodes) for registered attendees and the viewer
 * does not see them (by default: an anonymous viewer).
 */
export function videoOf(
  event: EventInfo,
  team: Team,
  room: Room | undefined,
  roomLinkShown: boolean = roomLinksVisible(event, null),
): string | null {
  return team.videoUrl ?? (roomLinkShown ? (room?.url ?? null) : null);
}

/** Whether joining a team needs a registration the viewer lacks: its only link is a hidden room link. */
export function joinNeedsRegistration(team: Team, room: Room | undefined, roomLinkShown: boolean): boolean {
  return !team.videoUrl && !roomLinkShown && Boolean(room?.url);
}
