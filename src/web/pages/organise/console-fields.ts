import { type Checked, failed, passed } from '../../../core/checked.ts';
import type { SlotWindow } from '../../../core/model/event.ts';
import { type Instant, parseInstant } from '../../../core/model/instant.ts';
import type { FormBody } from '../form-body.ts';

/**
 * How the organiser console writes values that HTML forms have no type for, and reads them back:
 * UTC instants in `datetime-local` boxes, limits in hours, windows as lines of text. Reading only
 * turns text into values; the core decides whether they make sense.
 */
export const consoleFields = {
  /** What each box shows: the posted text when a form comes back, else the stored value ('' for none). */
  values(posted: FormBody | null | undefined) {
    return (name: string, current: string | number | null | undefined): string =>
      posted ? posted.text(name) : current === null || current === undefined ? '' : String(current);
  },

  /** `2022-10-17T13:00:00Z` → `2022-10-17T13:00` (shown as UTC) */
  utcBox(instant: Instant | null | undefined): string {
    return instant ? instant.slice(0, 16) : '';
  },

  /** a `datetime-local` value read as UTC; empty is null */
  readUtc(text: string, what: string): Checked<Instant | null> {
    const trimmed = text.trim();
    if (!trimmed) return passed(null);
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(trimmed)
      ? parseInstant(`${trimmed}Z`)
      : null;
    if (!instant)
      return failed('invalid_input', `The ${what} must be a date and time such as 2022-10-17T13:00 (UTC).`);
    return passed(instant);
  },

  hours(minutes: number | null): string {
    return minutes === null ? '' : String(minutes / 60);
  },

  /** hours (halves allowed) as whole minutes; empty is "no limit" */
  readHours(text: string, what: string): Checked<number | null> {
    const trimmed = text.trim();
    if (!trimmed) return passed(null);
    const hours = /^\d{1,4}(\.\d{1,2})?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isFinite(hours) || hours <= 0)
      return failed('invalid_input', `The ${what} is a number of hours above zero, or empty for no limit.`);
    return passed(Math.round(hours * 60));
  },

  /** one window a line: `13:00-17:00 Americas / Europe` */
  windowLines(windows: readonly SlotWindow[]): string {
    return windows.map((window) => `${window.start}-${window.end} ${window.name}`).join('\n');
  },

  readWindows(text: string): Checked<SlotWindow[]> {
    const windows: SlotWindow[] = [];
    for (const line of text
      .split(/\r?\n/)
      .map((part) => part.trim())
      .filter(Boolean)
      .slice(0, 100)) {
      const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s+(.+)$/.exec(line);
      if (!match?.[1] || !match[2] || !match[3])
        return failed(
          'invalid_input',
          `Write each window as "13:00-17:00 Name"; "${line.slice(0, 60)}" is not one.`,
        );
      windows.push({ start: match[1].padStart(5, '0'), end: match[2].padStart(5, '0'), name: match[3] });
    }
    return passed(windows);
  },
};
