/**
 * The draft-schedule solver: from a checked instance (DESIGN.md, "Draft schedule") to a draft that
 * keeps every hard rule and costs as little as the time allows.
 *
 * Method (docs/decisions/0030): rooms are interchangeable within a slot, so the search works on which
 * teams meet in which hours, with the rooms left free in each slot as the only limit; rooms are
 * given afterwards run by run, which keeps each run in one room. The start is the greedy baseline;
 * a max-flow pass then books the most hours possible (so unmet hours are the least possible, and
 * that minimum gives the lower bound); simulated annealing then trades clashes against runs until
 * the time limit, and a last pass re-plans each team by dynamic programming while that still helps.
 * The answer is never worse than the greedy baseline or the spreadsheet proxy: the cheapest of the
 * three is returned.
 *
 * Repair: given the previous draft, the search starts from it, the max-flow pass moves as few
 * meetings as it can, and each previous hour a team no longer has costs `movePenalty`.
 *
 * The core stays pure: the clock, the deadline and the random source come in the options.
 */
import { anneal } from './anneal.ts';
import { assignRooms } from './assign-rooms.ts';
import { replanTeam } from './best-pattern.ts';
import { checkDraft } from './check-draft.ts';
import { type CompiledInstance, compileInstance } from './compiled-instance.ts';
import type { Draft, DraftBooking, DraftInstance } from './draft-instance.ts';
import { fillHours } from './fill-hours.ts';
import { greedyPlan } from './greedy-draft.ts';
import { HourPlan } from './hour-plan.ts';
import { lowerBound } from './lower-bound.ts';
import { spreadsheetRooms } from './spreadsheet-draft.ts';

export interface SolveOptions {
  /** how long the search may take, in milliseconds */
  readonly timeLimitMs: number;
  /** the caller's clock, in milliseconds */
  readonly clock: () => number;
  /** uniform in [0, 1); a seeded source makes a run repeatable */
  readonly random: () => number;
  /** repair mode: the draft to change as little as possible */
  readonly previous?: readonly DraftBooking[];
  /** what each hour of `previous` that moves adds to the objective (repair mode) */
  readonly movePenalty?: number;
}

/** A draft with what the solver knows about it besides DESIGN.md's keys. */
export interface SolvedDraft extends Draft {
  /** bookings of `previous` that are not in the draft (0 without `previous`) */
  readonly moved: number;
  /** which construction the returned draft comes from */
  readonly method: 'search' | 'greedy' | 'spreadsheet';
}

/** What a moved hour costs in repair mode when the caller does not say: more than most clashes. */
export const defaultMovePenalty = 100;

/** Solves an instance checked by `readDraftInstance`; see the module comment. */
export function solveDraft(instance: DraftInstance, options: SolveOptions): SolvedDraft {
  const start = options.clock();
  const deadline = start + options.timeLimitMs;
  const c = compileInstance(instance);
  const previous = options.previous ? previousRooms(c, options.previous) : null;
  const previousAt = previous ? Uint8Array.from(previous, (r) => (r >= 0 ? 1 : 0)) : null;
  const plan = new HourPlan(c, previousAt, previous ? (options.movePenalty ?? defaultMovePenalty) : 0);
  const greedy = greedyPlan(c);
  if (previous) startFrom(plan, previous);
  else plan.copyFrom(greedy);
  fillHours(plan);
  const bound = lowerBound(c, plan.unmet);
  // the last twentieth of the time is for the final re-planning
  const searchEnd = start + options.timeLimitMs * 0.95;
  const found = anneal(plan, { clock: options.clock, deadline: searchEnd, random: options.random });
  const annealed = planOf(c, found, previousAt, plan.movePenalty);
  polish(annealed, options.clock, deadline);
  const candidates: [SolvedDraft['method'], Int32Array][] = [
    ['search', assignRooms(c, annealed.at, previous)],
  ];
  if (!previous) {
    candidates.push(['greedy', assignRooms(c, greedy.at)], ['spreadsheet', spreadsheetRooms(c)]);
  }
  let chosen: { method: SolvedDraft['method']; bookings: DraftBooking[]; cost: Draft['cost'] } | null = null;
  for (const [method, rooms] of candidates) {
    const bookings = bookingsOf(c, rooms);
    const { cost } = checkDraft(instance, bookings);
    if (!chosen || cost.total < chosen.cost.total) chosen = { method, bookings, cost };
  }
  const result = chosen as NonNullable<typeof chosen>;
  return {
    bookings: result.bookings,
    cost: result.cost,
    bound,
    seconds: (options.clock() - start) / 1000,
    moved: previous ? movedCount(options.previous ?? [], result.bookings) : 0,
    method: result.method,
  };
}

