/**
 * The refusal catalogue: every reason Convene can give for saying no, with a stable code.
 * Adapters map a code to an HTTP status or a chat reply; the code and its meaning never change.
 */
export const refusalCodes = {
  slot_taken: 'The room is already booked in that slot.',
  team_busy: 'The team already meets in another room in that slot.',
  daily_cap: 'The team would go over its limit of booked time for that UTC day.',
  total_cap: 'The team would go over its limit of booked time for the whole event.',
  not_open: 'Booking has not opened yet for this kind of team.',
  in_past: 'The slot has already started.',
  forbidden: 'You are not allowed to do this.',
  unauthenticated: 'Sign in or send a valid API token first.',
  unknown_event: 'There is no such event.',
  unknown_team: 'There is no such team in this event.',
  unknown_room: 'There is no such room in this event.',
  unknown_slot: 'There is no such slot, or the room is not available in it.',
  unknown_booking: 'There is no such booking.',
  unknown_user: 'There is no such user.',
  unknown_motd: 'There is no such banner.',
  team_not_approved: 'The team is not on the official list.',
  team_exists: 'A team with that short name already exists.',
  room_exists: 'A room with that short name already exists.',
  event_exists: 'An event with that short name already exists.',
  invalid_input: 'The request is not valid.',
  invalid_url: 'Links must be full http:// or https:// addresses.',
  not_found: 'There is nothing at this address.',
  rate_limited: 'Too many requests; wait a moment and try again.',
  confirmation_required: 'This command changes a lot; send it again with the confirmation code given.',
  invalid_link: 'The link is not valid: it was already used, has expired, or was copied incompletely.',
  csrf_failed: 'The form has expired or did not come from this site; reload the page and send it again.',
  coc_required: 'Accept the current Code of Conduct of the event first.',
  not_registered: 'Register for the event first.',
  signups_closed: 'Team sign-up is not open for this event.',
  signup_decided: 'The organisers have already decided on this sign-up, so it cannot change any more.',
  mail_failed: 'The e-mail could not be sent right now; try again in a few minutes.',
  invalid_instance: 'The draft instance is not valid.',
  unknown_draft: 'There is no such draft schedule, or it has expired.',
  draft_outdated: 'The bookings have changed since this draft was made; make a new draft.',
  last_organizer: 'Convene needs at least one organiser: make someone else an organiser first.',
  recipients_changed: 'The number of recipients changed since the mailing was confirmed; confirm it again.',
  too_many_streams: 'Too many live-update connections are open from your address; close some pages.',
  unavailable: 'The service is briefly unavailable; try again in a few seconds.',
  uri_too_long: 'The address is too long.',
  request_timeout: 'The request took too long to arrive; send it again.',
  headers_too_large: 'The request headers are too large.',
  range_refused: 'Nothing was booked: some hours of the range cannot be booked (each is listed).',
  bad_range: 'A range runs forward through consecutive slots of one window on one day.',
  event_archived: 'The event is archived: its pages stay as a record, and it takes no more changes.',
  unknown_session: 'There is no such session: name it by its id or by one of its cells, like kilo-wed14.',
  not_invited: 'The team has no open invitation to this session.',
  feedback_closed: 'The feedback form is closed and takes no more answers.',
  form_answered: 'People have already answered this form, so its questions can no longer change.',
  event_draft: 'The event is still a draft: publish it first.',
  unknown_invitation: 'There is no such invitation to sign a team up.',
  invitation_answered: 'This invitation has already been answered.',
} as const;

export type RefusalCode = keyof typeof refusalCodes;

/** A refusal is a value, not an exception: a stable code and a sentence a person understands. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** for a refusal of several things at once (a range of hours): how each one fared */
  readonly parts?: readonly RefusalPart[];
}

/** One item of a refused whole: whether it alone could be done, and why not. */
export interface RefusalPart {
  /** what the item is, as people type it (a cell reference such as `kilo-wed13`) */
  readonly item: string;
  readonly ok: boolean;
  /** the item's own refusal code; absent when the item could be done */
  readonly code?: RefusalCode;
  readonly message: string;
}

export function refusal(code: RefusalCode, message: string = refusalCodes[code]): Refusal {
  return { code, message };
}

/** The refusal for an event reference that names no event (the reference is cut to 60 characters). */
export function unknownEvent(ref: string): Refusal {
  return refusal('unknown_event', `There is no event "${ref.slice(0, 60)}".`);
}
