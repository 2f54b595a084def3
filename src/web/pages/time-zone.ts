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
  return part?.value ?? zone;
}

/**
 * The zone a page shows times in, spelled the runtime's way (so formatters are cached once per zone): `?tz=` (remembered in a cookie for the next pages), else the
 * remembered one, else the event's. The page script sets the cookie to the browser's zone on a
 * first visit, so people see their own time without choosing.
 */
export function viewerZone(request: FastifyRequest, reply: FastifyReply, fallback: string): string {
  const query = (request.query as { tz?: unknown } | undefined)?.tz;
  const asked = typeof query === 'string' ? canonicalTimeZone(query) : null;
  if (asked) {
    reply.header('set-cookie', `tz=${encodeURIComponent(asked)}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return asked;
  }
  const remembered = cookie(request.headers.cookie, 'tz');
  return (remembered && canonicalTimeZone(remembered)) || canonicalTimeZone(fallback) || 'UTC';
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
