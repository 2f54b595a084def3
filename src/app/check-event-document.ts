import { maxMotdLength } from '../core/board/motd.ts';
import { maxTopicLength } from '../core/board/set-topics.ts';
import { checkCellFree } from '../core/booking/book-slot.ts';
import { type Checked, failed, passed } from '../core/checked.ts';
import { checkEventInfo } from '../core/event/check-event.ts';
import { sources } from '../core/model/actor.ts';
import { motdLevels } from '../core/model/board.ts';
import { type Booking, bookingKinds } from '../core/model/booking.ts';
import type { EventInfo } from '../core/model/event.ts';
import { blankEventState, type EventState } from '../core/model/event-state.ts';
import { parseInstant } from '../core/model/instant.ts';
import type { Room } from '../core/model/room.ts';
import { guestStatuses } from '../core/model/session.ts';
import { signupOutcomeKinds } from '../core/model/signup.ts';
import type { Slot, Unavailability } from '../core/model/slot.ts';
import { type Team, teamKinds, teamStatuses } from '../core/model/team.ts';
import { checkEmail, isIrcNick } from '../core/people/check-user.ts';
import { maxAgendaLength, maxTitleLength } from '../core/sessions/edit-session.ts';
import { maxHeadcount } from '../core/sessions/record-headcount.ts';
import { checkColour } from '../core/teams/colour.ts';
import { checkName } from '../core/text/check-name.ts';
import { checkHttpUrl } from '../core/text/http-url.ts';
import { checkLine, checkText } from '../core/text/plain-text.ts';
import { isValidSlug } from '../core/text/slugify.ts';
import { isTimeZone } from '../core/text/time-zone.ts';
import type { EventDocument } from '../store/event-document.ts';

type Fields = Record<string, unknown>;

/** A record or field of the file that is not as `convene export` writes it. */
class BadRecord extends Error {}

/**
 * Checks a file said to be written by `convene export`, record by record, as the API checks what
 * it is sent: the shape of each record first, then the core's rules (slugs people can type, names
 * without markup or bidi controls, palette colours, http(s) links, revisions numbered 1, 2, 3…).
 * Records inside the change history (teams, rooms, the event) are checked the same way, since the
 * read model is rebuilt from it. Bookings, closed cells, sign-ups, session records, summaries and
 * follows must name records of the file, and bookings still held must pass `checkCellFree`.
 * Users keep organiser rights only with `withOrganisers`.
 * Refuses with `invalid_input`, naming the record and field (`teams[3].colour: …`).
 */
export function checkEventDocument(
  input: unknown,
  options: { withOrganisers: boolean },
): Checked<EventDocument> {
  try {
    return passed(checkDocument(input, options));
  } catch (error) {
    if (error instanceof BadRecord) return failed('invalid_input', error.message);
    throw error;
  }
}

function checkDocument(input: unknown, options: { withOrganisers: boolean }): EventDocument {
  const document = record(input, 'the file');
  if (document.format !== 'convene-event' || document.version !== 1)
    throw new BadRecord(
      'This file is not an event exported by convene export (format "convene-event", version 1).',
    );
  const event = checkEvent(document.event, 'event');
  const users = list(document.users, 'users').map((user, index) =>
    checkUser(user, `users[${index}]`, options),
  );
  each(document.rooms, 'rooms', checkRoom);
  each(document.teams, 'teams', checkTeam);
  each(document.slots, 'slots', checkSlot);
  const known = knownRecords(document, event, users);
  each(document.unavailable, 'unavailable', (cell, where) => checkCell(cell, where, known));
  const state = { ...known.state, unavailable: document.unavailable as Unavailability[] };
  checkBookings(document.bookings, state, known);
  each(document.motd, 'motd', checkMotd);
  for (const [teamId, status] of Object.entries(record(document.board, 'board')))
    checkBoard(status, `board.${teamId}`);
  keyed(document.signups, 'signups', (signup, where, teamId) => checkSignup(signup, where, teamId, known));
  keyed(document.sessions, 'sessions', (session, where, id) => checkSession(session, where, id, known));
  keyed(document.summaries, 'summaries', (summary, where, teamId) =>
    checkSummary(summary, where, teamId, known),
  );
  if (document.follows !== undefined)
    each(document.follows, 'follows', (follow, at) => checkFollow(follow, at, known));
  checkRevisions(document, event);
  return { ...(document as unknown as EventDocument), event, users } as EventDocument;
}

