import type { EventState } from '../core/model/event-state.ts';
import type { Registration } from '../core/model/registration.ts';
import type { Team } from '../core/model/team.ts';
import type { User } from '../core/model/user.ts';
import { attendeeStanding } from '../core/people/register-attendee.ts';
import { messages } from '../mail/messages.ts';
import { queueMail } from './mail-outbox.ts';
import type { Mailing } from './mailing.ts';
import type { Runtime } from './runtime.ts';
import { manageUrl } from './signups.ts';

type Links = Pick<Mailing, 'baseUrl'>;

function eventUrl(links: Links, state: EventState): string {
  return `${links.baseUrl}/events/${encodeURIComponent(state.event.slug)}`;
}

/**
 * After a new Code of Conduct version: everyone registered who does not stand under it is e-mailed
 * (once per version) the link that accepts it in one step. Nobody is told when earlier versions
 * still count ("from the next registration").
 */
export async function tellOfNewCodeOfConduct(
  runtime: Runtime,
  links: Links,
  state: EventState,
): Promise<number> {
  const { version } = state.event.codeOfConduct;
  const acceptUrl = `${eventUrl(links, state)}/register`;
  const behind = (await runtime.store.people.registrants(state.event.id)).filter(
    ({ registration }) => attendeeStanding(state.event, registration) === 'coc-outdated',
  );
  return await queueMail(
    runtime,
    behind.map(({ user }) => ({
      ...messages.codeOfConductChanged(user.email, state.event.title, version, acceptUrl),
      key: `coc:${state.event.id}:${version}:${user.id}`,
    })),
  );
}

/** A new registration is confirmed by e-mail, with where to join and the event's calendar. */
export async function confirmRegistration(
  runtime: Runtime,
  links: Links,
  state: EventState,
  user: User,
  registration: Registration,
): Promise<void> {
  const base = eventUrl(links, state);
  await queueMail(runtime, [
    {
      ...messages.registered(user.email, state.event.title, `${base}/join`, `${base}/calendar.ics`),
      key: `registered:${state.event.id}:${user.id}:${registration.registeredAt}`,
    },
  ]);
}

/**
 * A new sign-up: every organiser is asked to review it, and each moderator the lead named (other
 * than the lead) hears that they were named.
 */
export async function tellOfNewSignup(
  runtime: Runtime,
  links: Links,
  state: EventState,
  team: Team,
  lead: User,
  moderatorIds: readonly string[],
): Promise<void> {
  const reviewUrl = `${eventUrl(links, state)}/organise/signups`;
  const organisers = await runtime.store.people.organizers();
  const named = await runtime.store.listUsers(moderatorIds.filter((id) => id !== lead.id));
  await queueMail(runtime, [
    ...organisers.map((organiser) => ({
      ...messages.signupToReview(organiser.email, team.name, state.event.title, lead.name, reviewUrl),
      key: `signup-review:${team.id}:${organiser.id}`,
    })),
    ...named.map((user) => ({
      ...messages.namedInSignup(user.email, team.name, state.event.title, lead.name),
      key: `signup-named:${team.id}:${user.id}`,
    })),
  ]);
}

/** When booking opens for a team: its kind's opening (cross-project teams may open earlier), or null when always open. */
export function bookingOpensAt(state: EventState, team: Team): string | null {
  const { crossProjectOpensAt, othersOpenAt } = state.event.rules;
  return team.crossProject ? (crossProjectOpensAt ?? othersOpenAt) : othersOpenAt;
}

/** The sentence an approval carries about booking. */
export function bookingOpensSentence(state: EventState, team: Team, now: string): string {
  const opens = bookingOpensAt(state, team);
  if (!opens || opens <= now) return `Booking is open for ${team.name} now.`;
  return `Booking opens for ${team.name} on ${opens.slice(0, 10)} at ${opens.slice(11, 16)} UTC; you will get a reminder then.`;
}

/** A reminder to the team's moderators, queued for the moment booking opens for it (if that is later). */
export async function remindWhenBookingOpens(
  runtime: Runtime,
  links: Links,
  state: EventState,
  team: Team,
): Promise<void> {
  const opens = bookingOpensAt(state, team);
  if (!opens || opens <= runtime.clock.now()) return;
  const manage = manageUrl(links, state, team);
  await queueMail(
    runtime,
    (await runtime.store.listUsers(team.moderators)).map((user) => ({
      ...messages.bookingOpens(user.email, team.name, state.event.title, manage),
      key: `booking-opens:${team.id}:${user.id}:${opens}`,
      notBefore: opens,
    })),
  );
}
