import { bookingTeam } from '../booking/booking-rules.ts';
import { accept, type Decision, refuse, refused } from '../decision.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { SessionRecord } from '../model/session.ts';
import type { Slot } from '../model/slot.ts';
import { isOrganizer } from '../permissions.ts';
import { applyChange } from '../projections/apply-change.ts';
import { describeInterval } from '../text/describe-time.ts';
import { busyRefusal, checkJointCaps } from './joint-rules.ts';
import { describeSession, findSession } from './session-to-manage.ts';
import { slotIdsOf } from './sessions.ts';
import { teamBusyAt } from './team-presence.ts';

export interface AnswerInvitationInput {
  /** the session's id or one of its cells */
  readonly session: string;
  /** the invited team */
  readonly team: string;
  readonly accept: boolean;
  /** an organiser sets the caps aside for this joint session */
  readonly override?: boolean;
}

/**
 * A moderator of the invited team, or an organiser, accepts or declines an invitation; declining
 * after accepting takes the team out of the session again. Accepting needs the team free for the
 * whole session (`team_busy`) and, when joint time counts for every team, within its caps
 * (`daily_cap`, `total_cap`, which organisers may set aside).
 * Refuses with `event_archived`, `unauthenticated`, `unknown_session`, `unknown_room`, `unknown_slot`,
 * `unknown_team`, `forbidden`, `not_invited`, `team_busy`, `daily_cap` or `total_cap`.
 */
export function answerInvitation(state: EventState, input: AnswerInvitationInput, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'sessions');
  if (archived) return refused(archived);
  if (!ctx.actor) return refuse('unauthenticated');
  const found = findSession(state, input.session);
  if (!found.ok) return refused(found.refusal);
  const session = found.value;
  const managed = bookingTeam(state, input.team, ctx);
  if (!managed.ok) return refused(managed.refusal);
  const { team } = managed.value;
  if (input.override && !isOrganizer(ctx.actor))
    return refuse('forbidden', 'Only organisers can set the booking limits aside.');
  const where = describeSession(state, session);
  const record = session.record;
  const invitation = record?.guests.find((guest) => guest.teamId === team.id);
  const answerable = input.accept
    ? invitation?.status === 'invited'
    : invitation && invitation.status !== 'declined';
  if (!record || !invitation || !answerable) {
    const standing = invitation?.status === 'accepted' ? 'has already accepted' : 'has no open invitation to';
    return refuse('not_invited', `${team.slug} ${standing} ${where}.`);
  }
  const answered: SessionRecord = {
    ...record,
    guests: record.guests.map((guest) =>
      guest.teamId === team.id
        ? { ...guest, status: input.accept ? 'accepted' : 'declined', answeredAt: ctx.now }
        : guest,
    ),
    updatedAt: ctx.now,
  };
  const host = state.teams.find((candidate) => candidate.id === session.hostId)?.slug ?? 'the host';
  if (!input.accept) {
    const left = invitation.status === 'accepted' ? 'left' : 'declined';
    return accept(
      [{ type: 'session.saved', session: answered }],
      `${team.slug} ${left} ${host}'s session in ${where}.`,
    );
  }
  const slots = slotIdsOf(session).flatMap((id) => state.slots.find((slot) => slot.id === id) ?? []);
  for (const slot of slots) {
    const busy = teamBusyAt(state, team.id, slot.id, session.id);
    if (busy) return refused(busyRefusal(state, team, busy, describeInterval(slot.start, slot.end)));
  }
  const after = applyChange(state, { type: 'session.saved', session: answered });
  const capped = checkJointCaps(after, team, slots as Slot[]);
  if (capped && !input.override) return refused(capped);
  const note = capped ? ` (set aside: ${capped.code})` : '';
  return accept(
    [{ type: 'session.saved', session: answered }],
    `${team.slug} joins ${host}'s session in ${where}${note}.`,
  );
}