function checkEvent(value: unknown, where: string): EventInfo {
  const event = record(value, where);
  text(event.id, `${where}.id`);
  text(event.slug, `${where}.slug`);
  const checked = checkEventInfo(event as unknown as EventInfo);
  if (!checked.ok) throw new BadRecord(`${where}: ${checked.refusal.message}`);
  return checked.value;
}

function checkUser(
  value: unknown,
  where: string,
  options: { withOrganisers: boolean },
): EventDocument['users'][number] {
  const user = record(value, where);
  text(user.id, `${where}.id`);
  const email = checkEmail(text(user.email, `${where}.email`));
  rule(email, `${where}.email`);
  rule(checkName(text(user.name, `${where}.name`), 'name', 120), `${where}.name`);
  const nick = optionalText(user.ircNick, `${where}.ircNick`);
  if (nick !== null && !isIrcNick(nick))
    throw new BadRecord(`${where}.ircNick: "${nick.slice(0, 40)}" is not an IRC nick.`);
  const zone = optionalText(user.timeZone, `${where}.timeZone`);
  if (zone !== null && !isTimeZone(zone))
    throw new BadRecord(`${where}.timeZone: "${zone.slice(0, 40)}" is not a time zone.`);
  if (typeof user.isOrganizer !== 'boolean') throw new BadRecord(`${where}.isOrganizer: not true or false.`);
  const isOrganizer = options.withOrganisers && user.isOrganizer;
  return { ...(user as unknown as EventDocument['users'][number]), isOrganizer };
}

function checkRoom(value: unknown, where: string): void {
  const room = record(value, where);
  text(room.id, `${where}.id`);
  slug(room.slug, `${where}.slug`);
  rule(checkName(text(room.name, `${where}.name`), 'room name', 80), `${where}.name`);
  link(room.url, `${where}.url`);
  rule(
    checkText(text(room.description, `${where}.description`), 'room description', 2000),
    `${where}.description`,
  );
  each(room.features, `${where}.features`, (feature, at) =>
    rule(checkLine(text(feature, at), 'feature', 80), at),
  );
}

function checkTeam(value: unknown, where: string): void {
  const team = record(value, where);
  text(team.id, `${where}.id`);
  slug(team.slug, `${where}.slug`);
  rule(checkName(text(team.name, `${where}.name`), 'team name', 120), `${where}.name`);
  rule(checkColour(text(team.colour, `${where}.colour`)), `${where}.colour`);
  oneOf(team.kind, teamKinds, `${where}.kind`);
  oneOf(team.status, teamStatuses, `${where}.status`);
  link(team.etherpadUrl, `${where}.etherpadUrl`);
  link(team.videoUrl, `${where}.videoUrl`);
  const location = optionalText(team.location, `${where}.location`);
  if (location !== null) rule(checkName(location, 'location', 200, true), `${where}.location`);
  each(team.moderators, `${where}.moderators`, text);
}

function checkSlot(value: unknown, where: string): void {
  const slot = record(value, where);
  text(slot.id, `${where}.id`);
  for (const field of ['start', 'end'] as const) instant(slot[field], `${where}.${field}`);
}

/** The file's records by id, for the records that refer to them, and the grid as the rules see it. */
interface Known {
  readonly state: EventState;
  readonly userIds: ReadonlySet<string>;
  readonly bookingIds: ReadonlySet<string>;
}

