import type { CompiledInstance } from './compiled-instance.ts';
import { HourPlan } from './hour-plan.ts';

/**
 * The greedy baseline: teams asking for the most hours first, each taking one hour at a time in the
 * slot that adds the least cost (clash and runs) given the teams already placed, while a free room
 * is left. Hard rules hold; nothing already placed moves.
 */
export function greedyPlan(c: CompiledInstance): HourPlan {
  const plan = new HourPlan(c);
  const order = [...Array(c.teams).keys()].sort((a, b) => c.demand[b]! - c.demand[a]! || a - b);
  for (const t of order) {
    while (plan.hours[t]! < c.demand[t]!) {
      let chosen = -1;
      let cheapest = Number.POSITIVE_INFINITY;
      for (let s = 0; s < c.slots; s++) {
        if (!plan.canAdd(t, s)) continue;
        const before = plan.objective();
        plan.set(t, s, true);
        const delta = plan.objective() - before;
        plan.set(t, s, false);
        if (delta < cheapest) {
          cheapest = delta;
          chosen = s;
        }
      }
      if (chosen < 0) break;
      plan.set(t, chosen, true);
    }
  }
  return plan;
}
