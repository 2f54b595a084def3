import type { EventInfo } from '../../core/model/event.ts';
import type { Team } from '../../core/model/team.ts';
import { readableTextColour } from '../../core/teams/colour.ts';
import { etherpadOf } from '../../core/teams/team-links.ts';

/** A team's public fields: no moderator ids or e-mail addresses. */
export function presentTeam(event: EventInfo, team: Team) {
  return {
    slug: team.slug,
    name: team.name,
    kind: team.kind,
    cross_project: team.crossProject,
    status: team.status,
    colour: team.colour,
    text_colour: readableTextColour(team.colour),
    etherpad: etherpadOf(event, team),
    video_url: team.videoUrl,
    location: team.location,
  };
}