function knownRecords(document: Fields, event: EventInfo, users: readonly { id: string }[]): Known {
  const bookings = list(document.bookings, 'bookings');
  return {
    state: {
      ...blankEventState(event),
      rooms: document.rooms as Room[],
      slots: document.slots as Slot[],
      teams: document.teams as Team[],
    },
    userIds: new Set(users.map((user) => user.id)),
    bookingIds: new Set(bookings.map((booking) => (booking as Fields | null)?.id).filter(isText)),
  };
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

/** The record of the file's that `field` of `fields` names by id, or a `BadRecord` saying it names none. */
function reference<T extends { id: string }>(
  fields: Fields,
  field: string,
  records: readonly T[],
  where: string,
  what: string,
): T {
  const id = text(fields[field], `${where}.${field}`);
  const found = records.find((candidate) => candidate.id === id);
  if (!found) throw new BadRecord(`${where}.${field}: there is no ${what} "${id.slice(0, 60)}" in the file.`);
  return found;
}

function checkCell(value: unknown, where: string, known: Known): void {
  const cell = record(value, where);
  reference(cell, 'roomId', known.state.rooms, where, 'room');
  reference(cell, 'slotId', known.state.slots, where, 'slot');
}

/**
 * Every booking names a team, room and slot of the file; a booking still held must be one the
 * booking rules allow whatever the time (`checkCellFree`: the room is open then, the cell is not
 * held twice, the team is not in two rooms at once).
 */
function checkBookings(value: unknown, grid: EventState, known: Known): void {
  const held: Booking[] = [];
  each(value, 'bookings', (item, where) => {
    const booking = record(item, where);
    text(booking.id, `${where}.id`);
    const team = reference(booking, 'teamId', grid.teams, where, 'team');
    const room = reference(booking, 'roomId', grid.rooms, where, 'room');
    const slot = reference(booking, 'slotId', grid.slots, where, 'slot');
    oneOf(booking.kind, bookingKinds, `${where}.kind`);
    oneOf(booking.source, sources, `${where}.source`);
    instant(booking.createdAt, `${where}.createdAt`);
    optionalText(booking.createdBy, `${where}.createdBy`);
    if (typeof booking.override !== 'boolean') throw new BadRecord(`${where}.override: not true or false.`);
    const reason = optionalText(booking.overrideReason, `${where}.overrideReason`);
    if (reason !== null) rule(checkLine(reason, 'reason', 500), `${where}.overrideReason`);
    if (optionalText(booking.cancelledAt, `${where}.cancelledAt`) !== null) {
      instant(booking.cancelledAt, `${where}.cancelledAt`);
      return;
    }
    const taken = checkCellFree({ ...grid, bookings: held }, team, room, slot);
    if (taken) throw new BadRecord(`${where}: ${taken.message}`);
    held.push(booking as unknown as Booking);
  });
}

function checkSignup(value: unknown, where: string, teamId: string, known: Known): void {
  const signup = record(value, where);
  if (signup.teamId !== teamId) throw new BadRecord(`${where}.teamId: not the team it is filed under.`);
  reference(signup, 'teamId', known.state.teams, where, 'team');
  const lead = optionalText(signup.leadId, `${where}.leadId`);
  if (lead !== null) user(lead, `${where}.leadId`, known);
  each(signup.moderatorIds, `${where}.moderatorIds`, (id, at) => user(text(id, at), at, known));
  for (const field of ['expectedAttendance', 'hoursWanted'] as const) {
    const number = signup[field];
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 10_000)
      throw new BadRecord(`${where}.${field}: not a whole number from 0 to 10000.`);
  }
  const windows = known.state.event.windows.map((window) => window.name);
  each(signup.preferredWindows, `${where}.preferredWindows`, (name, at) => oneOf(name, windows, at));
  each(signup.avoidClashes, `${where}.avoidClashes`, (id, at) => teamOf(id, at, known));
  if (signup.keepBookings !== undefined)
    each(signup.keepBookings, `${where}.keepBookings`, (id, at) => {
      if (!known.bookingIds.has(text(id, at)))
        throw new BadRecord(`${at}: there is no such booking in the file.`);
    });
  for (const field of ['onboarding', 'operatorHour'] as const)
    if (typeof signup[field] !== 'boolean') throw new BadRecord(`${where}.${field}: not true or false.`);
  link(signup.videoUrl, `${where}.videoUrl`);
  rule(checkText(text(signup.notes, `${where}.notes`), 'note', 2000), `${where}.notes`);
  instant(signup.submittedAt, `${where}.submittedAt`);
  instant(signup.updatedAt, `${where}.updatedAt`);
  if (signup.outcome === null) return;
  const outcome = record(signup.outcome, `${where}.outcome`);
  oneOf(outcome.kind, signupOutcomeKinds, `${where}.outcome.kind`);
  instant(outcome.at, `${where}.outcome.at`);
  const reason = optionalText(outcome.reason, `${where}.outcome.reason`);
  if (reason !== null) rule(checkText(reason, 'reason', 2000), `${where}.outcome.reason`);
  if (outcome.mergedInto !== null) teamOf(outcome.mergedInto, `${where}.outcome.mergedInto`, known);
}

