import type { EventInfo } from '../core/model/event.ts';
import type { Room } from '../core/model/room.ts';
import type { Team } from '../core/model/team.ts';

/** The public pages feeds link to (the stable paths listed in DESIGN.md). */
export function eventPage(baseUrl: string, event: EventInfo): string {
  return `${baseUrl}/events/${encodeURIComponent(event.slug)}`;
}

export function teamPage(baseUrl: string, event: EventInfo, team: Team): string {
  return `${eventPage(baseUrl, event)}/teams/${encodeURIComponent(team.slug)}`;
}

export function roomPage(baseUrl: string, event: EventInfo, room: Room): string {
  return `${eventPage(baseUrl, event)}/rooms/${encodeURIComponent(room.slug)}`;
}
