import type { HourPlan } from './hour-plan.ts';

/**
 * Gives teams as many of their missing hours as the hard rules allow, moving other meetings where
 * that makes room: each step is a shortest augmenting path in the flow network
 * team → team's day → slot → free room, so a team short of hours may take a slot whose last free
 * room another team gives up for a slot of its own on the same day, or on another day. When no path
 * is left the number of hours booked is the largest possible (max-flow), which makes the unmet hours
 * of the plan the least any draft can have; moves are few because paths are shortest.
 */
export function fillHours(plan: HourPlan): void {
  while (augment(plan)) {
    // each pass books one more hour
  }
}

const unseen = -1;

function augment(plan: HourPlan): boolean {
  const { c } = plan;
  const { teams: T, slots: S, days: D } = c;
  // node numbering: teams [0, T), team-days [T, T + T·D), slots [T + T·D, …)
  const teamDay = (t: number, d: number) => T + t * D + d;
  const slotNode = (s: number) => T + T * D + s;
  const parent = new Int32Array(T + T * D + S).fill(unseen);
  const queue: number[] = [];
  for (let t = 0; t < T; t++) {
    if (plan.hours[t]! < c.demand[t]!) {
      parent[t] = t;
      queue.push(t);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (node < T) {
      for (let d = 0; d < D; d++) {
        const next = teamDay(node, d);
        if (parent[next] === unseen && plan.dayHours[node * D + d]! < c.perDay) {
          parent[next] = node;
          queue.push(next);
        }
      }
    } else if (node < T + T * D) {
      const t = Math.floor((node - T) / D);
      const d = (node - T) % D;
      for (const s of c.slotsOfDay[d]!) {
        const next = slotNode(s);
        if (parent[next] === unseen && plan.at[t * S + s] === 0 && c.allowed[t * S + s] === 1) {
          parent[next] = node;
          if (plan.count[s]! < c.capacity[s]!) {
            apply(plan, parent, next, T, D);
            return true;
          }
          queue.push(next);
        }
      }
      // the team gives up an hour of this day for one on another day
      if (parent[t] === unseen) {
        parent[t] = node;
        queue.push(t);
      }
    } else {
      const s = node - T - T * D;
      const d = c.dayOf[s]!;
      for (let i = 0; i < plan.count[s]!; i++) {
        const u = plan.members[s * T + i]!;
        const next = teamDay(u, d);
        if (parent[next] === unseen) {
          parent[next] = node;
          queue.push(next);
        }
      }
    }
  }
  return false;
}

/** Walks the path back from the slot with a free room, booking and releasing along it. */
function apply(plan: HourPlan, parent: Int32Array, end: number, T: number, D: number): void {
  const changes: [number, number, boolean][] = [];
  let node = end;
  while (parent[node] !== node) {
    const from = parent[node]!;
    if (node >= T + T * D && from >= T && from < T + T * D) {
      changes.push([Math.floor((from - T) / D), node - T - T * D, true]);
    } else if (node >= T && node < T + T * D && from >= T + T * D) {
      changes.push([Math.floor((node - T) / D), from - T - T * D, false]);
    }
    node = from;
  }
  for (const [t, s, on] of changes) if (!on) plan.set(t, s, false);
  for (const [t, s, on] of changes) if (on) plan.set(t, s, true);
}
