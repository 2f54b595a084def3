import { Worker } from 'node:worker_threads';
import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import { applyDraft } from '../core/draft-schedule/apply-draft.ts';
import { checkDraft } from '../core/draft-schedule/check-draft.ts';
import { describeDraft } from '../core/draft-schedule/describe-draft.ts';
import type { DraftBooking, DraftInstance } from '../core/draft-schedule/draft-instance.ts';
import type { EventDraft } from '../core/draft-schedule/event-draft.ts';
import { instanceOfEvent } from '../core/draft-schedule/instance-of-event.ts';
import type { SolvedDraft } from '../core/draft-schedule/solve-draft.ts';
import { unknownEvent } from '../core/errors.ts';
import type { EventState } from '../core/model/event-state.ts';
import { addMinutes } from '../core/model/instant.ts';
import { checkOrganizer } from '../core/permissions.ts';
import { idMakerOf } from './context-of.ts';
import { execute, type Outcome } from './execute.ts';
import type { Runtime, Who } from './runtime.ts';

/** How long a draft may search: by default, and at most (a web request waits for it). */
export const draftSeconds = { default: 10, most: 60 } as const;
/** Drafts are kept this long after they are made, then deleted. */
const keptForDays = 7;

/** How a draft is searched for: for how long, and whether it changes the current bookings as little as it can. */
export interface DraftOptions {
  readonly seconds?: number;
  /** repair mode: start from the current bookings, each one moved costing `defaultMovePenalty` */
  readonly keepCurrent?: boolean;
}

/**
 * Drafts the event's schedule from what its teams asked for (organisers only): builds the event's
 * instance, searches for `seconds` in a worker thread (from the current bookings, moving as few as it
 * can, when `keepCurrent`), tells the cost in words, compares it with the current bookings, and keeps
 * the draft so it can be shown and applied by its id.
 * Refuses with `unknown_event`, `unauthenticated`, `forbidden`, `invalid_input` or `invalid_instance`.
 */
export async function makeScheduleDraft(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  options: DraftOptions = {},
): Promise<Checked<EventDraft>> {
  const state = await runtime.models.getFor(eventRef, who.actor);
  if (!state) return failedWith(unknownEvent(eventRef));
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const now = runtime.clock.now();
  const instance = instanceOfEvent(state, await runtime.store.followsOfEvent(state.event.id), now);
  if (!instance.ok) return instance;
  const current = currentBookings(state);
  const draft = await solveInWorker(instance.value, {
    timeLimitMs: (options.seconds ?? draftSeconds.default) * 1000,
    seed: state.revision + 1,
    previous: options.keepCurrent ? current : null,
  });
  const nameOf = teamNames(state);
  const inDraft = new Set(draft.bookings.map(cellKey));
  const kept = current.filter((booking) => inDraft.has(cellKey(booking))).length;
  const { bookings, cost, bound } = draft;
  const made: EventDraft = {
    id: idMakerOf(runtime)(),
    eventId: state.event.id,
    createdAt: now,
    createdBy: who.actor?.userId ?? null,
    basis: state.bookings.map((booking) => booking.id),
    draft: { bookings, cost, bound, seconds: draft.seconds },
    words: describeDraft(instance.value, bookings, cost, nameOf),
    current: {
      cost: checkDraft(instance.value, current).cost,
      kept,
      added: bookings.length - kept,
      released: current.length - kept,
    },
    appliedAt: null,
  };
  await runtime.store.drafts.saveDraft(made, addMinutes(now, -keptForDays * 24 * 60));
  return passed(made);
}

/** A draft made for the event (organisers only). Refuses with `unknown_event`, `unauthenticated`, `forbidden` or `unknown_draft`. */
export async function scheduleDraftOf(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  id: string,
): Promise<Checked<{ state: EventState; draft: EventDraft }>> {
  const state = await runtime.models.getFor(eventRef, who.actor);
  if (!state) return failedWith(unknownEvent(eventRef));
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const draft = await runtime.store.drafts.draft(state.event.id, id);
  return draft ? passed({ state, draft }) : failed('unknown_draft');
}

/**
 * Applies a kept draft to the event in one revision (`applyDraft`: organiser assignments through
 * the booking rules) and marks it applied. Refuses as `scheduleDraftOf` and `applyDraft` do.
 */
export async function applyScheduleDraft(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  id: string,
): Promise<Outcome> {
  const found = await scheduleDraftOf(runtime, who, eventRef, id);
  if (!found.ok) return found;
  const { draft } = found.value;
  const outcome = await execute(runtime, eventRef, who, (state, ctx) =>
    applyDraft(state, { bookings: draft.draft.bookings, basis: draft.basis }, ctx),
  );
  if (outcome.ok) {
    const now = runtime.clock.now();
    await runtime.store.drafts.saveDraft(
      { ...draft, appliedAt: now },
      addMinutes(now, -keptForDays * 24 * 60),
    );
  }
  return outcome;
}

/** The official teams' bookings, named as in the event's instance. */
function currentBookings(state: EventState): DraftBooking[] {
  const team = new Map(state.teams.filter((t) => t.status === 'approved').map((t) => [t.id, t.slug]));
  const room = new Map(state.rooms.map((r) => [r.id, r.slug]));
  const slot = new Map(state.slots.map((s) => [s.id, s.code]));
  return state.bookings
    .filter((booking) => team.has(booking.teamId))
    .map((booking) => ({
      team: team.get(booking.teamId) as string,
      room: room.get(booking.roomId) as string,
      slot: slot.get(booking.slotId) as string,
    }));
}

function teamNames(state: EventState): (slug: string) => string {
  const names = new Map(state.teams.map((team) => [team.slug, team.name]));
  return (slug) => names.get(slug) ?? slug;
}

function cellKey(booking: DraftBooking): string {
  return `${booking.team} ${booking.room} ${booking.slot}`;
}

/** One search at a time per process: the machine's cores serve requests too. */
let queue: Promise<unknown> = Promise.resolve();

function solveInWorker(
  instance: DraftInstance,
  search: { timeLimitMs: number; seed: number; previous: DraftBooking[] | null },
): Promise<SolvedDraft> {
  // the worker runs the TypeScript sources as the main thread does: tsx registered first
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./draft-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const run = () =>
    new Promise<SolvedDraft>((resolve, reject) => {
      const worker = new Worker(code, { eval: true, workerData: { instance, ...search } });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (exit) => reject(new Error(`the draft worker stopped with code ${exit}`)));
    });
  const solved = queue.then(run, run);
  queue = solved.catch(() => undefined);
  return solved;
}
