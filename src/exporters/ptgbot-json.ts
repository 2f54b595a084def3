import { boardView } from '../core/board/board-view.ts';
import type { Instant } from '../core/model/instant.ts';
import { minutesBetween } from '../core/model/instant.ts';
import type { Room } from '../core/model/room.ts';
import type { Slot } from '../core/model/slot.ts';
import { roomLinksVisible } from '../core/people/room-links.ts';
import type { MeetingLedger } from '../core/schedule/meeting-ledger.ts';
import { etherpadOf } from '../core/teams/team-links.ts';
import { inZone, localClock, localDay } from './local-time.ts';
import { eventPage } from './page-urls.ts';

/**
 * The event in ptgbot's own format (`ptg.json`), so the ptg.opendev.org page and the scripts written
 * for it can read a Convene event: tracks are team slugs, `schedule` has a cell per room and slot
 * (absent where the room is closed, `""` where it is free), slots carry `realtime`, and now / next /
 * banners are what the live board shows at `now`. Nothing private: no e-mail addresses, no check-ins
 * (Convene keeps none of people who did not opt in), no subscriptions. `validUntil` says until when
 * it holds: now / next / banners change when a topic or banner expires, without a new revision.
 */
export function ptgbotFeed(
  ledger: MeetingLedger,
  now: Instant,
  baseUrl: string,
): { body: string; validUntil: Instant | null } {
  const { state } = ledger;
  const { event } = state;
  const view = boardView(state, now);
  const booked = new Set(state.bookings.map((booking) => booking.teamId));
  const teams = state.teams
    .filter((team) => team.status === 'approved' || booked.has(team.id))
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const byId = new Map(state.teams.map((team) => [team.id, team]));
  const bookedCells = new Map(
    state.bookings.map((booking) => [`${booking.roomId}/${booking.slotId}`, booking.teamId]),
  );
  const closed = new Set(state.unavailable.map((cell) => `${cell.roomId}/${cell.slotId}`));
  const roomNames = new Set(state.rooms.map((room) => room.name));
  const location: Record<string, string> = {};
  for (const team of teams)
    if (team.location && roomNames.has(team.location)) location[team.slug] = team.location;
  // ptgbot's page finds a track's video link through its location, which must name a room.
  for (const { team, rooms } of view.now)
    if (rooms[0] && !location[team.slug]) location[team.slug] = rooms[0].name;
  const page = eventPage(baseUrl, event);
  const document = {
    eventid: event.slug,
    voice: 0,
    links: {
      'Schedule and team pages': `${page}/schedule`,
      'What is happening now': `${page}/board`,
      ...(event.codeOfConduct.url ? { 'Code of Conduct': event.codeOfConduct.url } : {}),
    },
    motd: view.motd.map((banner) => ({ level: banner.level, message: banner.message })),
    // ptgbot's cells hold one track, the host's; a joint session names every team in the topic.
    now: Object.fromEntries(
      view.now.map(({ team, topic, with: others }) => [
        team.slug,
        others.length > 0
          ? `${topic.text} (joint session: ${[team, ...others].map((member) => member.slug).join(' + ')})`
          : topic.text,
      ]),
    ),
    next: Object.fromEntries(view.next.map(({ team, items }) => [team.slug, items.map((item) => item.text)])),
    etherpads: Object.fromEntries(
      teams.flatMap((team) => {
        const pad = etherpadOf(event, team);
        return pad ? [[team.slug, pad]] : [];
      }),
    ),
    urls: Object.fromEntries(teams.flatMap((team) => (team.videoUrl ? [[team.slug, team.videoUrl]] : []))),
    colors: Object.fromEntries(teams.map((team) => [team.slug, team.colour])),
    location,
    last_check_in: {},
    subscriptions: {},
    slots: slotsByDay(state.slots, event.timeZone),
    tracks: teams.map((team) => team.slug),
    schedule: Object.fromEntries(
      state.rooms.map((room) => {
        const cells: Record<string, string> = roomMetadata(room, roomLinksVisible(event, null));
        for (const slot of state.slots) {
          if (closed.has(`${room.id}/${slot.id}`)) continue;
          const teamId = bookedCells.get(`${room.id}/${slot.id}`);
          cells[slot.code] = teamId ? (byId.get(teamId)?.slug ?? '') : '';
        }
        return [room.name, cells];
      }),
    ),
    timestamp: `${ledger.at.slice(0, 10)} ${ledger.at.slice(11, 19)}`,
  };
  return { body: JSON.stringify(document), validUntil: view.validUntil };
}

/** ptgbot groups slots under weekday names on the event's clock; a weekday that repeats gets its date. */
function slotsByDay(slots: readonly Slot[], zone: string) {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = localDay(slot.start, zone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  const names = [...days.keys()].map((day) => inZone(`${day}T12:00:00Z`, 'UTC').weekdayLong ?? day);
  return Object.fromEntries(
    [...days.entries()].map(([day, list], index) => {
      const name = names[index] ?? day;
      const key = names.filter((other) => other === name).length > 1 ? `${name} ${day}` : name;
      return [
        key,
        list.map((slot) => ({
          name: slot.code,
          desc: `${localClock(slot.start, zone)}-${localClock(slot.end, zone)}`,
          realtime: slot.start,
          duration: minutesBetween(slot.start, slot.end),
        })),
      ];
    }),
  );
}

/**
 * A room's description, capability and video link (unless the event keeps room links for its
 * attendees), under the keys ptgbot's page reads.
 */
function roomMetadata(room: Room, showUrl: boolean): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (room.url && showUrl) metadata.url = room.url;
  if (room.description) metadata.desc = room.description;
  if (room.features.length > 0) {
    metadata.cap_desc = room.features.join(', ');
    // The page shows a Bootstrap 3 glyph beside the text; Convene keeps only the text.
    metadata.cap_icon = /video|projection|projector|camera/i.test(metadata.cap_desc)
      ? 'facetime-video'
      : 'info-sign';
  }
  return metadata;
}
