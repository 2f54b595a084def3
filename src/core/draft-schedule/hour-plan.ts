import type { CompiledInstance } from './compiled-instance.ts';
import { costWeights } from './draft-instance.ts';

/**
 * Which teams meet in which slots, rooms aside, with every cost term but room changes kept up to date
 * as meetings are added and removed. Rooms come afterwards (`assignRooms`): any team may use any room
 * left free in a slot, so a plan is feasible as long as no slot has more meetings than free rooms.
 *
 * In repair mode, `previous` marks where each team met in the draft being repaired, and each of those
 * hours the plan no longer has costs `movePenalty`.
 */
export class HourPlan {
  /** 1 where the team meets in the slot, fixed bookings included (`t * slots + s`) */
  readonly at: Uint8Array;
  /** meetings of each slot that are not fixed */
  readonly count: Int32Array;
  /** hours of each team on each day, fixed ones included (`t * days + d`) */
  readonly dayHours: Int32Array;
  /** hours of each team, fixed ones included */
  readonly hours: Int32Array;
  /** for each team and slot, the clash weight of the teams meeting there */
  readonly clashAt: Int32Array;
  /** the teams meeting in each slot, fixed ones aside, in no order (`s * teams + i`) */
  readonly members: Int32Array;
  readonly #position: Int32Array;
  clash = 0;
  runs = 0;
  unmet = 0;
  moved = 0;

  constructor(
    readonly c: CompiledInstance,
    readonly previous: Uint8Array | null = null,
    readonly movePenalty = 0,
  ) {
    const { teams: T, slots: S } = c;
    this.at = new Uint8Array(T * S);
    this.count = new Int32Array(S);
    this.dayHours = new Int32Array(T * c.days);
    this.hours = new Int32Array(T);
    this.clashAt = new Int32Array(T * S);
    this.members = new Int32Array(S * T);
    this.#position = new Int32Array(T * S).fill(-1);
    for (let t = 0; t < T; t++) this.unmet += c.demand[t]!;
    if (previous) for (const held of previous) this.moved += held;
    for (let t = 0; t < T; t++) {
      for (let s = 0; s < S; s++) if (c.fixedRoom[t * S + s]! >= 0) this.set(t, s, true);
    }
  }

  /** The cost the search minimises: the draft's cost without room changes, plus moves in repair. */
  objective(): number {
    return (
      costWeights.unmet_hours * this.unmet +
      costWeights.clash * this.clash +
      costWeights.runs * this.runs +
      this.movePenalty * this.moved
    );
  }

  isFixed(t: number, s: number): boolean {
    return this.c.fixedRoom[t * this.c.slots + s]! >= 0;
  }

  /** Whether the team can take one more hour in the slot without breaking a hard rule. */
  canAdd(t: number, s: number): boolean {
    const { c } = this;
    const ts = t * c.slots + s;
    return (
      this.at[ts] === 0 &&
      c.allowed[ts] === 1 &&
      this.count[s]! < c.capacity[s]! &&
      this.dayHours[t * c.days + c.dayOf[s]!]! < c.perDay &&
      this.hours[t]! < c.demand[t]!
    );
  }

  /** Adds or removes the team's meeting in the slot (no rule is checked here: callers do). */
  set(t: number, s: number, on: boolean): void {
    const { c } = this;
    const S = c.slots;
    const ts = t * S + s;
    const after = c.next[s]!;
    const runsBefore = this.#runStart(t, s) + (after >= 0 ? this.#runStart(t, after) : 0);
    this.at[ts] = on ? 1 : 0;
    const runsAfter = this.#runStart(t, s) + (after >= 0 ? this.#runStart(t, after) : 0);
    this.runs += runsAfter - runsBefore;
    const sign = on ? 1 : -1;
    this.clash += sign * this.clashAt[ts]!;
    const row = t * c.teams;
    for (const u of c.neighbours[t]!) this.clashAt[u * S + s]! += sign * c.weight[row + u]!;
    const d = t * c.days + c.dayOf[s]!;
    this.dayHours[d]! += sign;
    const hadUnmet = this.hours[t]! < c.demand[t]! ? 1 : 0;
    this.hours[t]! += sign;
    if (on) this.unmet -= hadUnmet;
    else if (this.hours[t]! < c.demand[t]!) this.unmet += 1;
    if (this.previous?.[ts]) this.moved -= sign;
    if (c.fixedRoom[ts]! >= 0) return;
    this.count[s]! += sign;
    if (on) {
      const i = this.count[s]! - 1;
      this.members[s * c.teams + i] = t;
      this.#position[ts] = i;
    } else {
      const i = this.#position[ts]!;
      const last = this.members[s * c.teams + this.count[s]!]!;
      this.members[s * c.teams + i] = last;
      this.#position[last * S + s] = i;
      this.#position[ts] = -1;
    }
  }

  /** Copies the meetings of another plan of the same instance into this one. */
  copyFrom(other: HourPlan): void {
    const { teams: T, slots: S } = this.c;
    for (let t = 0; t < T; t++) {
      for (let s = 0; s < S; s++) {
        const want = other.at[t * S + s] === 1;
        if ((this.at[t * S + s] === 1) !== want && !this.isFixed(t, s)) this.set(t, s, want);
      }
    }
  }

  #runStart(t: number, s: number): number {
    const S = this.c.slots;
    if (this.at[t * S + s] === 0) return 0;
    const before = this.c.prev[s]!;
    return before >= 0 && this.at[t * S + before] === 1 ? 0 : 1;
  }
}