function checkSession(value: unknown, where: string, id: string, known: Known): void {
  const session = record(value, where);
  if (session.id !== id || !known.bookingIds.has(id))
    throw new BadRecord(`${where}.id: not a booking of the file, or not the one it is filed under.`);
  rule(checkName(text(session.title, `${where}.title`), 'title', maxTitleLength, true), `${where}.title`);
  rule(checkText(text(session.agenda, `${where}.agenda`), 'agenda', maxAgendaLength), `${where}.agenda`);
  link(session.etherpadUrl, `${where}.etherpadUrl`);
  link(session.recordingUrl, `${where}.recordingUrl`);
  each(session.guests, `${where}.guests`, (item, at) => {
    const guest = record(item, at);
    teamOf(guest.teamId, `${at}.teamId`, known);
    oneOf(guest.status, guestStatuses, `${at}.status`);
    instant(guest.invitedAt, `${at}.invitedAt`);
    if (guest.answeredAt !== null) instant(guest.answeredAt, `${at}.answeredAt`);
  });
  if (session.headcount !== null) {
    const headcount = record(session.headcount, `${where}.headcount`);
    const count = headcount.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > maxHeadcount)
      throw new BadRecord(`${where}.headcount.count: not a whole number from 0 to ${maxHeadcount}.`);
    instant(headcount.at, `${where}.headcount.at`);
  }
  instant(session.updatedAt, `${where}.updatedAt`);
}

function checkSummary(value: unknown, where: string, teamId: string, known: Known): void {
  const summary = record(value, where);
  if (summary.teamId !== teamId) throw new BadRecord(`${where}.teamId: not the team it is filed under.`);
  teamOf(summary.teamId, `${where}.teamId`, known);
  rule(checkHttpUrl(text(summary.summaryUrl, `${where}.summaryUrl`)), `${where}.summaryUrl`);
  link(summary.notesUrl, `${where}.notesUrl`);
  instant(summary.at, `${where}.at`);
}

function checkFollow(value: unknown, where: string, known: Known): void {
  const follow = record(value, where);
  user(text(follow.userId, `${where}.userId`), `${where}.userId`, known);
  teamOf(follow.teamId, `${where}.teamId`, known);
  instant(follow.createdAt, `${where}.createdAt`);
}

function user(id: string, where: string, known: Known): void {
  if (!known.userIds.has(id))
    throw new BadRecord(`${where}: there is no user "${id.slice(0, 60)}" in the file.`);
}

function teamOf(value: unknown, where: string, known: Known): void {
  const id = text(value, where);
  if (!known.state.teams.some((team) => team.id === id))
    throw new BadRecord(`${where}: there is no team "${id.slice(0, 60)}" in the file.`);
}

