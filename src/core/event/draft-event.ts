import { findChange } from '../changes.ts';
import { accept, type Decision, inSequence, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { CodeOfConduct, EventContent, EventMode } from '../model/event.ts';
import { blankEventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import { checkOrganizer } from '../permissions.ts';
import { slugify } from '../text/slugify.ts';
import { createEvent } from './create-event.ts';
import { saveRoom } from './rooms.ts';
import { type ZonedWindow, zonedGrid } from './zoned-grid.ts';

/** A new event as organisers describe it: dates and windows in the event's own zone. */
export interface EventDraftRequest {
  /** the short name; made from the title when absent or empty */
  readonly slug?: string | undefined;
  readonly title: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  readonly mode?: EventMode | undefined;
  /** default 60 */
  readonly slotMinutes?: number | undefined;
  readonly windows: readonly ZonedWindow[];
  /** room names, in display order */
  readonly rooms?: readonly string[] | undefined;
  /** booked hours per team per UTC day and in all; absent or null: no limit */
  readonly caps?: { readonly perDayHours?: number | null; readonly totalHours?: number | null } | undefined;
  readonly crossProjectOpensAt?: Instant | null | undefined;
  readonly othersOpenAt?: Instant | null | undefined;
  readonly signupOpensAt?: Instant | null | undefined;
  readonly signupClosesAt?: Instant | null | undefined;
  readonly contact?: string | undefined;
  readonly chat?: string | undefined;
  readonly etherpadTemplate?: string | null | undefined;
  readonly content?: Partial<EventContent> | undefined;
  readonly codeOfConduct?: CodeOfConduct | undefined;
}

const maxRooms = 200;
const noContent: EventContent = { about: '', audience: '', notFor: '', why: '', faq: '' };

/**
 * Organisers start a new event as a **draft** (only organisers see it until it is published): its
 * settings, a grid of windows given in the event's zone (see `zonedGrid`), and its rooms, in one
 * first revision. Refuses with `unauthenticated`, `forbidden`, `event_exists`, `room_exists`,
 * `invalid_input` or `invalid_url`.
 */
export function draftEvent(existingSlugs: readonly string[], request: EventDraftRequest, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const rooms = request.rooms ?? [];
  if (rooms.length > maxRooms) return refuse('invalid_input', `An event has at most ${maxRooms} rooms.`);
  const caps = [request.caps?.perDayHours ?? null, request.caps?.totalHours ?? null];
  if (caps.some((hours) => hours !== null && !(Number.isFinite(hours) && hours > 0 && hours <= 24 * 366)))
    return refuse('invalid_input', 'Limits are hours above zero.');
  const [daily, total] = caps.map((hours) => (hours === null ? null : Math.round(hours * 60)));
  const grid = zonedGrid({
    startsOn: request.startsOn,
    endsOn: request.endsOn,
    timeZone: request.timeZone,
    slotMinutes: request.slotMinutes ?? 60,
    windows: request.windows,
  });
  if (!grid.ok) return refused(grid.refusal);
  const created = createEvent(
    existingSlugs,
    {
      slug: request.slug?.trim() ? request.slug.trim() : slugify(request.title).slice(0, 60),
      title: request.title,
      startsOn: request.startsOn,
      endsOn: request.endsOn,
      timeZone: request.timeZone,
      mode: request.mode ?? 'virtual',
      status: 'draft',
      contact: request.contact ?? '',
      chat: request.chat ?? '',
      etherpadTemplate: request.etherpadTemplate ?? null,
      slotMinutes: request.slotMinutes ?? 60,
      windows: grid.value.windows,
      rules: {
        dailyCapMinutes: daily ?? null,
        totalCapMinutes: total ?? null,
        crossProjectOpensAt: request.crossProjectOpensAt ?? null,
        othersOpenAt: request.othersOpenAt ?? null,
      },
      signupOpensAt: request.signupOpensAt ?? null,
      signupClosesAt: request.signupClosesAt ?? null,
      content: { ...noContent, ...request.content },
      codeOfConduct: request.codeOfConduct ?? { version: '', url: null, text: '' },
    },
    ctx,
    (_event, newId) => grid.value.lay(newId),
  );
  if (!created.ok) return created;
  const saved = findChange(created.changes, 'event.saved');
  if (!saved) return created;
  const withRooms = inSequence(
    blankEventState(saved.event),
    ctx,
    rooms.map((name) => (state, stepCtx) => saveRoom(state, { name }, stepCtx)),
  );
  if (!withRooms.ok) return withRooms;
  return accept(
    [...created.changes, ...withRooms.changes],
    `${created.reply} It is a draft: only organisers see it until it is published.`,
  );
}
