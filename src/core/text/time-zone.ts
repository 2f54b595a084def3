/** Answers given so far: asking the runtime makes a formatter, which costs more than a page. */
const known = new Map<string, string | null>();
const knownLimit = 1000;

/**
 * The runtime's own spelling of an IANA time zone name (`europe/paris` → `Europe/Paris`), or null
 * when the runtime does not know the zone. One spelling per zone keeps caches keyed by zone small.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.length === 0 || zone.length > 64) return null;
  const remembered = known.get(zone);
  if (remembered !== undefined) return remembered;
  let canonical: string | null;
  try {
    canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    canonical = null;
  }
  if (known.size >= knownLimit) known.clear();
  known.set(zone, canonical);
  return canonical;
}

/** An IANA time zone name the runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}
