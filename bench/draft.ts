// `npm run bench:draft`: the draft-schedule solver on seeded instances of a real PTG's size and of a
// large gathering, against the greedy baseline and a hand-filled spreadsheet, in the same run.
// BENCH_DRAFT_SECONDS caps every time limit (for a quick look); BENCH_DRAFT_SEED picks the search seed.
import { loadavg } from 'node:os';
import { assignRooms } from '../src/core/draft-schedule/assign-rooms.ts';
import { checkDraft } from '../src/core/draft-schedule/check-draft.ts';
import { compileInstance } from '../src/core/draft-schedule/compiled-instance.ts';
import type { DraftBooking, DraftCost, DraftInstance } from '../src/core/draft-schedule/draft-instance.ts';
import { greedyPlan } from '../src/core/draft-schedule/greedy-draft.ts';
import { bookingsOf, solveDraft } from '../src/core/draft-schedule/solve-draft.ts';
import { spreadsheetRooms } from '../src/core/draft-schedule/spreadsheet-draft.ts';
import { seededRandom } from '../src/demo/seeded-random.ts';
import { generateDraftInstance, largeShape, ptgShape } from '../test/support/draft-instances.ts';
import { printTable } from './stats.ts';

const cap = Number(process.env.BENCH_DRAFT_SECONDS ?? Number.POSITIVE_INFINITY);
const seed = Number(process.env.BENCH_DRAFT_SEED ?? 1);
const cases = [
  { name: 'PTG size: 46 teams, 15 rooms, 40 slots, 600 people', shape: ptgShape, seconds: 60 },
  { name: 'large: 150 teams, 40 rooms, 40 slots, 3,000 people', shape: largeShape, seconds: 120 },
];

const repairSeconds = 5;
const repairs: string[][] = [];

/** Two changes to a solved instance, each repaired from the draft: a team asks two more hours; a room closes for a day. */
function repair(name: string, instance: DraftInstance, bookings: readonly DraftBooking[]): string[][] {
  const team = instance.teams.find((candidate) => candidate.hours <= 12 && candidate.windows.length === 0);
  const room = instance.rooms[0]!.id;
  const day = instance.slots[0]!.day;
  const changes: [string, DraftInstance][] = [
    [
      `${team?.id} asks two more hours`,
      { ...instance, teams: instance.teams.map((t) => (t === team ? { ...t, hours: t.hours + 2 } : t)) },
    ],
    [
      `${room} closes on ${day}`,
      {
        ...instance,
        unavailable: [
          ...instance.unavailable.filter((cell) => cell.room !== room),
          ...instance.slots.filter((slot) => slot.day === day).map((slot) => ({ room, slot: slot.id })),
        ],
        teams: instance.teams.map((t) => ({ ...t, fixed: t.fixed.filter((cell) => cell.room !== room) })),
      },
    ],
  ];
  return changes.map(([change, changed]) => {
    const before = checkDraft(changed, bookings).cost.total;
    const repaired = solveDraft(changed, {
      timeLimitMs: repairSeconds * 1000,
      clock: () => performance.now(),
      random: seededRandom(seed),
      previous: bookings,
    });
    if (checkDraft(changed, repaired.bookings).broken.length > 0)
      throw new Error(`the repair of ${name} breaks a rule`);
    return [
      name.split(':')[0]!,
      change,
      String(repaired.moved),
      `${before} → ${repaired.cost.total}`,
      repaired.seconds.toFixed(1),
    ];
  });
}

const terms = (cost: DraftCost) =>
  `${cost.total} (${cost.unmet_hours} unmet, clash ${cost.clash}, ${cost.runs} runs, ${cost.room_changes} room changes)`;

console.log(
  `Draft schedule: Node ${process.version}, search seed ${seed}, load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} at the start.`,
);
const rows = [['instance', 'what', 'cost (terms)', 'bound', 'gap', 'seconds']];
for (const { name, shape, seconds } of cases) {
  const instance = generateDraftInstance(shape);
  const c = compileInstance(instance);
  const started = performance.now();
  const greedy = checkDraft(instance, bookingsOf(c, assignRooms(c, greedyPlan(c).at)));
  const greedySeconds = (performance.now() - started) / 1000;
  const sheet = checkDraft(instance, bookingsOf(c, spreadsheetRooms(c)));
  const limit = Math.min(seconds, cap);
  const draft = solveDraft(instance, {
    timeLimitMs: limit * 1000,
    clock: () => performance.now(),
    random: seededRandom(seed),
  });
  const check = checkDraft(instance, draft.bookings);
  if (check.broken.length > 0 || check.cost.total !== draft.cost.total)
    throw new Error(`the draft of ${name} breaks a rule or misreports its cost: ${check.broken.join('; ')}`);
  const gap = draft.bound
    ? `${(((draft.cost.total - draft.bound) / draft.cost.total) * 100).toFixed(1)}%`
    : '-';
  repairs.push(...repair(name, instance, draft.bookings));
  rows.push(
    [
      `seed ${shape.seed}, ${name}`,
      `solver (limit ${limit} s)`,
      terms(draft.cost),
      String(draft.bound),
      gap,
      draft.seconds.toFixed(1),
    ],
    ['', 'greedy baseline', terms(greedy.cost), '', '', greedySeconds.toFixed(1)],
    ['', 'spreadsheet proxy', terms(sheet.cost), '', '', ''],
    [
      '',
      'solver vs greedy',
      `${((draft.cost.total / greedy.cost.total) * 100).toFixed(1)}% of its cost`,
      '',
      '',
      '',
    ],
  );
}
printTable('Cost of each draft, every term recomputed by checkDraft (lower is better)', rows);
printTable(`Repair after one change (limit ${repairSeconds} s): meetings of the draft that moved`, [
  ['instance', 'change', 'moved', 'cost before → after', 'seconds'],
  ...repairs,
]);
console.log(
  `\nLoad average at the end: ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}.`,
);
