import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Instant } from '../../core/model/instant.ts';
import { canonicalTimeZone } from '../../core/text/time-zone.ts';

/** Zones offered by the switcher: one or two per populated offset, so everyone finds one near them. */
export const commonZones = [
  'UTC',
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Europe/Helsinki',
  'Europe/Moscow',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone} ${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options });
    formats.set(key, found);
  }
  return found;
}

/** "15:00" in the zone. */
export function timeIn(at: Instant, zone: string): string {
  return format(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** "Tue 18 Oct" in the zone. */
export function dayIn(at: Instant, zone: string): string {
  return format(zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(at));
}

/** The calendar day of an instant in the zone, `YYYY-MM-DD`. */
export function dateIn(at: Instant, zone: string): string {
  return format(zone, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(at))
    .split('/')
    .reverse()
    .join('-');
}

/** "GMT+2" at that instant: the offset people recognise. */
export function offsetIn(at: Instant, zone: string): string {
  const part = format(zone, { timeZoneName: 'shortOffset' })
    .formatToParts(new Date(at))
    .find((piece) => piece.type === 'timeZoneName');
  // Some ICU versions write London's winter as "GMT+0"; people read "GMT".
  return part?.value === 'GMT+0' ? 'GMT' : (part?.value ?? zone);
}

/**
 * The zone a page shows times in, spelled the runtime's way (so formatters are cached once per
 * zone), in this order: `?tz=` (remembered in a cookie for the next pages), the signed-in person's
 * own zone (`personal`, from their profile), the browser's (the page script sets the cookie to it
 * on a first visit, so people see their own time without choosing), the event's (`fallback`).
 */
export function viewerZone(
  request: FastifyRequest,
  reply: FastifyReply,
  fallback: string,
  personal: string | null = null,
): string {
  const query = (request.query as { tz?: unknown } | undefined)?.tz;
  const asked = typeof query === 'string' ? canonicalTimeZone(query) : null;
  if (asked) {
    reply.header('set-cookie', `tz=${encodeURIComponent(asked)}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return asked;
  }
  const own = personal ? canonicalTimeZone(personal) : null;
  if (own) return own;
  const remembered = cookie(request.headers.cookie, 'tz');
  return (remembered && canonicalTimeZone(remembered)) || canonicalTimeZone(fallback) || 'UTC';
}

/**
 * The offsets in force in the zone over a period: "GMT+1", or "GMT+1 / GMT" when a change of
 * daylight-saving time falls within it (the offsets at its start and at its end).
 */
export function offsetsIn(from: Instant, to: Instant, zone: string): string {
  const first = offsetIn(from, zone);
  const last = offsetIn(to, zone);
  return first === last ? first : `${first} / ${last}`;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The period a page shows: from the first to the last slot among `slots` (the event's week, or
 * one day of it), or the instant `at` when there are none.
 */
export function periodShown(
  slots: readonly { readonly start: Instant; readonly end: Instant }[],
  at: Instant,
): { from: Instant; to: Instant } {
  if (slots.length === 0) return { from: at, to: at };
  let from = slots[0]?.start ?? at;
  let to = slots[0]?.end ?? at;
  for (const slot of slots) {
    if (slot.start < from) from = slot.start;
    if (slot.end > to) to = slot.end;
  }
  return { from, to };
}
