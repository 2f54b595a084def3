import type { CodeOfConduct } from '../model/event.ts';

/** When a new version of the Code of Conduct binds people already registered. */
export type CocRequirement = 'now' | 'next-registration';

/**
 * The Code of Conduct after organisers save it. A new version required `now` asks everyone
 * registered to accept it again before the attendee-only parts show; one required from the
 * `next-registration` binds new registrations only, so earlier acceptances keep counting. Saving the
 * same version changes only its text and link.
 */
export function nextCodeOfConduct(
  current: CodeOfConduct,
  input: { readonly version: string; readonly url: string | null; readonly text: string },
  requirement: CocRequirement,
): CodeOfConduct {
  const earlier =
    input.version === current.version
      ? (current.earlierAccepted ?? [])
      : requirement === 'now'
        ? []
        : [...new Set([...(current.earlierAccepted ?? []), current.version])].filter(
            (version) => version !== input.version,
          );
  return { ...input, ...(earlier.length > 0 ? { earlierAccepted: earlier } : {}) };
}
