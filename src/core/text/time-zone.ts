/**
 * The runtime's own spelling of an IANA time zone name (`europe/paris` → `Europe/Paris`), or null
 * when the runtime does not know the zone. One spelling per zone keeps caches keyed by zone small.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.length === 0 || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone name the runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}
