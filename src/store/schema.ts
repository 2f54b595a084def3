/**
 * The tables as Kysely sees them. One shape for SQLite and PostgreSQL: only text, integer and real
 * columns; booleans are 0/1; instants are ISO text written by the application; ids are made by the
 * application; nested values are JSON text.
 */
export interface Database {
  events: EventsTable;
  rooms: RoomsTable;
  slots: SlotsTable;
  room_unavailability: RoomUnavailabilityTable;
  teams: TeamsTable;
  team_moderators: TeamModeratorsTable;
  bookings: BookingsTable;
  board_topics: BoardTopicsTable;
  motd: MotdTable;
  event_revisions: EventRevisionsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  team_follows: TeamFollowsTable;
  check_ins: CheckInsTable;
  topic_subscriptions: TopicSubscriptionsTable;
  team_signups: TeamSignupsTable;
  sessions: SessionsTable;
  sign_in_links: SignInLinksTable;
  user_identities: UserIdentitiesTable;
  registrations: RegistrationsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  instance_settings: InstanceSettingsTable;
  mail_outbox: MailOutboxTable;
  schedule_drafts: ScheduleDraftsTable;
  alert_settings: AlertSettingsTable;
  alert_mail_items: AlertMailItemsTable;
  nick_subscriptions: NickSubscriptionsTable;
  nick_check_ins: NickCheckInsTable;
  nick_claims: NickClaimsTable;
  mailings: MailingsTable;
  session_records: SessionRecordsTable;
  team_summaries: TeamSummariesTable;
  feedback_forms: FeedbackFormsTable;
  feedback_answers: FeedbackAnswersTable;
  team_invitations: TeamInvitationsTable;
}

export interface EventsTable {
  id: string;
  slug: string;
  revision: number;
  title: string;
  starts_on: string;
  ends_on: string;
  time_zone: string;
  mode: string;
  status: string;
  contact: string;
  chat: string;
  etherpad_template: string | null;
  slot_minutes: number;
  windows_json: string;
  daily_cap_minutes: number | null;
  total_cap_minutes: number | null;
  cross_project_opens_at: string | null;
  others_open_at: string | null;
  content_json: string;
  coc_version: string;
  coc_url: string | null;
  coc_text: string;
  /** JSON list of earlier Code of Conduct versions that registrations made under them may keep */
  coc_earlier_accepted_json: string;
  created_at: string;
  /** 0/1: see `EventInfo.openTeamUpdates` */
  open_team_updates: number;
  attendee_only_room_links: number;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  /** `host` or `every-team`: see `BookingRules.jointCaps` */
  joint_caps: string;
}

export interface RoomsTable {
  id: string;
  event_id: string;
  slug: string;
  name: string;
  url: string | null;
  description: string;
  capacity: number | null;
  features_json: string;
  position: number;
}

export interface SlotsTable {
  id: string;
  event_id: string;
  code: string;
  start_at: string;
  end_at: string;
  window_name: string;
}

export interface RoomUnavailabilityTable {
  event_id: string;
  room_id: string;
  slot_id: string;
}

export interface TeamsTable {
  id: string;
  event_id: string;
  slug: string;
  name: string;
  kind: string;
  cross_project: number;
  colour: string;
  etherpad_url: string | null;
  video_url: string | null;
  location: string | null;
  status: string;
  created_at: string;
}

export interface TeamModeratorsTable {
  team_id: string;
  user_id: string;
}

export interface BookingsTable {
  id: string;
  event_id: string;
  team_id: string;
  room_id: string;
  slot_id: string;
  kind: string;
  created_by: string | null;
  created_at: string;
  source: string;
  override: number;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_source: string | null;
  /** why an organiser set the rules aside (migration 0010) */
  override_reason: string | null;
  /** why an organiser released a slot that had started (migration 0010) */
  cancel_reason: string | null;
}

export interface BoardTopicsTable {
  event_id: string;
  team_id: string;
  /** 0 for the "now" topic, 1… for "next" in order */
  position: number;
  text: string;
  set_at: string;
}

export interface MotdTable {
  id: string;
  event_id: string;
  position: number;
  level: string;
  message: string;
  expires_at: string | null;
}

export interface EventRevisionsTable {
  event_id: string;
  revision: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  source: string;
  changes_json: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  irc_nick: string | null;
  /** lower-cased nick, unique when set: IRC nicks are case-insensitive */
  irc_nick_key: string | null;
  time_zone: string | null;
  is_organizer: number;
  /** the person agreed to be listed in "find people" with their check-ins */
  listed_in_find_people: number;
  /** the secret in the address of the person's own calendar feed; rotated on request */
  feed_secret: string | null;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  /** SHA-256 of the token; the token itself is shown once and never stored */
  token_hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Teams a person follows: their personal calendar and the topics they hear about. */
export interface TeamFollowsTable {
  user_id: string;
  team_id: string;
  created_at: string;
}

/** Where a person last checked in, per event (personal: never in exports or public JSON). */
export interface CheckInsTable {
  event_id: string;
  user_id: string;
  team_id: string | null;
  place: string | null;
  checked_in_at: string;
  checked_out_at: string | null;
}

/** A person's topic subscription pattern, per event (personal). */
export interface TopicSubscriptionsTable {
  event_id: string;
  user_id: string;
  pattern: string;
  created_at: string;
}
/** A team lead's sign-up answers, one row per requested team. */
export interface TeamSignupsTable {
  team_id: string;
  event_id: string;
  lead_id: string | null;
  moderator_ids_json: string;
  expected_attendance: number;
  hours_wanted: number;
  preferred_windows_json: string;
  avoid_clashes_json: string;
  onboarding: number;
  operator_hour: number;
  video_url: string | null;
  notes: string;
  submitted_at: string;
  updated_at: string;
  outcome: string | null;
  outcome_at: string | null;
  outcome_reason: string | null;
  merged_into: string | null;
  /** booking ids a draft schedule must keep; null when the team never said */
  keep_bookings_json: string | null;
}

/** A signed-in browser: the cookie holds a secret whose SHA-256 is the key. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  /** how the person signed in: `email`, `oidc` or `first-organizer` */
  method: string;
  created_at: string;
  expires_at: string;
}

