import { SharedPeople } from '../shared-people/shared-people.ts';
import { costWeights, type DraftBooking, type DraftCost, type DraftInstance } from './draft-instance.ts';

/** A draft's cost recomputed from its bookings alone, and every hard rule it breaks, in words. */
export interface DraftCheck {
  readonly cost: DraftCost;
  readonly broken: readonly string[];
}

/**
 * Recomputes a draft's cost term by term from nothing but the instance and the bookings, and lists
 * each hard rule the bookings break (DESIGN.md, "Draft schedule"): unknown ids, a cell held twice, a
 * team in two rooms at once, an unavailable cell, a slot outside the team's windows, a cap passed, a
 * fixed booking missing. The solver's own bookkeeping is never trusted: tests and the command line
 * report this.
 */
export function checkDraft(instance: DraftInstance, bookings: readonly DraftBooking[]): DraftCheck {
  const broken: string[] = [];
  const slots = new Map(instance.slots.map((slot) => [slot.id, slot]));
  const rooms = new Set(instance.rooms.map((room) => room.id));
  const teams = new Map(instance.teams.map((team) => [team.id, team]));
  const closed = new Set(instance.unavailable.map((cell) => `${cell.room} ${cell.slot}`));
  const cells = new Set<string>();
  /** team → slot → room */
  const held = new Map<string, Map<string, string>>();
  for (const booking of bookings) {
    const slot = slots.get(booking.slot);
    const team = teams.get(booking.team);
    if (!slot || !team || !rooms.has(booking.room)) {
      broken.push(`${booking.team} ${booking.room} ${booking.slot}: unknown team, room or slot`);
      continue;
    }
    const cell = `${booking.room} ${booking.slot}`;
    if (cells.has(cell)) broken.push(`${cell}: the cell is booked twice`);
    cells.add(cell);
    if (closed.has(cell)) broken.push(`${cell}: the room is unavailable in that slot`);
    if (team.windows.length > 0 && !team.windows.includes(slot.window))
      broken.push(`${team.id} ${booking.slot}: outside the team's windows`);
    const ofTeam = held.get(team.id) ?? new Map<string, string>();
    held.set(team.id, ofTeam);
    if (ofTeam.has(booking.slot)) broken.push(`${team.id} ${booking.slot}: the team is in two rooms at once`);
    ofTeam.set(booking.slot, booking.room);
  }
  let unmet = 0;
  let runs = 0;
  let roomChanges = 0;
  const startOf = new Map(instance.slots.map((slot) => [Date.parse(slot.start), slot]));
  for (const team of instance.teams) {
    const ofTeam = held.get(team.id) ?? new Map<string, string>();
    for (const fixed of team.fixed) {
      if (ofTeam.get(fixed.slot) !== fixed.room)
        broken.push(`${team.id} ${fixed.room} ${fixed.slot}: a fixed booking is missing`);
    }
    const perDay = new Map<string, number>();
    for (const [slotId, room] of ofTeam) {
      const slot = slots.get(slotId);
      if (!slot) continue;
      perDay.set(slot.day, (perDay.get(slot.day) ?? 0) + 1);
      const before = startOf.get(Date.parse(slot.start) - 3_600_000);
      const roomBefore = before && before.day === slot.day ? ofTeam.get(before.id) : undefined;
      if (roomBefore === undefined) runs++;
      else if (roomBefore !== room) roomChanges++;
    }
    for (const [day, hours] of perDay) {
      if (hours > instance.caps.per_day) broken.push(`${team.id} ${day}: ${hours} hours, above caps.per_day`);
    }
    const allowed = Math.min(instance.caps.total, team.hours);
    if (ofTeam.size > allowed) broken.push(`${team.id}: ${ofTeam.size} hours, above the ${allowed} allowed`);
    unmet += Math.max(0, allowed - ofTeam.size);
  }
  const shared = new SharedPeople({
    people: instance.people.map((person) => person.teams),
    avoid: Object.fromEntries(instance.teams.map((team) => [team.id, team.avoid])),
  });
  let clash = 0;
  const bySlot = new Map<string, string[]>();
  for (const [team, ofTeam] of held) {
    for (const slot of ofTeam.keys()) bySlot.set(slot, [...(bySlot.get(slot) ?? []), team]);
  }
  for (const meeting of bySlot.values()) {
    for (let i = 0; i < meeting.length; i++) {
      for (let j = i + 1; j < meeting.length; j++)
        clash += shared.weight(meeting[i] as string, meeting[j] as string);
    }
  }
  return { cost: costOf({ unmet_hours: unmet, clash, runs, room_changes: roomChanges }), broken };
}

/** The total of the terms, weighted as DESIGN.md says. */
function costOf(terms: Omit<DraftCost, 'total'>): DraftCost {
  const total =
    costWeights.unmet_hours * terms.unmet_hours +
    costWeights.clash * terms.clash +
    costWeights.runs * terms.runs +
    costWeights.room_changes * terms.room_changes;
  return { total, ...terms };
}
