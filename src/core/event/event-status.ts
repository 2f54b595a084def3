import type { Checked } from '../checked.ts';
import { failed, passed } from '../checked.ts';
import { accept, type Decision, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventInfo, EventStatus } from '../model/event.ts';
import { eventStatuses } from '../model/event.ts';
import type { EventState } from '../model/event-state.ts';
import { checkOrganizer } from '../permissions.ts';

/**
 * The steps an event's status may take: a draft is published; a published event is archived once
 * it is over (or goes back to being a draft, if it was published by mistake); an archive may be
 * opened again. A draft is never archived without having been published.
 */
const nextStatuses: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['published'],
  published: ['archived', 'draft'],
  archived: ['published'],
};

/** Whether an event may go from its status to `to` (staying put is allowed). Refuses with `invalid_input`. */
export function checkStatusChange(
  event: Pick<EventInfo, 'status' | 'title'>,
  to: string,
): Checked<EventStatus> {
  const status = eventStatuses.find((known) => known === to);
  if (!status)
    return failed('invalid_input', `"${to.slice(0, 20)}" is not a status: use ${eventStatuses.join(', ')}.`);
  if (status !== event.status && !nextStatuses[event.status].includes(status)) {
    return failed(
      'invalid_input',
      `${event.title} is ${event.status}; it can become ${nextStatuses[event.status].join(' or ')}, not ${status}.`,
    );
  }
  return passed(status);
}

const said: Record<EventStatus, string> = {
  draft: 'is a draft again: only organisers see it',
  published: 'is published: everyone sees it',
  archived:
    'is archived: its pages and feeds stay, and sign-up, registration, booking, topics, check-ins and subscriptions are closed',
};

/**
 * Organisers publish, archive or reopen an event (see `checkStatusChange`).
 * Refuses with `unauthenticated`, `forbidden` or `invalid_input`.
 */
export function setEventStatus(state: EventState, input: { status: string }, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const status = checkStatusChange(state.event, input.status);
  if (!status.ok) return refused(status.refusal);
  if (status.value === state.event.status) return accept([], `${state.event.title} ${said[status.value]}.`);
  const event = { ...state.event, status: status.value };
  return accept([{ type: 'event.saved', event }], `${event.title} ${said[status.value]}.`);
}
