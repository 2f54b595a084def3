import type { Decision } from '../core/decision.ts';
import { type Refusal, refusal, unknownEvent } from '../core/errors.ts';
import type { Ctx } from '../core/model/actor.ts';
import type { EventState } from '../core/model/event-state.ts';
import { applyRevision } from '../core/projections/apply-change.ts';
import type { Revision } from '../core/revision.ts';
import { DatabaseUnavailable, isUniqueViolation } from '../store/database.ts';
import { contextOf } from './context-of.ts';
import type { Runtime, Who } from './runtime.ts';

/** The result of a write: the committed revision and the reply, or the refusal. */
export type Outcome =
  | {
      readonly ok: true;
      readonly reply: string;
      readonly revision: Revision | null;
      readonly state: EventState;
    }
  | { readonly ok: false; readonly refusal: Refusal };

export type Decide = (state: EventState, ctx: Ctx) => Decision;

/**
 * Runs one write to an event: under the event's lock, bring the state up to the last committed
 * revision, let the core decide, commit the changes with their audit row, and publish only after
 * the commit. A unique index that still refuses (a race the lock did not see, e.g. a write from an
 * older version) is answered by deciding again on fresh state, so it ends as a refusal, never a 500.
 * A lost database connection throws `DatabaseUnavailable`, after one more try when nothing can
 * have been committed; adapters answer it as `unavailable`.
 */
export async function execute(
  runtime: Runtime,
  eventRef: string,
  who: Who,
  decide: Decide,
): Promise<Outcome> {
  const outcome = await decideAndCommit(runtime, eventRef, who, decide);
  runtime.observers?.written(outcome, who.source);
  return outcome;
}

async function decideAndCommit(
  runtime: Runtime,
  eventRef: string,
  who: Who,
  decide: Decide,
): Promise<Outcome> {
  const loaded = await runtime.models.getFor(eventRef, who.actor);
  if (!loaded) return { ok: false, refusal: unknownEvent(eventRef) };
  const eventId = loaded.event.id;
  const early = await answerWithoutLock(runtime, loaded, who, decide);
  if (early) return early;
  let retriedConnection = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptWrite(runtime, eventId, who, decide);
    } catch (error) {
      // A connection that died before the commit was sent wrote nothing: one more try, on a new
      // connection after a short pause (a restarting server takes a moment to accept again).
      if (error instanceof DatabaseUnavailable && error.committed === false && !retriedConnection) {
        retriedConnection = true;
        await new Promise((resolve) => setTimeout(resolve, reconnectPauseMs));
        continue;
      }
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
      await runtime.models.catchUp(eventId);
    }
  }
}

/** How long a write waits before its one more try after losing its database connection. */
const reconnectPauseMs = 500;

/**
 * A decision that writes nothing (a refusal, or nothing to change) is final when the in-memory
 * state is the last committed one: checking the revision costs one read instead of a locked
 * transaction, and most attempts to book a popular cell are refusals.
 */
async function answerWithoutLock(
  runtime: Runtime,
  state: EventState,
  who: Who,
  decide: Decide,
): Promise<Outcome | null> {
  const decision = decide(state, contextOf(runtime, who));
  if (decision.ok && decision.changes.length > 0) return null;
  if ((await runtime.store.currentRevision(state.event.id)) !== state.revision) return null;
  return decision.ok ? { ok: true, reply: decision.reply, revision: null, state } : decision;
}

async function attemptWrite(runtime: Runtime, eventId: string, who: Who, decide: Decide): Promise<Outcome> {
  let decision: Decision | null = null;
  let decidedOn: EventState | null = null;
  const revision = await runtime.store.commitRevision(eventId, async (writer) => {
    // Inside the transaction only the writer may touch the database: on SQLite the connection is
    // held by this transaction, and any other query would wait for it forever.
    let state = runtime.models.cached(eventId) ?? (await writer.loadEvent());
    if (!state) return null;
    runtime.models.adopt(state);
    if (state.revision < writer.previousRevision) {
      const missed = await writer.revisionsAfter(state.revision);
      runtime.models.accept(missed);
      state = missed.reduce((current, next) => applyRevision(current, next.revision, next.changes), state);
    }
    const ctx = contextOf(runtime, who);
    decidedOn = state;
    decision = decide(state, ctx);
    if (!decision.ok || decision.changes.length === 0) return null;
    return {
      changes: decision.changes,
      meta: {
        at: ctx.now,
        actorId: who.actor?.userId ?? null,
        actorName: who.actor?.name ?? null,
        source: who.source,
      },
    };
  });
  const decided = decision as Decision | null;
  const state = decidedOn as EventState | null;
  if (!decided || !state) return { ok: false, refusal: refusal('unknown_event') };
  if (!decided.ok) return decided;
  if (!revision) return { ok: true, reply: decided.reply, revision: null, state };
  runtime.models.accept([revision]);
  await runtime.bus.publish(revision).catch(() => {});
  return { ok: true, reply: decided.reply, revision, state: runtime.models.cached(eventId) ?? state };
}
