/**
 * Seeded draft instances with the shape of a real PTG, for the solver's tests and `npm run bench:draft`.
 *
 * - Five days (17–21 October 2022), each with three windows of hourly slots in UTC: "APAC / Europe"
 *   06:00–08:00, "Americas / Europe" 13:00–17:00, "APAC / Americas" 21:00–23:00 (40 slots), as in
 *   the demo event; caps of 4 hours a day and 16 in all.
 * - Teams ask for 4 to 16 hours (most for 8 to 12). Just over half can only meet in the
 *   Americas / Europe window, a fifth add APAC / Europe, a tenth add APAC / Americas, a tenth take
 *   any window and the rest only the two APAC windows — so the middle window is over-asked, as it
 *   was at the real events.
 * - Teams come in families of about five (a project and its neighbours). Each person follows one to
 *   five teams (most one or two), mostly within one family, popular teams more often; moderators of
 *   two teams are people too.
 * - About one team in seven lists one or two teams to avoid (mostly in its own family); about one in
 *   ten holds one or two fixed bookings; a few rooms are closed for a few hours.
 */
import type { DraftCell, DraftInstance, DraftTeam } from '../../src/core/draft-schedule/draft-instance.ts';
import { seededRandom } from '../../src/demo/seeded-random.ts';

export interface InstanceShape {
  readonly seed: number;
  readonly teams: number;
  readonly rooms: number;
  readonly people: number;
  /** days from 17 October 2022 (default 5) */
  readonly days?: number;
  /** closed cells, roughly (default: 2% of the cells) */
  readonly closed?: number;
}

const windows = [
  { name: 'APAC / Europe', hours: [6, 7] },
  { name: 'Americas / Europe', hours: [13, 14, 15, 16] },
  { name: 'APAC / Americas', hours: [21, 22] },
];

/** The October 2022 PTG's size: 46 teams, 15 rooms, 40 slots, 600 people. */
export const ptgShape: InstanceShape = { seed: 2022, teams: 46, rooms: 15, people: 600 };
/** A large gathering: 150 teams, 40 rooms, 40 slots, 3,000 people. */
export const largeShape: InstanceShape = { seed: 2023, teams: 150, rooms: 40, people: 3000 };

export function generateDraftInstance(shape: InstanceShape): DraftInstance {
  const random = seededRandom(shape.seed);
  const below = (n: number) => Math.floor(random() * n);
  const days = shape.days ?? 5;
  const slots = [];
  for (let d = 0; d < days; d++) {
    const day = `2022-10-${String(17 + d).padStart(2, '0')}`;
    for (const window of windows) {
      for (const hour of window.hours) {
        const hh = String(hour).padStart(2, '0');
        slots.push({ id: `d${d + 1}h${hh}`, day, window: window.name, start: `${day}T${hh}:00:00Z` });
      }
    }
  }
  const rooms = Array.from({ length: shape.rooms }, (_, r) => ({
    id: `room-${String(r + 1).padStart(2, '0')}`,
  }));
  const caps = { per_day: 4, total: 16 };
  const unavailable: DraftCell[] = [];
  const closedTarget = shape.closed ?? Math.round(0.02 * rooms.length * slots.length);
  const closed = new Set<string>();
  while (closed.size < closedTarget) {
    const room = rooms[below(rooms.length)]!.id;
    const first = below(slots.length);
    for (let k = 0; k < 1 + below(3) && first + k < slots.length; k++) {
      const slot = slots[first + k]!.id;
      if (closed.size < closedTarget && !closed.has(`${room} ${slot}`)) {
        closed.add(`${room} ${slot}`);
        unavailable.push({ room, slot });
      }
    }
  }
  const teamIds = Array.from({ length: shape.teams }, (_, t) => `team-${String(t + 1).padStart(3, '0')}`);
  const family = teamIds.map((_, t) => Math.floor(t / 5));
  const families = Math.ceil(shape.teams / 5);
  const popularity = teamIds.map(() => 0.3 + random() ** 2 * 3);
  const asked = [4, 6, 8, 8, 10, 10, 12, 12, 12, 16];
  const teams: DraftTeam[] = teamIds.map((id, t) => {
    const roll = random();
    const windowsOf =
      roll < 0.55
        ? ['Americas / Europe']
        : roll < 0.75
          ? ['APAC / Europe', 'Americas / Europe']
          : roll < 0.85
            ? ['Americas / Europe', 'APAC / Americas']
            : roll < 0.95
              ? []
              : ['APAC / Europe', 'APAC / Americas'];
    const avoid: string[] = [];
    if (random() < 0.15) {
      for (let k = 0; k < 1 + below(2); k++) {
        const near = random() < 0.7;
        const other = near ? Math.min(shape.teams - 1, family[t]! * 5 + below(5)) : below(shape.teams);
        if (other !== t && !avoid.includes(teamIds[other]!)) avoid.push(teamIds[other]!);
      }
    }
    return { id, hours: asked[below(asked.length)]!, windows: windowsOf, avoid, fixed: [] };
  });
  addFixed(teams, slots, rooms, closed, caps, random);
  const people: { teams: string[] }[] = [];
  const byFamily = Array.from({ length: families }, (_, f) => teamIds.filter((_, t) => family[t] === f));
  const weighted = (candidates: readonly string[]) => {
    const total = candidates.reduce((sum, id) => sum + popularity[teamIds.indexOf(id)]!, 0);
    let roll = random() * total;
    for (const id of candidates) {
      roll -= popularity[teamIds.indexOf(id)]!;
      if (roll <= 0) return id;
    }
    return candidates[candidates.length - 1]!;
  };
  const sizes = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5];
  for (let p = 0; p < shape.people; p++) {
    const home = byFamily[below(families)]!;
    const wanted = sizes[below(sizes.length)]!;
    const chosen = new Set<string>();
    for (let tries = 0; chosen.size < wanted && tries < 20; tries++) {
      chosen.add(random() < 0.7 ? weighted(home) : weighted(teamIds));
    }
    people.push({ teams: [...chosen] });
  }
  return { version: 1, slots, rooms, unavailable, caps, teams, people };
}

/** One or two fixed bookings for about one team in ten, in open cells of its windows, never overlapping. */
function addFixed(
  teams: DraftTeam[],
  slots: readonly { id: string; window: string; day: string }[],
  rooms: readonly { id: string }[],
  closed: Set<string>,
  caps: { per_day: number; total: number },
  random: () => number,
): void {
  const held = new Set<string>();
  teams.forEach((team, t) => {
    if (random() >= 0.1) return;
    const fixed: DraftCell[] = [];
    const allowed = slots.filter((slot) => team.windows.length === 0 || team.windows.includes(slot.window));
    for (
      let k = 0;
      k < 1 + Math.floor(random() * 2) && fixed.length < Math.min(team.hours, caps.total);
      k++
    ) {
      const slot = allowed[Math.floor(random() * allowed.length)]!;
      const room = rooms[Math.floor(random() * rooms.length)]!.id;
      const cell = `${room} ${slot.id}`;
      if (closed.has(cell) || held.has(cell) || fixed.some((other) => other.slot === slot.id)) continue;
      held.add(cell);
      fixed.push({ room, slot: slot.id });
    }
    teams[t] = { ...team, fixed };
  });
}
