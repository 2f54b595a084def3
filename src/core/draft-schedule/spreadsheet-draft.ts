import type { CompiledInstance } from './compiled-instance.ts';

/**
 * How a draft comes out of a spreadsheet filled in by hand, for comparison: teams in the order they
 * are listed, each taking the first free cells going through the week hour by hour and room by room,
 * as many as it may have. Hard rules hold. Returns the room of each meeting (`t * slots + s`, -1
 * where the team does not meet).
 */
export function spreadsheetRooms(c: CompiledInstance): Int32Array {
  const { teams: T, rooms: R, slots: S } = c;
  const roomOf = new Int32Array(T * S).fill(-1);
  const taken = new Uint8Array(R * S);
  const hours = new Int32Array(T);
  const dayHours = new Int32Array(T * c.days);
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < S; s++) {
      const r = c.fixedRoom[t * S + s]!;
      if (r < 0) continue;
      roomOf[t * S + s] = r;
      taken[r * S + s] = 1;
      hours[t]!++;
      dayHours[t * c.days + c.dayOf[s]!]!++;
    }
  }
  const week = c.slotsOfDay.flatMap((slots) => [...slots]);
  for (let t = 0; t < T; t++) {
    for (const s of week) {
      if (hours[t]! >= c.demand[t]!) break;
      if (roomOf[t * S + s]! >= 0 || !c.allowed[t * S + s] || dayHours[t * c.days + c.dayOf[s]!]! >= c.perDay)
        continue;
      for (let r = 0; r < R; r++) {
        if (taken[r * S + s] || !c.open[r * S + s]) continue;
        roomOf[t * S + s] = r;
        taken[r * S + s] = 1;
        hours[t]!++;
        dayHours[t * c.days + c.dayOf[s]!]!++;
        break;
      }
    }
  }
  return roomOf;
}
