import type { CompiledInstance } from './compiled-instance.ts';

/**
 * Puts each planned meeting in a room, day by day and hour by hour: fixed bookings where they are,
 * a team that met the hour before in the same room when it is still free (no room change), a
 * team's room in the draft being repaired when given, and otherwise the free room that stays free
 * longest for the rest of the team's run. Every slot has enough free rooms for its meetings (the
 * plan saw to it), so every meeting gets one. Returns the room of each meeting (`t * slots + s`,
 * -1 where the team does not meet).
 */
export function assignRooms(
  c: CompiledInstance,
  at: Uint8Array,
  preferred: Int32Array | null = null,
): Int32Array {
  const { teams: T, rooms: R, slots: S } = c;
  const roomOf = new Int32Array(T * S).fill(-1);
  const usable = (r: number, s: number) => c.open[r * S + s] === 1 && c.fixedTeam[r * S + s] === -1;
  for (const daySlots of c.slotsOfDay) {
    for (const s of daySlots) {
      const taken = new Uint8Array(R);
      const waiting: number[] = [];
      for (let t = 0; t < T; t++) {
        if (at[t * S + s] === 0) continue;
        const fixed = c.fixedRoom[t * S + s]!;
        if (fixed >= 0) roomOf[t * S + s] = fixed;
        else waiting.push(t);
      }
      const claim = (t: number, r: number) => {
        roomOf[t * S + s] = r;
        taken[r] = 1;
      };
      const wish = (t: number) => {
        const asked = preferred?.[t * S + s] ?? -1;
        if (asked >= 0) return asked;
        const before = c.prev[s]!;
        return before >= 0 ? roomOf[t * S + before]! : -1;
      };
      const rest: number[] = [];
      for (const t of waiting) {
        const r = wish(t);
        if (r >= 0 && !taken[r] && usable(r, s)) claim(t, r);
        else rest.push(t);
      }
      const runLeft = (t: number) => {
        let length = 0;
        for (let x = s; x >= 0 && at[t * S + x] === 1; x = c.next[x]!) length++;
        return length;
      };
      // a room another team held in the draft being repaired is left to it where possible
      const keptFor = (r: number, x: number, t: number) => {
        if (!preferred) return false;
        for (let u = 0; u < T; u++) if (u !== t && preferred[u * S + x] === r && at[u * S + x]) return true;
        return false;
      };
      rest.sort((a, b) => runLeft(b) - runLeft(a) || a - b);
      for (const t of rest) {
        const need = runLeft(t);
        let chosen = -1;
        let chosenFree = -1;
        for (let r = 0; r < R; r++) {
          if (taken[r] || !usable(r, s)) continue;
          let free = 0;
          for (let x = s; x >= 0 && free < need && usable(r, x) && !keptFor(r, x, t); x = c.next[x]!) free++;
          if (free > chosenFree) {
            chosen = r;
            chosenFree = free;
          }
        }
        claim(t, chosen);
      }
    }
  }
  return roomOf;
}
