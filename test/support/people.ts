import { setModeratorByEmail } from '../../src/app/people.ts';
import { openSession } from '../../src/app/sessions.ts';
import { findOrCreateUser } from '../../src/app/sign-in.ts';
import { systemActor } from '../../src/core/model/actor.ts';
import type { EventState } from '../../src/core/model/event-state.ts';
import type { User } from '../../src/core/model/user.ts';
import type { RegistrationInput } from '../../src/core/people/register-attendee.ts';
import { sessionCookie } from '../../src/web/plugins/session.ts';
import { FormClient } from './form-client.ts';
import type { TestSite } from './web.ts';

/**
 * A browser signed in as the person with this address (made if new): a session opened the way
 * signing in opens one, its cookie in the client. The e-mail round trip has tests of its own.
 */
export async function signedInClient(
  site: TestSite,
  email: string,
  options: { organizer?: boolean; name?: string } = {},
): Promise<{ client: FormClient; user: User }> {
  const found = await findOrCreateUser(site.runtime, email, options.name);
  if (!found.ok) throw new Error(found.refusal.message);
  if (options.organizer) await site.runtime.store.setOrganizer(found.value.id, true);
  const { secret } = await openSession(site.runtime, found.value.id, 'email');
  const client = new FormClient(site.app);
  client.cookies.set(sessionCookie, secret);
  return { client, user: { ...found.value, isOrganizer: options.organizer ?? found.value.isOrganizer } };
}

/**
 * A session secret (for a browser's cookie) of a moderator of the team in the event, made and
 * named moderator the way the command line does it.
 */
export async function moderatorSecret(
  site: TestSite,
  place: { event: string; team: string },
  email: string,
): Promise<string> {
  const found = await findOrCreateUser(site.runtime, email);
  if (!found.ok) throw new Error(found.refusal.message);
  const named = await setModeratorByEmail(
    site.runtime,
    { actor: systemActor, source: 'cli' },
    { ...place, email, moderator: true },
  );
  if (!named.ok) throw new Error(named.refusal.message);
  return (await openSession(site.runtime, found.value.id, 'email')).secret;
}

/** The registration form as someone fills it who gives only their name and accepts the current Code of Conduct. */
export function plainRegistration(state: EventState, name: string): RegistrationInput {
  return {
    name,
    role: 'contributor',
    affiliation: '',
    country: '',
    timeZone: '',
    ircNick: '',
    teamsOfInterest: [],
    listedInFindPeople: false,
    acceptCodeOfConduct: true,
    codeOfConductVersion: state.event.codeOfConduct.version,
  };
}
