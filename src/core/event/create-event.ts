import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventInfo } from '../model/event.ts';
import type { Slot } from '../model/slot.ts';
import { checkOrganizer } from '../permissions.ts';
import { buildGrid } from '../schedule/build-grid.ts';
import { checkEventInfo } from './check-event.ts';

/** Settings a new event starts without unless given: open updates, attendee-only links, sign-up dates. */
type StartsOff = 'openTeamUpdates' | 'attendeeOnlyRoomLinks' | 'signupOpensAt' | 'signupClosesAt';

export type NewEventInput = Omit<EventInfo, 'id' | 'createdAt' | StartsOff> &
  Partial<Pick<EventInfo, StartsOff>>;

/**
 * Organisers create an event with its slot grid: by default the UTC windows cut into slots on every
 * day; `layGrid` lays it out otherwise (windows in another zone, a grid moved from an earlier event).
 * Refuses with `unauthenticated`, `forbidden`, `event_exists`, `invalid_input` or `invalid_url`.
 */
export function createEvent(
  existingSlugs: readonly string[],
  input: NewEventInput,
  ctx: Ctx,
  layGrid: (event: EventInfo, newId: () => string) => Slot[] = buildGrid,
): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  if (existingSlugs.includes(input.slug))
    return refuse('event_exists', `There is already an event "${input.slug}".`);
  const checked = checkEventInfo({
    openTeamUpdates: false,
    attendeeOnlyRoomLinks: false,
    signupOpensAt: null,
    signupClosesAt: null,
    ...input,
    id: ctx.newId(),
    createdAt: ctx.now,
  });
  if (!checked.ok) return refused(checked.refusal);
  const event = checked.value;
  const slots = layGrid(event, ctx.newId);
  return accept(
    [
      { type: 'event.saved', event },
      { type: 'grid.saved', slots, unavailable: [] },
    ],
    `Created ${event.slug} with ${slots.length} slots.`,
  );
}
