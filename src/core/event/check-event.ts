import { type Checked, failed, failedWith, passed } from '../checked.ts';
import type { EventInfo, SlotWindow } from '../model/event.ts';
import { eventModes, eventStatuses } from '../model/event.ts';
import { parseInstant } from '../model/instant.ts';
import { jointCapsRules } from '../model/session.ts';
import { checkEmail } from '../people/check-user.ts';
import { checkName } from '../text/check-name.ts';
import { checkHttpUrl } from '../text/http-url.ts';
import { checkText } from '../text/plain-text.ts';
import { isValidSlug } from '../text/slugify.ts';
import { isTimeZone } from '../text/time-zone.ts';

const maxContentLength = 20_000;

/**
 * Everything an event's settings must satisfy: a typeable slug, real dates in order (at most a
 * year), a known time zone, windows in `HH:MM`, positive caps, http(s) links, bounded text, a
 * contact that is an e-mail address, and no markup in the one-line fields.
 * Refuses with `invalid_input` or `invalid_url`.
 */
export function checkEventInfo(event: EventInfo): Checked<EventInfo> {
  if (!isValidSlug(event.slug))
    return failed('invalid_input', 'The event short name must be lower-case letters, digits and hyphens.');
  const title = checkName(event.title, 'title', 200);
  if (!title.ok) return failedWith(title.refusal);
  const calendar = checkCalendar(event);
  if (!calendar.ok) return failedWith(calendar.refusal);
  if (!eventModes.includes(event.mode) || !eventStatuses.includes(event.status)) {
    return failed('invalid_input', 'Unknown event mode or status.');
  }
  const slotMinutes = checkSlotMinutes(event.slotMinutes);
  if (!slotMinutes.ok) return failedWith(slotMinutes.refusal);
  const windows = checkWindows(event.windows);
  if (!windows.ok) return failedWith(windows.refusal);
  const { dailyCapMinutes, totalCapMinutes, crossProjectOpensAt, othersOpenAt } = event.rules;
  for (const cap of [dailyCapMinutes, totalCapMinutes]) {
    if (cap !== null && (!Number.isInteger(cap) || cap <= 0))
      return failed('invalid_input', 'Limits are whole minutes above zero.');
  }
  if (event.rules.jointCaps !== undefined && !jointCapsRules.includes(event.rules.jointCaps))
    return failed(
      'invalid_input',
      'Joint time counts for the host only (host) or for every team (every-team).',
    );
  for (const at of [crossProjectOpensAt, othersOpenAt]) {
    if (at !== null && parseInstant(at) !== at)
      return failed('invalid_input', 'Booking phases open at UTC instants.');
  }
  const { signupOpensAt, signupClosesAt } = event;
  for (const at of [signupOpensAt, signupClosesAt]) {
    if (at !== null && parseInstant(at) !== at)
      return failed('invalid_input', 'Team sign-up opens and closes at UTC instants.');
  }
  if (signupOpensAt !== null && signupClosesAt !== null && signupClosesAt <= signupOpensAt)
    return failed('invalid_input', 'Team sign-up must close after it opens.');
  for (const link of [event.etherpadTemplate, event.codeOfConduct.url]) {
    if (link === null) continue;
    const checked = checkHttpUrl(link.replaceAll('{event}', 'e').replaceAll('{team}', 't'));
    if (!checked.ok) return failedWith(checked.refusal);
  }
  for (const [name, text] of Object.entries({ ...event.content, codeOfConduct: event.codeOfConduct.text })) {
    const checked = checkText(text, name, maxContentLength);
    if (!checked.ok) return failedWith(checked.refusal);
  }
  const contact = event.contact.trim() ? checkEmail(event.contact) : passed('');
  if (!contact.ok)
    return failed('invalid_input', `The contact must be an e-mail address: ${contact.refusal.message}`);
  for (const [what, text] of [
    ['chat', event.chat],
    ['Code of Conduct version', event.codeOfConduct.version],
  ] as const) {
    const checked = checkName(text, what, 200, true);
    if (!checked.ok) return failedWith(checked.refusal);
  }
  return passed({ ...event, title: title.value, contact: contact.value });
}

/**
 * An event's days and zone: real days (`YYYY-MM-DD`), the last not before the first, at most a year
 * apart, and a time zone the runtime knows. Refuses with `invalid_input`.
 */
export function checkCalendar(
  event: Pick<EventInfo, 'startsOn' | 'endsOn' | 'timeZone'>,
): Checked<Pick<EventInfo, 'startsOn' | 'endsOn' | 'timeZone'>> {
  if (!isDay(event.startsOn) || !isDay(event.endsOn) || event.endsOn < event.startsOn) {
    return failed(
      'invalid_input',
      'The event needs a first and a last day (YYYY-MM-DD), the last not before the first.',
    );
  }
  if (Date.parse(event.endsOn) - Date.parse(event.startsOn) > 366 * 86_400_000) {
    return failed('invalid_input', 'An event can last at most a year.');
  }
  if (!isTimeZone(event.timeZone))
    return failed('invalid_input', `"${event.timeZone.slice(0, 40)}" is not a time zone.`);
  return passed(event);
}

/** Slots last whole minutes, from 5 minutes to a day. Refuses with `invalid_input`. */
export function checkSlotMinutes(minutes: number): Checked<number> {
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60)
    return failed('invalid_input', 'Slots last between 5 minutes and a day.');
  return passed(minutes);
}

function checkWindows(windows: readonly SlotWindow[]): Checked<readonly SlotWindow[]> {
  if (windows.length === 0 || windows.length > 24)
    return failed('invalid_input', 'The day needs between 1 and 24 windows.');
  for (const window of windows) {
    const name = checkName(window.name, 'window name', 80);
    if (!name.ok) return failedWith(name.refusal);
    if (!isTime(window.start) || !isTime(window.end)) {
      return failed('invalid_input', `Window "${name.value}" needs a start and an end as HH:MM in UTC.`);
    }
  }
  return passed(windows);
}

function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseInstant(`${text}T00:00:00Z`)?.slice(0, 10) === text;
}

function isTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}
