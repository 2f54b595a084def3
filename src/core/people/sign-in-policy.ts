import { hasLoneSurrogate } from '../text/well-formed.ts';

/** How long an e-mailed sign-in link works: long enough to reach an inbox, short enough to go stale. */
export const signInLinkMinutes = 30;
/** How long the sign-in link in an invitation (a new moderator's) works: a week, as invitations wait. */
export const invitationLinkMinutes = 7 * 24 * 60;
/** How long the first-organiser link printed by a fresh install works. */
export const firstOrganizerLinkMinutes = 7 * 24 * 60;
/** How long a newsletter confirmation link works. */
export const newsletterConfirmMinutes = 7 * 24 * 60;
/** How long a session lasts before signing in again. */
export const sessionDays = 30;

/**
 * Where to go after signing in: a path on this site only (`/events/x/register`), never another host
 * (`//evil.example`, `https://…`) or a non-path; anything else becomes `/`. Characters beyond
 * printable ASCII (`/日`) are percent-encoded, so the path can always go into a `Location` header.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || next.length > 500 || hasLoneSurrogate(next)) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a return path with control characters is refused
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  // Existing escapes (`%E6`) stay as they are; only the raw characters around them are encoded.
  return next.replace(/[^\u0021-\u007e]+/g, (run) => encodeURI(run));
}
