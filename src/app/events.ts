import { type Change, findChange } from '../core/changes.ts';
import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import type { Decision } from '../core/decision.ts';
import { unknownEvent } from '../core/errors.ts';
import { type CloneEventInput, cloneEvent } from '../core/event/clone-event.ts';
import { createEvent, type NewEventInput } from '../core/event/create-event.ts';
import { draftEvent, type EventDraftRequest } from '../core/event/draft-event.ts';
import type { Ctx } from '../core/model/actor.ts';
import type { EventInfo } from '../core/model/event.ts';
import { checkOrganizer } from '../core/permissions.ts';
import type { Revision, RevisionMeta } from '../core/revision.ts';
import { buildDemo } from '../demo/build-demo.ts';
import { demoEvent } from '../demo/oct2022-ptg.ts';
import { isUniqueViolation } from '../store/database.ts';
import { checkEventDocument } from './check-event-document.ts';
import { contextOf } from './context-of.ts';
import type { Runtime, Who } from './runtime.ts';
import { inviteTeamsAgain } from './team-invitations.ts';

/** Creates an event with its grid (organisers only). */
export function addEvent(runtime: Runtime, who: Who, input: NewEventInput): Promise<Checked<EventInfo>> {
  return startEvent(runtime, who, (existing, ctx) => createEvent(existing, input, ctx));
}

/** A new draft event, and how many teams of the event it copies were invited to sign up again. */
export interface StartedEvent {
  readonly event: EventInfo;
  readonly invitedTeams: number;
}

/**
 * Starts a new draft event from organisers' description of it (`draftEvent`), or, with `copyFrom`,
 * from an earlier event moved to new dates (`cloneEvent`), then, with `inviteTeams`, invites that
 * event's approved teams to sign up again (`inviteTeamsAgain`). Refuses like those rules, and with
 * `unknown_event` when the event to copy is not there.
 */
export async function startDraftEvent(
  runtime: Runtime,
  who: Who,
  request:
    | EventDraftRequest
    | (CloneEventInput & { readonly copyFrom: string; readonly inviteTeams?: boolean | undefined }),
): Promise<Checked<StartedEvent>> {
  if (!('copyFrom' in request)) {
    const started = await startEvent(runtime, who, (existing, ctx) => draftEvent(existing, request, ctx));
    return started.ok ? passed({ event: started.value, invitedTeams: 0 }) : started;
  }
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const source = await runtime.models.get(request.copyFrom);
  if (!source) return failedWith(unknownEvent(request.copyFrom));
  const started = await startEvent(runtime, who, (existing, ctx) =>
    cloneEvent(existing, source, request, ctx),
  );
  if (!started.ok) return started;
  const invitedTeams = request.inviteTeams ? await inviteTeamsAgain(runtime, source, started.value) : 0;
  return passed({ event: started.value, invitedTeams });
}

async function startEvent(
  runtime: Runtime,
  who: Who,
  decide: (existingSlugs: readonly string[], ctx: Ctx) => Decision,
): Promise<Checked<EventInfo>> {
  const existing = (await runtime.store.listEvents()).map((event) => event.slug);
  const ctx = contextOf(runtime, who);
  const decision = decide(existing, ctx);
  if (!decision.ok) return decision;
  const event = eventOf(decision.changes);
  try {
    await publishNew(runtime, event, decision.changes, metaOf(ctx));
  } catch (error) {
    // Two organisers choosing one short name at once: the database keeps the first.
    if (isUniqueViolation(error)) return failed('event_exists', `There is already an event "${event.slug}".`);
    throw error;
  }
  return passed(event);
}

/**
 * Loads the demo event into an empty database, with the board set as it would be at `now` and
 * written as of `now`: the same `now` gives the same event, byte for byte, in every database.
 * Does nothing when the event is already there, so restarting keeps what people changed.
 */
export async function seedDemo(runtime: Runtime, now: string): Promise<boolean> {
  if (await runtime.store.findEventId(demoEvent.slug)) return false;
  const { event, changes } = buildDemo(now);
  await publishNew(runtime, event, changes, {
    at: now,
    actorId: null,
    actorName: 'Convene demo set-up',
    source: 'demo',
  });
  return true;
}

/**
 * Writes an exported event into this database, all of it or nothing, after checking every record
 * as the API would (`checkEventDocument`); its slug and id must be free. Users in the file become
 * organisers only `withOrganisers`. Refuses with `invalid_input` (naming the record and field) or
 * `event_exists`.
 */
export async function importEventDocument(
  runtime: Runtime,
  input: unknown,
  options: { withOrganisers: boolean } = { withOrganisers: false },
): Promise<Checked<EventInfo>> {
  const checked = checkEventDocument(input, options);
  if (!checked.ok) return checked;
  const document = checked.value;
  if (
    (await runtime.store.findEventId(document.event.slug)) ||
    (await runtime.store.findEventId(document.event.id))
  ) {
    return failed('event_exists', `There is already an event "${document.event.slug}" in this database.`);
  }
  await runtime.store.importEvent(document);
  runtime.models.forget(document.event.id);
  return passed(document.event);
}

/**
 * Writes a new event prepared elsewhere (the ptgbot import, which runs the core's rules itself) as
 * the event's first revision; its slug and id must be free (`event_exists`).
 */
export async function addPreparedEvent(
  runtime: Runtime,
  who: Who,
  event: EventInfo,
  changes: readonly Change[],
): Promise<Checked<EventInfo>> {
  if ((await runtime.store.findEventId(event.slug)) || (await runtime.store.findEventId(event.id))) {
    return failed('event_exists', `There is already an event "${event.slug}" in this database.`);
  }
  await publishNew(runtime, event, changes, {
    at: runtime.clock.now(),
    actorId: who.actor?.userId ?? null,
    actorName: who.actor?.name ?? null,
    source: who.source,
  });
  return passed(event);
}

async function publishNew(
  runtime: Runtime,
  event: EventInfo,
  changes: readonly Change[],
  meta: RevisionMeta,
): Promise<Revision> {
  const revision = await runtime.store.createEvent(event, changes, meta);
  await runtime.bus.publish(revision).catch(() => {});
  return revision;
}

function eventOf(changes: readonly Change[]): EventInfo {
  const saved = findChange(changes, 'event.saved');
  if (!saved) throw new Error('createEvent returned no event');
  return saved.event;
}

function metaOf(ctx: Ctx): RevisionMeta {
  return {
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.name ?? null,
    source: ctx.source,
  };
}

/**
 * The event's audit log for organisers: up to `limit` revisions after `after`, oldest first. The
 * organiser check comes before the event is looked up, so drafts stay hidden from everyone else.
 * Refuses with `unauthenticated`, `forbidden` or `unknown_event`.
 */
export async function auditLog(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  after: number,
  limit?: number,
): Promise<Checked<Revision[]>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const state = await runtime.models.get(eventRef);
  if (!state) return failedWith(unknownEvent(eventRef));
  return passed(await runtime.store.revisionsAfter(state.event.id, after, limit));
}
