import { type Checked, failed, passed } from '../checked.ts';
import { refuse, refused } from '../decision.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { type Instant, utcDay } from '../model/instant.ts';
import { findTeam, roomsOfTeam, slotAt } from '../model/lookup.ts';
import type { Team } from '../model/team.ts';
import { describeUtcDay, describeUtcTime } from '../text/describe-time.ts';
import { checkLine } from '../text/plain-text.ts';
import { isIrcNick } from './check-user.ts';
import { type PersonalDecision, personal } from './personal-decision.ts';

/** Where someone said they are: with a team, or at a place of their own words. */
export interface CheckIn {
  readonly userId: string;
  /** the team checked in with, or null for a place */
  readonly teamId: string | null;
  /** the place in the person's words, or null for a team */
  readonly place: string | null;
  readonly at: Instant;
  readonly outAt: Instant | null;
}

/** Someone `seen` asks about, as the store knows them. */
export interface SeenPerson {
  readonly name: string;
  readonly nick: string;
  /** agreed to be listed in "find people" */
  readonly listed: boolean;
  readonly checkIn: CheckIn | null;
}

/** A line of "find people". */
export interface PersonHere {
  readonly name: string;
  readonly nick: string | null;
  readonly teamSlug: string | null;
  readonly where: string;
  readonly since: Instant;
}

const maxPlaceLength = 100;

const needsAccount =
  'That needs a Convene account: sign in on the site, or link your IRC nick to your account on your profile page.';

/** A check-in counts until its owner checks out or the UTC day it was made ends. */
export function isCheckedIn(checkIn: CheckIn | null, now: Instant): boolean {
  return checkIn !== null && checkIn.outAt === null && utcDay(checkIn.at) === utcDay(now);
}

/**
 * How many people are checked in with each team right now, by team id: a count says nothing about
 * who, so it is shown for everyone, whether or not they agreed to be listed.
 */
