import { costWeights } from './draft-instance.ts';
import type { HourPlan } from './hour-plan.ts';

const never = Number.POSITIVE_INFINITY;

/**
 * Re-plans one team's hours as well as they can be with every other team where it is: the hours
 * (up to what the team may have), the days and the slots with the least clash, runs and moves, by
 * dynamic programming over each day's slots and then over the days. Fixed bookings stay. The plan's
 * objective never rises.
 */
export function replanTeam(plan: HourPlan, t: number): void {
  const { c } = plan;
  const S = c.slots;
  for (let s = 0; s < S; s++) if (plan.at[t * S + s] === 1 && !plan.isFixed(t, s)) plan.set(t, s, false);
  const free = c.demand[t]! - plan.hours[t]!;
  // best[d][k]: least cost of day d with k more hours; choice[d][k]: the slots taken
  const best: Float64Array[] = [];
  const choice: number[][][] = [];
  for (let d = 0; d < c.days; d++) {
    const room = Math.min(free, c.perDay - plan.dayHours[t * c.days + d]!);
    const day = planDay(plan, t, c.slotsOfDay[d]!, Math.max(0, room));
    best.push(day.cost);
    choice.push(day.taken);
  }
  // total[d][k]: least cost of days 0..d with k hours in all
  let total = Float64Array.from({ length: free + 1 }, (_, k) => (k === 0 ? 0 : never));
  const split: Int32Array[] = [];
  for (let d = 0; d < c.days; d++) {
    const next = new Float64Array(free + 1).fill(never);
    const at = new Int32Array(free + 1);
    const day = best[d]!;
    for (let k = 0; k <= free; k++) {
      if (total[k] === never) continue;
      for (let j = 0; j < day.length && k + j <= free; j++) {
        const value = total[k]! + day[j]!;
        if (value < next[k + j]!) {
          next[k + j] = value;
          at[k + j] = j;
        }
      }
    }
    total = next;
    split.push(at);
  }
  let k = 0;
  for (let j = 1; j <= free; j++) if (total[j]! < total[k]!) k = j;
  for (let d = c.days - 1; d >= 0; d--) {
    const j = split[d]![k]!;
    for (const s of choice[d]![j]!) plan.set(t, s, true);
    k -= j;
  }
}

/** The least cost of the team's day for each number of added hours, and the slots of each. */
function planDay(
  plan: HourPlan,
  t: number,
  slots: Int32Array,
  most: number,
): { cost: Float64Array; taken: number[][] } {
  const { c } = plan;
  const S = c.slots;
  const n = slots.length;
  const width = most + 1;
  // cost[(i * width + k) * 2 + on] after deciding slots[0..i)
  const cost = new Float64Array((n + 1) * width * 2).fill(never);
  const from = new Int8Array((n + 1) * width * 2);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const s = slots[i]!;
    const ts = t * S + s;
    const joins = c.prev[s]! >= 0;
    const fixed = plan.isFixed(t, s);
    const movedAway = plan.previous?.[ts] ? plan.movePenalty : 0;
    const canMeet = fixed || (c.allowed[ts] === 1 && plan.count[s]! < c.capacity[s]!);
    for (let k = 0; k <= most; k++) {
      for (let on = 0; on < 2; on++) {
        const here = cost[(i * width + k) * 2 + on]!;
        if (here === never) continue;
        const runCost = joins && on ? 0 : costWeights.runs;
        if (fixed) {
          relax(cost, from, ((i + 1) * width + k) * 2 + 1, here + runCost, on);
          continue;
        }
        relax(cost, from, ((i + 1) * width + k) * 2, here + movedAway, on);
        if (canMeet && k < most) {
          const meet = here + runCost + plan.clashAt[ts]! - costWeights.unmet_hours;
          relax(cost, from, ((i + 1) * width + k + 1) * 2 + 1, meet, on);
        }
      }
    }
  }
  const result = new Float64Array(width).fill(never);
  const taken: number[][] = [];
  for (let k = 0; k <= most; k++) {
    const end = cost[(n * width + k) * 2]! <= cost[(n * width + k) * 2 + 1]! ? 0 : 1;
    result[k] = cost[(n * width + k) * 2 + end]!;
    const chosen: number[] = [];
    let on = end;
    let j = k;
    for (let i = n; i > 0; i--) {
      const before = from[(i * width + j) * 2 + on]!;
      const s = slots[i - 1]!;
      if (on && !plan.isFixed(t, s)) {
        chosen.push(s);
        j--;
      }
      on = before;
    }
    taken.push(chosen);
  }
  return { cost: result, taken };
}

function relax(cost: Float64Array, from: Int8Array, at: number, value: number, on: number): void {
  if (value < cost[at]!) {
    cost[at] = value;
    from[at] = on;
  }
}
