import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import { unknownEvent } from '../core/errors.ts';
import type { EventInfo } from '../core/model/event.ts';
import { checkOrganizer } from '../core/permissions.ts';
import { count } from '../core/text/count.ts';
import { isUniqueViolation } from '../store/database.ts';
import type { EventDocument } from '../store/event-document.ts';
import { checkEventDocument } from './check-event-document.ts';
import { importEventDocument } from './events.ts';
import type { Runtime, Who } from './runtime.ts';

/** An event's export (`convene export`), for organisers. Refuses with `unauthenticated`, `forbidden` or `unknown_event`. */
export async function exportEventFor(
  runtime: Runtime,
  who: Who,
  ref: string,
): Promise<Checked<EventDocument>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const id = await runtime.store.findEventId(ref);
  const document = id ? await runtime.store.exportEvent(id) : null;
  return document ? passed(document) : failedWith(unknownEvent(ref));
}

/**
 * What importing a file would write, one line each, without writing anything: the same check as
 * the import itself. Refuses with `unauthenticated`, `forbidden`, `invalid_input` (naming the record)
 * or `event_exists`.
 */
export async function previewImport(runtime: Runtime, who: Who, text: string): Promise<Checked<string[]>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const checked = checkEventDocument(parsed.value, { withOrganisers: false });
  if (!checked.ok) return checked;
  const document = checked.value;
  const { event } = document;
  if (await runtime.store.findEventId(event.slug))
    return failed('event_exists', `There is already an event "${event.slug}" in this database.`);
  return passed([
    `${event.title} (${event.slug}), ${event.startsOn} to ${event.endsOn}, ${event.status}`,
    `${count(document.rooms.length, 'room')}, ${count(document.slots.length, 'slot')}`,
    `${count(document.teams.length, 'team')}, ${count(document.bookings.length, 'booking')}`,
    `${count(document.users.length, 'account')} (none of them an organiser here)`,
    `${count(document.revisions.length, 'change')} of history`,
  ]);
}

/** Imports a file after its preview (`importEventDocument`, without organiser rights); organisers only. */
export async function importForOrganiser(
  runtime: Runtime,
  who: Who,
  text: string,
): Promise<Checked<EventInfo>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  try {
    return await importEventDocument(runtime, parsed.value, { withOrganisers: false });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The file's records (rooms, teams, bookings) keep their ids: they are in this database already.
    return failed(
      'event_exists',
      'This event’s records are already in this database; import it into another installation.',
    );
  }
}

function parse(text: string): Checked<unknown> {
  try {
    return passed(JSON.parse(text));
  } catch {
    return failed('invalid_input', 'The file is not JSON written by an export.');
  }
}
