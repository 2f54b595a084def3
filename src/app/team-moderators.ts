import { randomUUID } from 'node:crypto';
import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import { unknownEvent } from '../core/errors.ts';
import { findTeam } from '../core/model/lookup.ts';
import type { Team } from '../core/model/team.ts';
import { checkEmail } from '../core/people/check-user.ts';
import { checkModeratorsManager } from '../core/permissions.ts';
import { setModerator } from '../core/teams/team-admin.ts';
import { messages } from '../mail/messages.ts';
import { execute } from './execute.ts';
import { queueMail } from './mail-outbox.ts';
import type { Mailing } from './mailing.ts';
import type { Runtime, Who } from './runtime.ts';
import { findOrCreateUser, invitationLink } from './sign-in.ts';
import { manageUrl } from './signups.ts';

/**
 * Organisers, and a team's lead, add a moderator by e-mail address (`setModerator`): someone new gets
 * an account, and the new moderator is e-mailed (through the outbox) a sign-in link, valid a week,
 * that opens the team's manage page. Refuses with `unauthenticated`, `forbidden`, `unknown_event`,
 * `unknown_team` or `invalid_input`; the permission is checked before any account is made.
 */
export async function addModerator(
  runtime: Runtime,
  links: Pick<Mailing, 'baseUrl'>,
  who: Who,
  input: { readonly event: string; readonly team: string; readonly email: string },
): Promise<Checked<{ reply: string }>> {
  const allowed = await permitted(runtime, who, input);
  if (!allowed.ok) return allowed;
  const email = checkEmail(input.email);
  if (!email.ok) return email;
  const user = await findOrCreateUser(runtime, email.value);
  if (!user.ok) return user;
  const outcome = await execute(runtime, input.event, who, (state, ctx) =>
    setModerator(state, { team: input.team, userId: user.value.id, moderator: true }, ctx),
  );
  if (!outcome.ok) return outcome;
  const { state } = outcome;
  const team = findTeam(state, input.team);
  if (!team) return failed('unknown_team');
  const manage = manageUrl(links, state, team);
  const signIn = await invitationLink(runtime, links.baseUrl, user.value.email, new URL(manage).pathname);
  await queueMail(runtime, [
    {
      ...messages.moderatorInvited(user.value.email, team.name, state.event.title, signIn, manage),
      key: `moderator-invited:${randomUUID()}`,
    },
  ]);
  return passed({ reply: `${user.value.email} moderates ${team.slug} and was e-mailed a sign-in link.` });
}

/**
 * Organisers, and a team's lead, take moderation away from the person with that address, who is
 * told by e-mail. Refuses like `addModerator`, and with `unknown_user` for an address that is not
 * one of the team's moderators.
 */
export async function removeModerator(
  runtime: Runtime,
  who: Who,
  input: { readonly event: string; readonly team: string; readonly email: string },
): Promise<Checked<{ reply: string }>> {
  const allowed = await permitted(runtime, who, input);
  if (!allowed.ok) return allowed;
  const user = await runtime.store.findUserByEmail(input.email.slice(0, 254));
  if (!user || !allowed.value.moderators.includes(user.id))
    return failed('unknown_user', `${input.email.slice(0, 80)} does not moderate this team.`);
  const outcome = await execute(runtime, input.event, who, (state, ctx) =>
    setModerator(state, { team: input.team, userId: user.id, moderator: false }, ctx),
  );
  if (!outcome.ok) return outcome;
  const team = allowed.value;
  await queueMail(runtime, [
    {
      ...messages.moderatorRemoved(user.email, team.name, outcome.state.event.title),
      key: `moderator-removed:${randomUUID()}`,
    },
  ]);
  return passed({ reply: `${user.email} no longer moderates ${team.slug}.` });
}

/** The team, once the actor may change its moderators (`checkModeratorsManager`). */
async function permitted(
  runtime: Runtime,
  who: Who,
  input: { event: string; team: string },
): Promise<Checked<Team>> {
  const state = await runtime.models.get(input.event);
  if (!state) return failedWith(unknownEvent(input.event));
  const team = findTeam(state, input.team);
  if (!team) return failed('unknown_team', `There is no team "${input.team.slice(0, 60)}" in this event.`);
  const denied = checkModeratorsManager(who.actor, team, state.signups[team.id]?.leadId ?? null);
  return denied ? failedWith(denied) : passed(team);
}
