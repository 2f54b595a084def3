import type { CompiledInstance } from './compiled-instance.ts';
import { costWeights } from './draft-instance.ts';

/**
 * A cost no draft can go below, given the least possible unmet hours (from `fillHours`): those hours,
 * plus the runs each team needs at the least — its hours over the longest stretch of consecutive
 * slots it may meet in on one day (at most `caps.per_day`). Each unmet hour can spare at most one
 * run, so the runs part is lowered by the unmet hours. Clashes and room changes count as nothing.
 */
export function lowerBound(c: CompiledInstance, leastUnmet: number): number {
  const S = c.slots;
  let runs = 0;
  for (let t = 0; t < c.teams; t++) {
    let longest = 0;
    for (const slots of c.slotsOfDay) {
      let stretch = 0;
      for (const s of slots) {
        const joins = c.prev[s]! >= 0 && stretch > 0;
        stretch = c.allowed[t * S + s] ? (joins ? stretch + 1 : 1) : 0;
        longest = Math.max(longest, Math.min(stretch, c.perDay));
      }
    }
    if (longest > 0) runs += Math.ceil(c.demand[t]! / longest);
  }
  return costWeights.unmet_hours * leastUnmet + costWeights.runs * Math.max(0, runs - leastUnmet);
}
