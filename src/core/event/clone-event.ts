import { DateTime } from 'luxon';
import { findChange } from '../changes.ts';
import { accept, type Decision, inSequence, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import { blankEventState, type EventState } from '../model/event-state.ts';
import { type Instant, instantFromMillis } from '../model/instant.ts';
import { checkOrganizer } from '../permissions.ts';
import { daysOf, slotCode } from '../schedule/build-grid.ts';
import { slugify } from '../text/slugify.ts';
import { checkCalendar } from './check-event.ts';
import { createEvent } from './create-event.ts';
import { saveRoom, setAvailability } from './rooms.ts';

export interface CloneEventInput {
  /** the new event's short name; made from the title when absent or empty */
  readonly slug?: string | undefined;
  /** the new first day, `YYYY-MM-DD`; the event keeps its length */
  readonly startsOn: string;
  /** default: the earlier event's title */
  readonly title?: string | undefined;
}

/**
 * "New event from …": a draft that copies an earlier event's settings, rooms, grid (its windows and
 * closed cells), booking rules, texts, Code of Conduct and etherpad template, moved to new dates.
 * Everything dated moves by the same number of days in the earlier event's zone, so a window at
 * 09:00 local time stays at 09:00 across a change of daylight saving time. Teams, bookings and
 * people stay behind. Refuses with `unauthenticated`, `forbidden`, `event_exists`, `invalid_input`
 * or `invalid_url`.
 */
export function cloneEvent(
  existingSlugs: readonly string[],
  source: EventState,
  input: CloneEventInput,
  ctx: Ctx,
): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const from = source.event;
  const dates = checkCalendar({ startsOn: input.startsOn, endsOn: input.startsOn, timeZone: from.timeZone });
  if (!dates.ok) return refused(dates.refusal);
  const shift = Math.round((Date.parse(input.startsOn) - Date.parse(from.startsOn)) / 86_400_000);
  const move = (at: Instant): Instant =>
    instantFromMillis(DateTime.fromISO(at, { zone: from.timeZone }).plus({ days: shift }).toMillis());
  const moveDay = (day: string): string =>
    DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: shift }).toISODate() ?? day;
  const moveOrNull = (at: Instant | null): Instant | null => (at === null ? null : move(at));
  const title = input.title?.trim() ? input.title : from.title;
  const weekdayRepeats = source.slots.length > 0 && spansMoreThanAWeek(source);
  const slots = source.slots.map((slot) => {
    const start = move(slot.start);
    // Codes made from the time (`tue13`) follow the new day; codes organisers chose stay.
    const generated = slot.code === slotCode(slot.start, weekdayRepeats);
    return {
      ...slot,
      start,
      end: move(slot.end),
      code: generated ? slotCode(start, weekdayRepeats) : slot.code,
    };
  });
  const created = createEvent(
    existingSlugs,
    {
      ...from,
      slug: input.slug?.trim() ? input.slug.trim() : slugify(title).slice(0, 60),
      title,
      startsOn: input.startsOn,
      endsOn: moveDay(from.endsOn),
      status: 'draft',
      rules: {
        ...from.rules,
        crossProjectOpensAt: moveOrNull(from.rules.crossProjectOpensAt),
        othersOpenAt: moveOrNull(from.rules.othersOpenAt),
      },
      signupOpensAt: moveOrNull(from.signupOpensAt),
      signupClosesAt: moveOrNull(from.signupClosesAt),
      openTeamUpdates: false,
    },
    ctx,
    (_event, newId) => slots.map((slot) => ({ ...slot, id: newId() })),
  );
  if (!created.ok) return created;
  const saved = findChange(created.changes, 'event.saved');
  const grid = findChange(created.changes, 'grid.saved');
  if (!saved || !grid) return refuse('invalid_input', `${from.title} has no grid to copy.`);
  const codeOf = new Map(source.slots.map((slot, index) => [slot.id, grid.slots[index]?.code ?? '']));
  const roomSlugOf = new Map(source.rooms.map((room) => [room.id, room.slug]));
  const copied = inSequence({ ...blankEventState(saved.event), slots: grid.slots }, ctx, [
    ...source.rooms.map(
      ({ name, slug, url, description, capacity, features }) =>
        (state: EventState, stepCtx: Ctx) =>
          saveRoom(state, { name, slug, url, description, capacity, features }, stepCtx),
    ),
    ...source.unavailable.map(
      (cell) => (state: EventState, stepCtx: Ctx) =>
        setAvailability(
          state,
          { room: roomSlugOf.get(cell.roomId) ?? '', slot: codeOf.get(cell.slotId) ?? '', available: false },
          stepCtx,
        ),
    ),
  ]);
  if (!copied.ok) return copied;
  return accept(
    [...created.changes, ...copied.changes],
    `${created.reply} It copies ${from.title}'s rooms, windows, rules and texts, moved by ${shift} days, and is a draft until it is published.`,
  );
}

function spansMoreThanAWeek(state: EventState): boolean {
  const first = state.slots[0]?.start.slice(0, 10) ?? state.event.startsOn;
  const last = state.slots.at(-1)?.start.slice(0, 10) ?? state.event.endsOn;
  return daysOf(first, last).length > 7;
}
