import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { seedDemo } from '../../src/app/events.ts';
import type { Operations } from '../../src/app/operations.ts';
import { addUser, createApiToken } from '../../src/app/people.ts';
import type { Runtime } from '../../src/app/runtime.ts';
import type { Instant } from '../../src/core/model/instant.ts';
import { type AppOptions, buildApp } from '../../src/web/app.ts';
import type { WebDeps } from '../../src/web/deps.ts';
import type { FixedClock } from './fixed-clock.ts';
import { runtimeOn } from './runtime.ts';
import { storeKinds } from './stores.ts';

/** Tuesday 18 Oct 2022, 14:20 UTC: the demo event is running. */
export const demoNow: Instant = '2022-10-18T14:20:00Z';

export interface TestSite {
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
  readonly ops: Operations;
  readonly clock: FixedClock;
  /** an organiser's API token */
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The whole web side on a fresh SQLite file with the demo event, standing still at `now` until the
 * test moves the clock, and an organiser who can write through the API.
 */
export async function openTestSite(now: Instant = demoNow, options: TestSiteOptions = {}): Promise<TestSite> {
  const sqlite = storeKinds.find((kind) => kind.name === 'sqlite') as (typeof storeKinds)[number];
  const runtime = runtimeOn(await sqlite.open(), now);
  const { store, clock, ops } = runtime;
  await seedDemo(runtime, now);
  const user = await addUser(runtime, { email: 'olive@example.org', name: 'Olive', isOrganizer: true });
  if (!user.ok) throw new Error(user.refusal.message);
  const { token } = await createApiToken(runtime, user.value.id, 'tests');
  if (options.organizer === false) await store.setOrganizer(user.value.id, false);
  const app = await buildApp(
    { runtime, ops, baseUrl: 'http://localhost', ...options.deps },
    { ...(options.logger ? { logger: options.logger } : {}), ...options.app },
  );
  return {
    app,
    runtime,
    ops,
    clock,
    token,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/** What a suite may change about its test site. */
export interface TestSiteOptions {
  /** more web dependencies: a mailer, an OpenID Connect provider, rate limits, another address */
  readonly deps?: Partial<Omit<WebDeps, 'runtime' | 'ops'>>;
  /** false: the test user Olive is not an organiser (a fresh install has none) */
  readonly organizer?: boolean;
  readonly logger?: AppOptions['logger'];
  /** more of the app's options: a logger instance, the metrics token */
  readonly app?: AppOptions;
}

/** Opens a test site before the suite's tests and closes it after; call at the top of a file. */
export function useTestSite(now: Instant = demoNow, options: TestSiteOptions = {}): () => TestSite {
  let site: TestSite | null = null;
  beforeAll(async () => {
    site = await openTestSite(now, options);
  });
  afterAll(async () => site?.close());
  return () => {
    if (!site) throw new Error('the test site is not open yet');
    return site;
  };
}

interface ScheduleJson {
  rooms: { slug: string }[];
  slots: { id: string; code: string; start: string }[];
  /** `teams`: the host, then the guests of a joint session */
  bookings: { team: string | null; teams?: string[]; room: string | null; slot: string }[];
  unavailable: { room: string | null; slot: string }[];
}

/**
 * A cell of the schedule JSON, after `after`, that is free and where `team` does not already meet,
 * as a host or as a guest of a joint session.
 */
export function freeCell(
  schedule: ScheduleJson,
  team: string,
  after: Instant = demoNow,
): { room: string; slot: string; slotId: string } {
  for (const slot of schedule.slots) {
    if (slot.start <= after) continue;
    const inSlot = schedule.bookings.filter((booking) => booking.slot === slot.id);
    if (inSlot.some((booking) => booking.team === team || booking.teams?.includes(team))) continue;
    const room = schedule.rooms.find(
      (candidate) =>
        !inSlot.some((booking) => booking.room === candidate.slug) &&
        !schedule.unavailable.some((cell) => cell.room === candidate.slug && cell.slot === slot.id),
    );
    if (room) return { room: room.slug, slot: slot.code, slotId: slot.id };
  }
  throw new Error(`no free cell for ${team}`);
}

/** Every page of the demo event, for suites that check them all. */
export const demoPages = [
  '/events/oct2022-ptg',
  '/events/oct2022-ptg/board',
  '/events/oct2022-ptg/schedule',
  '/events/oct2022-ptg/schedule?day=2022-10-20',
  '/events/oct2022-ptg/teams',
  '/events/oct2022-ptg/teams/nova',
  '/events/oct2022-ptg/rooms/bexar',
  '/events/oct2022-ptg/rooms/bexar/display',
  '/events/oct2022-ptg/etherpads',
  '/events/oct2022-ptg/help',
  '/events/oct2022-ptg/people',
];
