import { utcDay } from '../model/instant.ts';
import { type AttendeeRole, attendeeRoles, type Registration } from '../model/registration.ts';

export interface RegistrationFigures {
  readonly total: number;
  /** registered under the event's current Code of Conduct */
  readonly currentCoc: number;
  /** every role, in the form's order, with zero where nobody chose it */
  readonly byRole: readonly { readonly role: AttendeeRole; readonly count: number }[];
  /** countries given, most registrations first (then by code); `null` counts those who gave none */
  readonly byCountry: readonly { readonly country: string | null; readonly count: number }[];
  /** per UTC day someone registered, in day order: how many registered so far, by role and by country */
  readonly overTime: readonly {
    readonly day: string;
    readonly total: number;
    /** in `attendeeRoles` order */
    readonly byRole: readonly number[];
    /** in `byCountry` order */
    readonly byCountry: readonly number[];
  }[];
}

/** The organisers' figures: how many registered, by role and by country. */
export function registrationFigures(
  registrations: readonly Registration[],
  cocVersion: string,
): RegistrationFigures {
  const countries = new Map<string | null, number>();
  for (const registration of registrations)
    countries.set(registration.country, (countries.get(registration.country) ?? 0) + 1);
  const byCountry = [...countries.entries()]
    .map(([country, count]) => ({ country, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.country === null ? 1 : 0) - (b.country === null ? 1 : 0) ||
        (a.country ?? '').localeCompare(b.country ?? ''),
    );
  const days = [...new Set(registrations.map((registration) => utcDay(registration.registeredAt)))].sort();
  const upTo = (day: string) =>
    registrations.filter((registration) => utcDay(registration.registeredAt) <= day);
  return {
    total: registrations.length,
    currentCoc: registrations.filter((registration) => registration.cocVersion === cocVersion).length,
    byRole: attendeeRoles.map((role) => ({
      role,
      count: registrations.filter((registration) => registration.role === role).length,
    })),
    byCountry,
    overTime: days.map((day) => {
      const registered = upTo(day);
      return {
        day,
        total: registered.length,
        byRole: attendeeRoles.map(
          (role) => registered.filter((registration) => registration.role === role).length,
        ),
        byCountry: byCountry.map(
          ({ country }) => registered.filter((registration) => registration.country === country).length,
        ),
      };
    }),
  };
}
