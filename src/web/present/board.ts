import type { BoardView } from '../../core/board/board-view.ts';
import type { EventState } from '../../core/model/event-state.ts';
import type { Instant } from '../../core/model/instant.ts';
import { readableTextColour } from '../../core/teams/colour.ts';
import { etherpadOf, videoOf } from '../../core/teams/team-links.ts';
import { presentSlot } from './schedule.ts';

/** The live board: what each team discusses now, what comes next, banners and the current slot. */
export function presentBoard(state: EventState, view: BoardView, at: Instant) {
  return {
    event: state.event.slug,
    revision: state.revision,
    at,
    current_slot: view.currentSlot ? presentSlot(view.currentSlot) : null,
    next_slot: view.nextSlot ? presentSlot(view.nextSlot) : null,
    now: view.now.map(({ team, topic, rooms, with: others }) => ({
      team: team.slug,
      with: others.map((other) => other.slug),
      name: team.name,
      colour: team.colour,
      text_colour: readableTextColour(team.colour),
      text: topic.text,
      at: topic.at,
      rooms: rooms.map((room) => room.slug),
      join_url: videoOf(state.event, team, rooms[0]),
      etherpad: etherpadOf(state.event, team),
    })),
    meeting_without_topic: view.quiet.map(({ team, room, with: others }) => ({
      team: team.slug,
      with: others.map((other) => other.slug),
      name: team.name,
      room: room.slug,
      join_url: videoOf(state.event, team, room),
    })),
    next: view.next.map(({ team, items }) => ({
      team: team.slug,
      name: team.name,
      items: items.map((item) => ({ text: item.text, at: item.at })),
    })),
    motd: view.motd.map((motd) => ({
      id: motd.id,
      level: motd.level,
      message: motd.message,
      expires_at: motd.expiresAt,
    })),
  };
}
