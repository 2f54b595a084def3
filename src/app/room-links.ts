import type { Actor } from '../core/model/actor.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { Registration } from '../core/model/registration.ts';
import { roomLinksVisible } from '../core/people/room-links.ts';
import { isOrganizer } from '../core/permissions.ts';
import { standingWith } from './registrations.ts';
import type { Runtime } from './runtime.ts';

/**
 * Whether `actor` (null: anonymous) sees the event's room links, and their registration with it.
 * The registration is read only when the event keeps room links for attendees; otherwise everyone
 * sees the links and `registration` is null.
 */
export async function roomLinksFor(
  runtime: Runtime,
  actor: Actor | null,
  state: EventState,
): Promise<{ visible: boolean; registration: Registration | null }> {
  if (!state.event.attendeeOnlyRoomLinks) return { visible: true, registration: null };
  const { standing, registration } = await standingWith(runtime, actor, state);
  const visible = roomLinksVisible(state.event, actor ? { standing, isOrganizer: isOrganizer(actor) } : null);
  return { visible, registration };
}
