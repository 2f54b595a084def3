import { type Checked, failed, failedWith, passed } from '../checked.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { SignupAnswers } from '../model/signup.ts';
import { isLiveTeam, type TeamKind, teamKinds } from '../model/team.ts';
import { checkEmail, isIrcNick } from '../people/check-user.ts';
import { checkName } from '../text/check-name.ts';
import { checkHttpUrl } from '../text/http-url.ts';
import { checkText } from '../text/plain-text.ts';

/** The sign-up form as people fill it in (a web form or JSON): text as typed, boxes ticked or not. */
export interface SignupFormInput {
  readonly name: string;
  readonly kind: string;
  readonly crossProject: boolean;
  /** one moderator a line: an e-mail address, optionally followed by an IRC nick; or a known nick */
  readonly moderators: string;
  readonly expectedAttendance: string | number;
  readonly hoursWanted: string | number;
  /** names of the event's windows */
  readonly preferredWindows: readonly string[];
  /** slugs (or ids) of teams not to clash with */
  readonly avoidClashes: readonly string[];
  readonly onboarding: boolean;
  readonly operatorHour: boolean;
  readonly video: string;
  readonly videoUrl: string;
  readonly notes: string;
}

/** A moderator named on the form: by e-mail (invited if new), by IRC nick of a known user, or both. */
export interface ModeratorSpec {
  readonly email: string | null;
  readonly ircNick: string | null;
}

/** The sign-up form once every answer has been checked. */
export interface SignupForm extends SignupAnswers {
  readonly name: string;
  readonly kind: TeamKind;
  readonly crossProject: boolean;
  readonly moderators: readonly ModeratorSpec[];
}

const maxSignupModerators = 10;
const maxClashes = 20;

/**
 * Checks every answer of a team sign-up against the event: a team name and kind, up to ten
 * moderators as e-mail addresses or IRC nicks, whole numbers of people and hours (hours within the
 * event's total cap), windows and teams that exist, and an http(s) link when the team brings its own
 * video room. `self` is the team being edited, which may not avoid itself.
 * Refuses with `invalid_input` or `invalid_url`, naming the answer that is wrong.
 */
export function checkSignupForm(
  state: EventState,
  input: SignupFormInput,
  self: string | null = null,
): Checked<SignupForm> {
  const name = checkName(input.name, 'team name', 120);
  if (!name.ok) return name;
  const kind = teamKinds.find((candidate) => candidate === input.kind);
  if (!kind) return failed('invalid_input', `Choose the kind of team: ${teamKinds.join(', ')}.`);
  const moderators = checkModerators(input.moderators);
  if (!moderators.ok) return moderators;
  const attendance = wholeNumber(input.expectedAttendance, 'expected attendance', 1, 10_000);
  if (!attendance.ok) return attendance;
  const meeting = checkMeetingAnswers(state, input, self);
  if (!meeting.ok) return meeting;
  const video = checkVideo(input.video, input.videoUrl);
  if (!video.ok) return video;
  const notes = checkText(input.notes, 'note', 2000);
  if (!notes.ok) return notes;
  return passed({
    name: name.value,
    kind,
    crossProject: input.crossProject,
    moderators: moderators.value,
    expectedAttendance: attendance.value,
    ...meeting.value,
    onboarding: input.onboarding,
    operatorHour: input.operatorHour,
    videoUrl: video.value,
    notes: notes.value.trim(),
  });
}

/** What a team asks of the schedule, as typed: hours, windows (names) and teams to avoid (slugs or ids). */
export type MeetingAnswersInput = Pick<SignupFormInput, 'hoursWanted' | 'preferredWindows' | 'avoidClashes'>;

/**
 * Checks what a team asks of the schedule: a whole number of hours within the event's total cap,
 * windows of the event, and at most twenty teams still in the event to avoid (`self` is dropped).
 * Refuses with `invalid_input`, naming the answer that is wrong.
 */
export function checkMeetingAnswers(
  state: EventState,
  input: MeetingAnswersInput,
  self: string | null,
): Checked<Pick<SignupAnswers, 'hoursWanted' | 'preferredWindows' | 'avoidClashes'>> {
  const cap = state.event.rules.totalCapMinutes;
  const maxHours = cap === null ? 200 : Math.max(1, Math.floor(cap / 60));
  const hours = wholeNumber(input.hoursWanted, 'number of hours wanted', 1, maxHours);
  if (!hours.ok) return hours;
  const windowNames = state.event.windows.map((window) => window.name);
  const windows = unique(input.preferredWindows);
  const unknownWindow = windows.find((window) => !windowNames.includes(window));
  if (unknownWindow !== undefined)
    return failed('invalid_input', `"${unknownWindow.slice(0, 80)}" is not one of the event's windows.`);
  const clashes = checkClashes(state, input.avoidClashes, self);
  if (!clashes.ok) return clashes;
  return passed({
    hoursWanted: hours.value,
    preferredWindows: windowNames.filter((window) => windows.includes(window)),
    avoidClashes: clashes.value,
  });
}

/**
 * Reads the moderator lines: each names one person by e-mail address, IRC nick, or both
 * (`ana@example.org ana_p`). Refuses with `invalid_input` for anything else.
 */
export function checkModerators(text: string): Checked<ModeratorSpec[]> {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > maxSignupModerators)
    return failed('invalid_input', `Name at most ${maxSignupModerators} moderators, one a line.`);
  const specs: ModeratorSpec[] = [];
  for (const line of lines) {
    const words = line.split(/[\s,;]+/).filter(Boolean);
    const emails = words.filter((word) => word.includes('@'));
    const nicks = words.filter((word) => !word.includes('@'));
    if (emails.length > 1 || nicks.length > 1 || words.length === 0) {
      return failed(
        'invalid_input',
        `Write one moderator a line: "${line.slice(0, 80)}" names more than one.`,
      );
    }
    const email = emails[0] === undefined ? null : checkEmail(emails[0]);
    if (email && !email.ok) return failedWith(email.refusal);
    const nick = nicks[0] ?? null;
    if (nick !== null && !isIrcNick(nick))
      return failed('invalid_input', `"${nick.slice(0, 40)}" is neither an e-mail address nor an IRC nick.`);
    specs.push({ email: email?.value ?? null, ircNick: nick });
  }
  const seen = new Set<string>();
  return passed(
    specs.filter((spec) => {
      const key = spec.email ?? `nick:${spec.ircNick?.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

function wholeNumber(given: string | number, what: string, min: number, max: number): Checked<number> {
  const text = String(given).trim();
  const value = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max)
    return failed('invalid_input', `The ${what} must be a whole number from ${min} to ${max}.`);
  return passed(value);
}

function checkClashes(state: EventState, refs: readonly string[], self: string | null): Checked<string[]> {
  const wanted = unique(refs);
  if (wanted.length > maxClashes)
    return failed('invalid_input', `Name at most ${maxClashes} teams to avoid.`);
  const ids: string[] = [];
  for (const ref of wanted) {
    const team = findTeam(state, ref);
    if (!team || !isLiveTeam(team))
      return failed('invalid_input', `There is no team "${ref.slice(0, 60)}" to avoid.`);
    if (team.id !== self) ids.push(team.id);
  }
  return passed(ids);
}

function checkVideo(choice: string, link: string): Checked<string | null> {
  if (choice === 'rooms') return passed(null);
  if (choice !== 'own') return failed('invalid_input', 'Choose the event’s rooms or your own video link.');
  if (!link.trim())
    return failed('invalid_url', 'Give the link of your own video room, or choose the event’s rooms.');
  return checkHttpUrl(link);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}
