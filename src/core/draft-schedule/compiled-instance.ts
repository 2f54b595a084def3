import { SharedPeople } from '../shared-people/shared-people.ts';
import type { DraftInstance } from './draft-instance.ts';

/**
 * An instance turned into numbers for the solver: teams, rooms and slots by index, with flat typed
 * arrays (`t * slots + s`, `r * slots + s`) so that the search touches no maps.
 */
export interface CompiledInstance {
  readonly instance: DraftInstance;
  readonly teams: number;
  readonly rooms: number;
  readonly slots: number;
  readonly days: number;
  readonly perDay: number;
  /** the day index of each slot */
  readonly dayOf: Int32Array;
  /** the slot one hour earlier on the same day, or -1 */
  readonly prev: Int32Array;
  /** the slot one hour later on the same day, or -1 */
  readonly next: Int32Array;
  /** the slots of each day in time order */
  readonly slotsOfDay: readonly Int32Array[];
  /** 1 where the room is available in the slot */
  readonly open: Uint8Array;
  /** 1 where the team may meet (its windows), fixed cells included */
  readonly allowed: Uint8Array;
  /** hours each team may have in all: min(caps.total, hours) */
  readonly demand: Int32Array;
  /** the room of the team's fixed booking in the slot, or -1 */
  readonly fixedRoom: Int32Array;
  /** the team holding the cell as a fixed booking, or -1 */
  readonly fixedTeam: Int32Array;
  /** rooms of each slot left for bookings that are not fixed */
  readonly capacity: Int32Array;
  /** clash weight of each pair of teams (symmetric, 0 on the diagonal) */
  readonly weight: Int32Array;
  /** for each team, the teams it has a weight with */
  readonly neighbours: readonly Int32Array[];
}

/** Compiles a checked instance; the shared-people model gives the clash weights. */
export function compileInstance(instance: DraftInstance): CompiledInstance {
  const teamIndex = new Map(instance.teams.map((team, i) => [team.id, i]));
  const roomIndex = new Map(instance.rooms.map((room, i) => [room.id, i]));
  const slotIndex = new Map(instance.slots.map((slot, i) => [slot.id, i]));
  const T = instance.teams.length;
  const R = instance.rooms.length;
  const S = instance.slots.length;
  const dayNames = [...new Set(instance.slots.map((slot) => slot.day))].sort();
  const dayIndex = new Map(dayNames.map((day, i) => [day, i]));
  const dayOf = Int32Array.from(instance.slots, (slot) => dayIndex.get(slot.day) as number);
  const startOf = instance.slots.map((slot) => Date.parse(slot.start));
  const byStart = new Map(startOf.map((start, s) => [start, s]));
  const prev = new Int32Array(S).fill(-1);
  const next = new Int32Array(S).fill(-1);
  for (let s = 0; s < S; s++) {
    const before = byStart.get((startOf[s] as number) - 3_600_000);
    if (before !== undefined && dayOf[before] === dayOf[s]) {
      prev[s] = before;
      next[before] = s;
    }
  }
  const slotsOfDay = dayNames.map((_, d) =>
    Int32Array.from(
      [...Array(S).keys()]
        .filter((s) => dayOf[s] === d)
        .sort((a, b) => (startOf[a] as number) - (startOf[b] as number)),
    ),
  );
  const open = new Uint8Array(R * S).fill(1);
  for (const cell of instance.unavailable) {
    open[(roomIndex.get(cell.room) as number) * S + (slotIndex.get(cell.slot) as number)] = 0;
  }
  const allowed = new Uint8Array(T * S);
  const demand = new Int32Array(T);
  const fixedRoom = new Int32Array(T * S).fill(-1);
  const fixedTeam = new Int32Array(R * S).fill(-1);
  instance.teams.forEach((team, t) => {
    demand[t] = Math.min(instance.caps.total, team.hours);
    for (let s = 0; s < S; s++) {
      const window = instance.slots[s]?.window as string;
      if (team.windows.length === 0 || team.windows.includes(window)) allowed[t * S + s] = 1;
    }
    for (const cell of team.fixed) {
      const r = roomIndex.get(cell.room) as number;
      const s = slotIndex.get(cell.slot) as number;
      fixedRoom[t * S + s] = r;
      fixedTeam[r * S + s] = t;
      allowed[t * S + s] = 1;
    }
  });
  const capacity = new Int32Array(S);
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) if (open[r * S + s] && fixedTeam[r * S + s] === -1) capacity[s]!++;
  }
  const shared = new SharedPeople({
    people: instance.people.map((person) => person.teams),
    avoid: Object.fromEntries(instance.teams.map((team) => [team.id, team.avoid])),
  });
  const weight = new Int32Array(T * T);
  const neighbours = instance.teams.map((team, t) => {
    const found: number[] = [];
    for (const { team: other } of shared.tiesOf(team.id)) {
      const u = teamIndex.get(other) as number;
      weight[t * T + u] = shared.weight(team.id, other);
      if (weight[t * T + u]) found.push(u);
    }
    return Int32Array.from(found.sort((a, b) => a - b));
  });
  return {
    instance,
    teams: T,
    rooms: R,
    slots: S,
    days: dayNames.length,
    perDay: instance.caps.per_day,
    dayOf,
    prev,
    next,
    slotsOfDay,
    open,
    allowed,
    demand,
    fixedRoom,
    fixedTeam,
    capacity,
    weight,
    neighbours,
  };
}