/** One-time links: e-mailed sign-in links and the first-organiser link of a fresh install. */
export interface SignInLinksTable {
  /** SHA-256 of the token in the link */
  token_hash: string;
  purpose: string;
  email: string | null;
  next_path: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A person's account at an OpenID Connect provider. */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export interface RegistrationsTable {
  event_id: string;
  user_id: string;
  role: string;
  affiliation: string;
  country: string | null;
  coc_version: string;
  coc_accepted_at: string;
  registered_at: string;
  updated_at: string;
}

export interface NewsletterSubscribersTable {
  id: string;
  email: string;
  /** `pending` until the confirmation link is used, then `confirmed`; `unsubscribed` after leaving */
  status: string;
  /** SHA-256 of the pending confirmation token */
  confirm_hash: string | null;
  confirm_expires_at: string | null;
  /** the secret in every message's unsubscribe link */
  unsubscribe_token: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** Values this installation keeps for itself, such as the generated session secret. */
export interface InstanceSettingsTable {
  key: string;
  value: string;
}

export interface MailOutboxTable {
  id: string;
  key: string;
  batch: string | null;
  to_address: string;
  subject: string;
  body: string;
  /** JSON object of extra headers */
  headers: string;
  /** `queued`, `sending` (leased), `sent` or `failed` */
  status: string;
  attempts: number;
  created_at: string;
  not_before: string;
  claimed_until: string | null;
  sent_at: string | null;
  last_error: string | null;
}

/** A draft schedule an organiser made, as one JSON document (`EventDraft`). */
export interface ScheduleDraftsTable {
  id: string;
  event_id: string;
  created_at: string;
  document_json: string;
}

/** A mailing to many people; its messages are the outbox's batch with the mailing's id. */
export interface MailingsTable {
  id: string;
  /** from the form that sent it: the same form sent again finds this mailing */
  idempotency_key: string;
  /** `registrants` (of `event_id`) or `newsletter` */
  audience: string;
  event_id: string | null;
  subject: string;
  body: string;
  sent_by: string | null;
  sent_by_name: string;
  created_at: string;
  recipients: number;
}
/** How a person hears about topics and meetings beyond the open page; booleans as 0/1. */
export interface AlertSettingsTable {
  user_id: string;
  topic_mail: number;
  reminders: number;
  reminder_mail: number;
  mailed_at: string | null;
}
/** An alert waiting for its owner's next batched e-mail. */
export interface AlertMailItemsTable {
  id: string;
  user_id: string;
  message: string;
  url: string;
  created_at: string;
}
/** The topic subscription of an IRC nick that belongs to no account, per event; `nick` lower-cased. */
export interface NickSubscriptionsTable {
  event_id: string;
  nick: string;
  pattern: string;
  created_at: string;
}
/** Where an IRC nick that belongs to no account said it is, per event; `listed` 0/1. */
export interface NickCheckInsTable {
  event_id: string;
  nick: string;
  team_id: string | null;
  place: string | null;
  checked_in_at: string;
  checked_out_at: string | null;
  listed: number;
}
/** A nick someone else named for a person, waiting for them to accept or decline it. */
export interface NickClaimsTable {
  id: string;
  user_id: string;
  nick: string;
  /** the case-folded nick: one claim per person and nick */
  nick_key: string;
  /** who named it, null once their account is gone */
  proposed_by: string | null;
  event_id: string | null;
  team_id: string | null;
  created_at: string;
}

/** What people added to a session, under the id of one of its bookings (see `SessionRecord`). */
export interface SessionRecordsTable {
  id: string;
  event_id: string;
  title: string;
  agenda: string;
  etherpad_url: string | null;
  recording_url: string | null;
  /** `SessionGuest[]` */
  guests_json: string;
  headcount: number | null;
  headcount_at: string | null;
  updated_at: string;
}

/** A team's summary of the event and its notes. */
export interface TeamSummariesTable {
  team_id: string;
  event_id: string;
  summary_url: string;
  notes_url: string | null;
  set_at: string;
}

/** An event's feedback form; `anonymous` as 0/1, questions as a JSON list. */
export interface FeedbackFormsTable {
  event_id: string;
  title: string;
  intro: string;
  anonymous: number;
  questions_json: string;
  status: string;
  updated_at: string;
}

/** One person's answer to an event's feedback form, keyed by a keyed hash of the person. */
export interface FeedbackAnswersTable {
  event_id: string;
  respondent_key: string;
  /** only on signed forms */
  user_id: string | null;
  values_json: string;
  answered_at: string;
}

/** A team of an earlier event invited to sign up again; lists as JSON, `cross_project` as 0/1. */
export interface TeamInvitationsTable {
  id: string;
  event_id: string;
  name: string;
  slug: string;
  kind: string;
  cross_project: number;
  /** e-mail addresses */
  moderators_json: string;
  hours_wanted: number | null;
  preferred_windows_json: string;
  /** short names of teams */
  avoid_clashes_json: string;
  /** `invited`, `signed-up` or `declined` */
  status: string;
  team_id: string | null;
  created_at: string;
  sent_at: string | null;
  answered_at: string | null;
}
