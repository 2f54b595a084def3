import { replanTeam } from './best-pattern.ts';
import type { HourPlan } from './hour-plan.ts';

/** How long the search may run, and where its randomness comes from. */
export interface SearchLimits {
  /** milliseconds on the caller's clock; the search stops at `deadline` */
  readonly clock: () => number;
  readonly deadline: number;
  /** uniform in [0, 1), seeded by the caller */
  readonly random: () => number;
}

/** Temperatures at the start and at the end of the search, in units of cost. */
const hot = 5;
const cold = 0.2;
/** Iterations between looks at the clock. */
const stride = 512;

/**
 * Simulated annealing over the plan's meetings, every step keeping every hard rule: move one hour to
 * a slot with a free room, swap two teams' hours between two full slots, move a whole run of hours,
 * hand a slot to a team short of hours, or re-plan one team outright (`replanTeam`). A step that
 * raises the objective by δ is taken with probability e^(−δ/temperature), the temperature falling
 * geometrically with the time used. Returns the best plan seen (the argument ends in some state).
 */
export function anneal(plan: HourPlan, limits: SearchLimits): Uint8Array {
  const { c } = plan;
  const { random } = limits;
  const S = c.slots;
  const allowedSlots = Array.from({ length: c.teams }, (_, t) => {
    const found: number[] = [];
    for (let s = 0; s < S; s++) if (c.allowed[t * S + s] && !plan.isFixed(t, s)) found.push(s);
    return Int32Array.from(found);
  });
  const best = plan.at.slice();
  let bestCost = plan.objective();
  const start = limits.clock();
  const span = Math.max(1, limits.deadline - start);
  let temperature = hot;
  const undo: number[] = [];
  const toggle = (t: number, s: number, on: boolean) => {
    undo.push((t * S + s) * 2 + (on ? 1 : 0));
    plan.set(t, s, on);
  };
  const revert = () => {
    for (let i = undo.length - 1; i >= 0; i--) {
      const code = undo[i]!;
      const ts = code >> 1;
      plan.set(Math.floor(ts / S), ts % S, (code & 1) === 0);
    }
  };
  const moves = [
    () => shiftOrSwap(plan, allowedSlots, random, toggle),
    () => shiftRun(plan, allowedSlots, random, toggle),
    () => handOver(plan, allowedSlots, random, toggle),
  ];
  for (let iteration = 0; ; iteration++) {
    if (iteration % stride === 0) {
      const now = limits.clock();
      if (now >= limits.deadline) break;
      temperature = hot * (cold / hot) ** ((now - start) / span);
    }
    const before = plan.objective();
    const pick = random();
    undo.length = 0;
    if (pick < 0.002) {
      replanTeam(plan, Math.floor(random() * c.teams));
    } else {
      const moved = (pick < 0.75 ? moves[0] : pick < 0.97 || plan.unmet === 0 ? moves[1] : moves[2])!();
      if (!moved) {
        revert();
        continue;
      }
      const delta = plan.objective() - before;
      if (delta > 0 && random() >= Math.exp(-delta / temperature)) {
        revert();
        continue;
      }
    }
    const cost = plan.objective();
    if (cost < bestCost) {
      bestCost = cost;
      best.set(plan.at);
    }
  }
  return best;
}

type Toggle = (t: number, s: number, on: boolean) => void;

/** A random meeting that is not fixed, as `t * slots + s`, or -1. */
function randomMeeting(plan: HourPlan, random: () => number): number {
  const { c } = plan;
  const s = Math.floor(random() * c.slots);
  const n = plan.count[s]!;
  if (n === 0) return -1;
  return plan.members[s * c.teams + Math.floor(random() * n)]! * c.slots + s;
}

/** Moves one hour to another slot; when that slot has no free room, swaps with a team meeting there. */
function shiftOrSwap(
  plan: HourPlan,
  allowedSlots: Int32Array[],
  random: () => number,
  toggle: Toggle,
): boolean {
  const { c } = plan;
  const S = c.slots;
  const D = c.days;
  const meeting = randomMeeting(plan, random);
  if (meeting < 0) return false;
  const t = Math.floor(meeting / S);
  const s = meeting % S;
  const options = allowedSlots[t]!;
  const target = options[Math.floor(random() * options.length)]!;
  if (plan.at[t * S + target] === 1) return false;
  const from = c.dayOf[s]!;
  const to = c.dayOf[target]!;
  if (from !== to && plan.dayHours[t * D + to]! >= c.perDay) return false;
  if (plan.count[target]! < c.capacity[target]!) {
    toggle(t, s, false);
    toggle(t, target, true);
    return true;
  }
  const n = plan.count[target]!;
  if (n === 0) return false;
  const u = plan.members[target * c.teams + Math.floor(random() * n)]!;
  if (plan.at[u * S + s] === 1 || c.allowed[u * S + s] === 0) return false;
  if (from !== to && plan.dayHours[u * D + from]! >= c.perDay) return false;
  toggle(t, s, false);
  toggle(u, target, false);
  toggle(t, target, true);
  toggle(u, s, true);
  return true;
}

/** Moves a team's whole run of hours (fixed ones aside) to start at another slot. */
function shiftRun(plan: HourPlan, allowedSlots: Int32Array[], random: () => number, toggle: Toggle): boolean {
  const { c } = plan;
  const S = c.slots;
  const meeting = randomMeeting(plan, random);
  if (meeting < 0) return false;
  const t = Math.floor(meeting / S);
  let first = meeting % S;
  const inRun = (s: number) => s >= 0 && plan.at[t * S + s] === 1 && !plan.isFixed(t, s);
  while (inRun(c.prev[first]!)) first = c.prev[first]!;
  const run: number[] = [];
  for (let s = first; inRun(s); s = c.next[s]!) run.push(s);
  const options = allowedSlots[t]!;
  const start = options[Math.floor(random() * options.length)]!;
  if (start === first) return false;
  const targets: number[] = [];
  for (let s = start; targets.length < run.length; s = c.next[s]!) {
    if (s < 0 || c.allowed[t * S + s] === 0 || plan.isFixed(t, s)) return false;
    if (plan.at[t * S + s] === 1 && !run.includes(s)) return false;
    if (!run.includes(s) && plan.count[s]! >= c.capacity[s]!) return false;
    targets.push(s);
  }
  const to = c.dayOf[start]!;
  if (to !== c.dayOf[first] && plan.dayHours[t * c.days + to]! + run.length > c.perDay) return false;
  for (const s of run) toggle(t, s, false);
  for (const s of targets) toggle(t, s, true);
  return true;
}

/** Gives a team short of hours a slot: a free room if there is one, else another team's place. */
function handOver(plan: HourPlan, allowedSlots: Int32Array[], random: () => number, toggle: Toggle): boolean {
  const { c } = plan;
  const S = c.slots;
  const u = Math.floor(random() * c.teams);
  if (plan.hours[u]! >= c.demand[u]!) return false;
  const options = allowedSlots[u]!;
  if (options.length === 0) return false;
  const s = options[Math.floor(random() * options.length)]!;
  if (plan.at[u * S + s] === 1 || plan.dayHours[u * c.days + c.dayOf[s]!]! >= c.perDay) return false;
  if (plan.count[s]! >= c.capacity[s]!) {
    const t = plan.members[s * c.teams + Math.floor(random() * plan.count[s]!)]!;
    toggle(t, s, false);
  }
  toggle(u, s, true);
  return true;
}
