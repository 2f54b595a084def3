import { type Instant, millis } from '../model/instant.ts';

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "4 h", "1 h 30 min", "45 min": how refusals speak of booked time. */
export function describeDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "Tue 18 Oct", in UTC. */
export function describeUtcDay(instant: Instant): string {
  const date = new Date(millis(instant));
  return `${weekdays[date.getUTCDay()]} ${date.getUTCDate()} ${months[date.getUTCMonth()]}`;
}

/** "15:00", in UTC. */
export function describeUtcTime(instant: Instant): string {
  return instant.slice(11, 16);
}

/** "Tue 18 Oct 15:00–16:00 UTC". */
export function describeInterval(start: Instant, end: Instant): string {
  return `${describeUtcDay(start)} ${describeUtcTime(start)}–${describeUtcTime(end)} UTC`;
}

/** Three-letter lower-case weekday of a UTC day, used in slot codes: `tue`. */
export function weekdayCode(instant: Instant): string {
  return (weekdays[new Date(millis(instant)).getUTCDay()] ?? '').toLowerCase();
}