function instant(value: unknown, where: string): void {
  if (parseInstant(text(value, where)) !== value)
    throw new BadRecord(`${where}: not a UTC instant (YYYY-MM-DDTHH:MM:SSZ).`);
}

/** Checks each entry of an optional object keyed by id (`signups.{teamId}`), telling `check` its key. */
function keyed(value: unknown, where: string, check: (item: unknown, at: string, key: string) => void): void {
  if (value === undefined) return;
  for (const [key, item] of Object.entries(record(value, where))) check(item, `${where}.${key}`, key);
}

function checkMotd(value: unknown, where: string): void {
  const motd = record(value, where);
  oneOf(motd.level, motdLevels, `${where}.level`);
  rule(checkName(text(motd.message, `${where}.message`), 'banner text', maxMotdLength), `${where}.message`);
}

function checkBoard(value: unknown, where: string): void {
  const status = record(value, where);
  const topics = [...(status.now === null ? [] : [status.now]), ...list(status.next, `${where}.next`)];
  topics.forEach((topic, index) => {
    const at = `${where}.${index === 0 && status.now !== null ? 'now' : 'next'}`;
    rule(checkLine(text(record(topic, at).text, `${at}.text`), 'topic', maxTopicLength), `${at}.text`);
  });
}

/** Revisions are numbered 1, 2, 3… without gaps up to the event's, and every record they carry is checked. */
function checkRevisions(document: Fields, event: EventInfo): void {
  const revisions = list(document.revisions, 'revisions');
  if (document.revision !== revisions.length)
    throw new BadRecord(
      `revision: ${String(document.revision).slice(0, 20)} is not the number of revisions (${revisions.length}).`,
    );
  revisions.forEach((value, index) => {
    const where = `revisions[${index}]`;
    const revision = record(value, where);
    if (revision.revision !== index + 1)
      throw new BadRecord(
        `${where}.revision: ${String(revision.revision).slice(0, 20)} should be ${index + 1}; revisions are numbered 1, 2, 3… in order.`,
      );
    if (revision.eventId !== event.id) throw new BadRecord(`${where}.eventId: not the event's id.`);
    instant(revision.at, `${where}.at`);
    list(revision.changes, `${where}.changes`).forEach((change, number) => {
      const at = `${where}.changes[${number}]`;
      const fields = record(change, at);
      text(fields.type, `${at}.type`);
      if (fields.team !== undefined) checkTeam(fields.team, `${at}.team`);
      if (fields.room !== undefined) checkRoom(fields.room, `${at}.room`);
      if (fields.event !== undefined) checkEvent(fields.event, `${at}.event`);
    });
  });
}

/** Checks each item of a list, telling `check` where it is (`rooms[3]`). */
function each(value: unknown, where: string, check: (item: unknown, at: string) => unknown): void {
  for (const [index, item] of list(value, where).entries()) check(item, `${where}[${index}]`);
}

function record(value: unknown, where: string): Fields {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new BadRecord(`${where}: not an object.`);
  return value as Fields;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new BadRecord(`${where}: not a list.`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new BadRecord(`${where}: not text.`);
  return value;
}

function optionalText(value: unknown, where: string): string | null {
  return value === null || value === undefined ? null : text(value, where);
}

function slug(value: unknown, where: string): void {
  if (!isValidSlug(text(value, where)))
    throw new BadRecord(
      `${where}: "${String(value).slice(0, 40)}" is not a short name (lower-case letters, digits and hyphens).`,
    );
}

function link(value: unknown, where: string): void {
  const url = optionalText(value, where);
  if (url !== null) rule(checkHttpUrl(url), where);
}

function oneOf(value: unknown, allowed: readonly string[], where: string): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw new BadRecord(`${where}: not one of ${allowed.join(', ')}.`);
}

function rule(checked: Checked<unknown>, where: string): void {
  if (!checked.ok) throw new BadRecord(`${where}: ${checked.refusal.message}`);
}
