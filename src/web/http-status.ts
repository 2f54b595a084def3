import type { RefusalCode } from '../core/errors.ts';

/**
 * The HTTP status each refusal is answered with: a 4xx, except `unavailable` (503, with
 * `Retry-After`), which says that the server, not the request, is at fault and that trying again
 * will work.
 */
export const httpStatusOf: Record<RefusalCode, number> = {
  slot_taken: 409,
  team_busy: 409,
  daily_cap: 409,
  total_cap: 409,
  not_open: 409,
  in_past: 409,
  forbidden: 403,
  unauthenticated: 401,
  unknown_event: 404,
  unknown_team: 404,
  unknown_room: 404,
  unknown_slot: 404,
  unknown_booking: 404,
  unknown_user: 404,
  unknown_motd: 404,
  team_not_approved: 409,
  team_exists: 409,
  room_exists: 409,
  event_exists: 409,
  invalid_input: 400,
  invalid_url: 400,
  not_found: 404,
  rate_limited: 429,
  confirmation_required: 409,
  invalid_link: 400,
  csrf_failed: 403,
  coc_required: 403,
  not_registered: 403,
  signups_closed: 409,
  signup_decided: 409,
  mail_failed: 424,
  invalid_instance: 400,
  unknown_draft: 404,
  draft_outdated: 409,
  last_organizer: 409,
  too_many_streams: 429,
  unavailable: 503,
  uri_too_long: 414,
  request_timeout: 408,
  headers_too_large: 431,
};
