import { maxMotdLength } from '../core/board/motd.ts';
import { maxTopicLength } from '../core/board/set-topics.ts';
import { type Checked, failed, passed } from '../core/checked.ts';
import { checkEventInfo } from '../core/event/check-event.ts';
import { motdLevels } from '../core/model/board.ts';
import type { EventInfo } from '../core/model/event.ts';
import { parseInstant } from '../core/model/instant.ts';
import { teamKinds, teamStatuses } from '../core/model/team.ts';
import { checkEmail, isIrcNick } from '../core/people/check-user.ts';
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
 * read model is rebuilt from it. Users keep organiser rights only with `withOrganisers`.
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
  for (const name of ['bookings', 'unavailable'] as const) each(document[name], name, record);
  each(document.motd, 'motd', checkMotd);
  for (const [teamId, status] of Object.entries(record(document.board, 'board')))
    checkBoard(status, `board.${teamId}`);
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
  for (const field of ['start', 'end'] as const)
    if (parseInstant(text(slot[field], `${where}.${field}`)) !== slot[field])
      throw new BadRecord(`${where}.${field}: not a UTC instant (YYYY-MM-DDTHH:MM:SSZ).`);
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
    if (parseInstant(text(revision.at, `${where}.at`)) !== revision.at)
      throw new BadRecord(`${where}.at: not a UTC instant.`);
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