/** The bookings of a room assignment, in slot order then team order. */
export function bookingsOf(c: CompiledInstance, roomOf: Int32Array): DraftBooking[] {
  const { instance } = c;
  const bookings: DraftBooking[] = [];
  for (const slots of c.slotsOfDay) {
    for (const s of slots) {
      for (let t = 0; t < c.teams; t++) {
        const r = roomOf[t * c.slots + s]!;
        if (r >= 0)
          bookings.push({
            team: instance.teams[t]!.id,
            room: instance.rooms[r]!.id,
            slot: instance.slots[s]!.id,
          });
      }
    }
  }
  return bookings;
}

/** The previous draft's room of each team and slot (`t * slots + s`), -1 elsewhere; unknown ids are dropped. */
function previousRooms(c: CompiledInstance, bookings: readonly DraftBooking[]): Int32Array {
  const teams = new Map(c.instance.teams.map((team, i) => [team.id, i]));
  const rooms = new Map(c.instance.rooms.map((room, i) => [room.id, i]));
  const slots = new Map(c.instance.slots.map((slot, i) => [slot.id, i]));
  const roomOf = new Int32Array(c.teams * c.slots).fill(-1);
  for (const booking of bookings) {
    const t = teams.get(booking.team);
    const r = rooms.get(booking.room);
    const s = slots.get(booking.slot);
    if (t !== undefined && r !== undefined && s !== undefined) roomOf[t * c.slots + s] = r;
  }
  return roomOf;
}

/** Keeps each previous meeting that the changed instance still allows. */
function startFrom(plan: HourPlan, previous: Int32Array): void {
  const { c } = plan;
  for (let t = 0; t < c.teams; t++) {
    for (let s = 0; s < c.slots; s++)
      if (previous[t * c.slots + s]! >= 0 && plan.canAdd(t, s)) plan.set(t, s, true);
  }
}

/** A plan with the given meetings (`t * slots + s`). */
function planOf(
  c: CompiledInstance,
  at: Uint8Array,
  previousAt: Uint8Array | null,
  movePenalty: number,
): HourPlan {
  const plan = new HourPlan(c, previousAt, movePenalty);
  for (let t = 0; t < c.teams; t++) {
    for (let s = 0; s < c.slots; s++) if (at[t * c.slots + s] && !plan.isFixed(t, s)) plan.set(t, s, true);
  }
  return plan;
}

/** Re-plans team after team while the objective still falls and time is left. */
function polish(plan: HourPlan, clock: () => number, deadline: number): void {
  for (let improved = true; improved && clock() < deadline; ) {
    improved = false;
    for (let t = 0; t < plan.c.teams; t++) {
      const before = plan.objective();
      replanTeam(plan, t);
      if (plan.objective() < before) improved = true;
    }
  }
}

function movedCount(previous: readonly DraftBooking[], bookings: readonly DraftBooking[]): number {
  const now = new Set(bookings.map((booking) => `${booking.team} ${booking.room} ${booking.slot}`));
  return previous.filter((booking) => !now.has(`${booking.team} ${booking.room} ${booking.slot}`)).length;
}