export function checkedInCounts(checkIns: readonly CheckIn[], now: Instant): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of checkIns) {
    if (entry.teamId && isCheckedIn(entry, now))
      counts.set(entry.teamId, (counts.get(entry.teamId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Checks the actor in with an approved team (`#nova`, or `nova` when a team has that short name) or
 * at a place in their own words. Refuses with `event_archived`, `unauthenticated`, `unknown_team` or
 * `invalid_input`.
 */
export function checkIn(
  state: EventState,
  input: { place: string; listed: boolean },
  ctx: Ctx,
): PersonalDecision<CheckIn> {
  const archived = checkNotArchived(state.event, 'checkin');
  if (archived) return refused(archived);
  const userId = ctx.actor?.userId;
  if (!userId) return refuse('unauthenticated', needsAccount);
  const text = input.place.trim();
  let team: Team | undefined;
  let place: string | null = null;
  if (text.startsWith('#')) {
    team = findTeam(state, text);
    if (team?.status !== 'approved') {
      return refuse('unknown_team', `There is no team "${text.slice(1, 61)}" in this event.`);
    }
  } else {
    const named = findTeam(state, text);
    if (named?.status === 'approved') team = named;
    else {
      const checked = checkLine(text, 'place', maxPlaceLength);
      if (!checked.ok) return checked;
      place = checked.value;
    }
  }
  const made: CheckIn = { userId, teamId: team?.id ?? null, place, at: ctx.now, outAt: null };
  const findable = input.listed
    ? ''
    : ' Only people who agree to be found appear in “find people”; you can agree on your profile page.';
  return personal(
    made,
    `Checked in ${describePlace(state, made, ctx.now)}; it lasts until you check out or the UTC day ends.${findable}`,
  );
}

/** Ends the actor's check-in of today, if there is one. Refuses with `unauthenticated`. */
export function checkOut(state: EventState, current: CheckIn | null, ctx: Ctx): PersonalDecision<CheckIn> {
  if (!ctx.actor?.userId) return refuse('unauthenticated', needsAccount);
  if (!current || !isCheckedIn(current, ctx.now))
    return personal(null, 'You are not checked in anywhere today.');
  return personal(
    { ...current, outAt: ctx.now },
    `Checked out ${describePlace(state, current, ctx.now).replace(/^(with|at) /, 'of ')}.`,
  );
}

/**
 * Where someone was last seen, for people with an account, about people who agreed to be found.
 * Everyone else gets the same answer, so nobody learns who has an account or who said no.
 * Refuses with `unauthenticated` or `invalid_input`.
 */
export function describeSeen(
  state: EventState,
  input: { nick: string; person: SeenPerson | null },
  ctx: Ctx,
): PersonalDecision<never> {
  if (!ctx.actor?.userId) return refuse('unauthenticated', needsAccount);
  if (!isIrcNick(input.nick))
    return refuse('invalid_input', `"${input.nick.slice(0, 40)}" is not an IRC nick.`);
  const { person } = input;
  const checkIn = person?.listed ? person.checkIn : null;
  if (!person || !checkIn) return personal(null, `I have no check-in from ${input.nick} that I may share.`);
  const where = describePlace(state, checkIn, ctx.now);
  if (isCheckedIn(checkIn, ctx.now)) {
    return personal(null, `${person.nick} checked in ${where} at ${describeUtcTime(checkIn.at)} UTC.`);
  }
  const out = checkIn.outAt ?? checkIn.at;
  const when =
    utcDay(out) === utcDay(ctx.now)
      ? `${describeUtcTime(out)} UTC`
      : `${describeUtcDay(out)} at ${describeUtcTime(out)} UTC`;
  return personal(null, `${person.nick} was last seen ${where}, until ${when}.`);
}

/**
 * "Find people", for people with an account: who is checked in now, among those who agreed to be
 * listed, by team or place and then by name. Everyone else is left out here, whatever the caller
 * passed in. Refuses with `unauthenticated`.
 */
export function peopleHere(
  state: EventState,
  entries: readonly {
    readonly name: string;
    readonly nick: string | null;
    readonly listed: boolean;
    readonly checkIn: CheckIn;
  }[],
  ctx: Pick<Ctx, 'actor' | 'now'>,
): Checked<PersonHere[]> {
  if (!ctx.actor?.userId) return failed('unauthenticated', 'Sign in to find people.');
  const now = ctx.now;
  const found = entries
    .filter((entry) => entry.listed && isCheckedIn(entry.checkIn, now))
    .map((entry) => ({
      name: entry.name,
      nick: entry.nick,
      teamSlug: state.teams.find((team) => team.id === entry.checkIn.teamId)?.slug ?? null,
      where: describePlace(state, entry.checkIn, now).replace(/^(with|at) /, ''),
      since: entry.checkIn.at,
    }))
    .sort(
      (a, b) =>
        a.where.localeCompare(b.where, 'en', { sensitivity: 'base' }) ||
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
    );
  return passed(found);
}

/** "with #nova (in bexar)", "with #nova", "at the pub". */
function describePlace(state: EventState, checkIn: CheckIn, now: Instant): string {
  const team = checkIn.teamId ? state.teams.find((candidate) => candidate.id === checkIn.teamId) : undefined;
  if (!team) return `at ${checkIn.place ?? 'a place no longer listed'}`;
  return `with ${describeTeamWhere(state, team, now)}`;
}

/** "#nova (in bexar)": the team and where it meets now (its location, else its rooms in this slot). */
export function describeTeamWhere(state: EventState, team: Team, now: Instant): string {
  const where = team.location ?? roomsNow(state, team.id, now);
  return where ? `#${team.slug} (in ${where})` : `#${team.slug}`;
}

function roomsNow(state: EventState, teamId: string, now: Instant): string | null {
  const slot = slotAt(state, now);
  const names = slot ? roomsOfTeam(state, teamId, slot.id).map((room) => room.name) : [];
  return names.length > 0 ? names.join(', ') : null;
}
