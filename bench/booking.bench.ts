import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addEvent } from '../src/app/events.ts';
import { systemActor } from '../src/core/model/actor.ts';
import { seededRandom } from '../src/demo/seeded-random.ts';
import { KyselyStore } from '../src/store/kysely-store.ts';
import { smallEvent } from '../test/support/builders.ts';
import { createTestDatabase, postgresAvailable } from '../test/support/postgres.ts';
import { runtimeOn } from '../test/support/runtime.ts';
import { median } from './stats.ts';

const rooms = 30;
const teams = 60;
const attempts = 2000;
const concurrency = 8;

export interface BookingFigures {
  readonly database: string;
  /** attempts per second through the full rule check and commit */
  readonly convene: number;
  /** bare transactions inserting the same rows, no rules: the database's own ceiling */
  readonly bare: number;
  readonly booked: number;
}

/**
 * Booking attempts per second: random cells for random teams (many refused by the rules), eight at
 * a time, through `bookSlot` and the store's locked transaction — next to bare insert transactions
 * on the same table, measured in the same run.
 */
export async function benchBookings(rounds: number): Promise<BookingFigures[]> {
  const results: BookingFigures[] = [];
  for (const database of ['sqlite', 'postgres'] as const) {
    if (database === 'postgres' && !postgresAvailable) {
      console.log('  PostgreSQL is not reachable on 127.0.0.1:5432: its booking figures are skipped.');
      continue;
    }
    const convene: number[] = [];
    const bare: number[] = [];
    let booked = 0;
    for (let round = 0; round < rounds; round++) {
      const target = await freshDatabase(database);
      try {
        const measured = await measureConvene(target.url);
        convene.push(measured.rate);
        booked = measured.booked;
        bare.push(await measureBare(target.url));
      } finally {
        await target.dispose();
      }
    }
    results.push({ database, convene: median(convene), bare: median(bare), booked });
  }
  return results;
}

async function freshDatabase(
  kind: 'sqlite' | 'postgres',
): Promise<{ url: string; dispose: () => Promise<void> }> {
  if (kind === 'postgres') {
    const database = await createTestDatabase();
    return { url: database.url, dispose: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
  return {
    url: `sqlite:${join(dir, 'bench.sqlite')}`,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function measureConvene(url: string): Promise<{ rate: number; booked: number }> {
  const store = KyselyStore.open(url, { poolSize: concurrency + 2 });
  await store.migrate();
  const runtime = runtimeOn({ store, url, dispose: () => store.close() }, '2022-09-01T00:00:00Z');
  const { models, clock, ops } = runtime;
  const who = { actor: systemActor, source: 'api' as const };
  // Five days of eight hourly slots in UTC, no phases, caps of four hours a day and sixteen in all.
  const created = await addEvent(runtime, who, {
    ...smallEvent,
    slug: 'bench',
    title: 'Bench',
    endsOn: '2022-10-21',
    timeZone: 'UTC',
    windows: [{ name: 'Day', start: '08:00', end: '16:00' }],
    rules: { dailyCapMinutes: 240, totalCapMinutes: 960, crossProjectOpensAt: null, othersOpenAt: null },
  });
  if (!created.ok) throw new Error(created.refusal.message);
  for (let index = 0; index < rooms; index++) await ops.saveRoom('bench', who, { name: `room ${index}` });
  for (let index = 0; index < teams; index++)
    await ops.createTeam('bench', who, { name: `team ${index}`, kind: 'project', crossProject: false });
  clock.set('2022-10-01T00:00:00Z');
  const state = (await models.get('bench'))!;
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const inputs = Array.from({ length: attempts }, () => ({
    team: pick(state.teams).id,
    room: pick(state.rooms).id,
    slot: pick(state.slots).id,
  }));
  let next = 0;
  let booked = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        if ((await ops.bookSlot('bench', who, input)).ok) booked++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await runtime.close();
  return { rate: attempts / seconds, booked };
}

async function measureBare(url: string): Promise<number> {
  const store = KyselyStore.open(url, { poolSize: concurrency + 2 });
  const state = (await store.loadEvent((await store.findEventId('bench'))!))!;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < attempts) {
        const index = next++;
        await store.db.transaction().execute(async (tx) => {
          await tx
            .insertInto('bookings')
            .values({
              id: randomUUID(),
              event_id: state.event.id,
              team_id: state.teams[index % state.teams.length]!.id,
              room_id: state.rooms[index % state.rooms.length]!.id,
              slot_id: state.slots[Math.floor(index / state.rooms.length) % state.slots.length]!.id,
              kind: 'self',
              created_by: null,
              created_at: '2022-10-01T00:00:00Z',
              source: 'api',
              override: 0,
              cancelled_at: '2022-10-01T00:00:00Z',
              cancelled_by: null,
              cancel_source: null,
            })
            .execute();
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return attempts / seconds;
}
