import type { FastifyReply, FastifyRequest } from 'fastify';
import { clashesBySlot, clashesOf } from '../../../app/clashes.ts';
import { cellVerdicts } from '../../../core/booking/cell-verdicts.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { Team } from '../../../core/model/team.ts';
import { isOrganizer } from '../../../core/permissions.ts';
import type { WebDeps } from '../../deps.ts';
import type { FormBody } from '../form-body.ts';
import { pageWho } from '../people-context.ts';
import { eventDays } from '../public/event-days.ts';
import { viewerZone } from '../time-zone.ts';
import type { BookingGridProps } from './booking-grid.tsx';

/**
 * Everything the booking grid shows for the person looking: the verdict of each cell as booking
 * would decide it for them now, the clash warnings of each hour and of the team's booked hours, and
 * the day asked for (`?day=`, or the day the refused form was for), else today, else the first.
 */
export async function bookingGridProps(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  team: Team,
  form: FormBody | undefined,
): Promise<Omit<BookingGridProps, 'csrf'>> {
  const now = deps.runtime.clock.now();
  const who = await pageWho(request);
  const ctx = { actor: who.actor, now, source: who.source, newId: () => 'preview' };
  const days = eventDays(state, now);
  const asked = form?.text('day') || (request.query as { day?: unknown }).day;
  const day = days.find((candidate) => candidate.day === asked) ??
    days.find((candidate) => candidate.today) ??
    days[0] ?? { day: state.event.startsOn, today: false };
  return {
    state,
    team,
    rows: cellVerdicts(state, team, ctx),
    day: day.day,
    days,
    zone: viewerZone(request, reply, state.event.timeZone),
    clashes: await clashesBySlot(deps.runtime, state, team),
    booked: await clashesOf(deps.runtime, state, team),
    base: `/events/${state.event.slug}/teams/${team.slug}/manage`,
    mayOverride: isOrganizer(who.actor),
    refill: {
      ticked: form?.list('cell') ?? [],
      override: form?.checked('override') ?? false,
      reason: form?.text('reason') ?? '',
    },
  };
}
