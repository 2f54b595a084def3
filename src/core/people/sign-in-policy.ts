/** How long an e-mailed sign-in link works: long enough to reach an inbox, short enough to go stale. */
export const signInLinkMinutes = 30;
/** How long the first-organiser link printed by a fresh install works. */
export const firstOrganizerLinkMinutes = 7 * 24 * 60;
/** How long a newsletter confirmation link works. */
export const newsletterConfirmMinutes = 7 * 24 * 60;
/** How long a session lasts before signing in again. */
export const sessionDays = 30;

/**
 * Where to go after signing in: a path on this site only (`/events/x/register`), never another host
 * (`//evil.example`, `https://…`) or a non-path; anything else becomes `/`.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || next.length > 500) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a return path with control characters is refused
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  return next;
}
