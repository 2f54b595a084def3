import { findChange } from '../core/changes.ts';
import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import type { Decision } from '../core/decision.ts';
import { unknownEvent } from '../core/errors.ts';
import type { Ctx } from '../core/model/actor.ts';
import type { EventState } from '../core/model/event-state.ts';
import { findTeam } from '../core/model/lookup.ts';
import type { Team, TeamKind } from '../core/model/team.ts';
import { checkOrganizer } from '../core/permissions.ts';
import { approveTeam, declineTeam, mergeTeam } from '../core/signups/review-signup.ts';
import {
  checkModerators,
  checkSignupForm,
  type ModeratorSpec,
  type SignupFormInput,
} from '../core/signups/signup-form.ts';
import { checkSignupOpen, editSignup, signupToChange, submitSignup } from '../core/signups/submit-signup.ts';
import { withdrawTeam } from '../core/signups/withdraw-team.ts';
import { createTeam } from '../core/teams/team-admin.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { messages } from '../mail/messages.ts';
import { contextOf } from './context-of.ts';
import { bookingOpensSentence, remindWhenBookingOpens, tellOfNewSignup } from './event-notices.ts';
import { execute } from './execute.ts';
import { type Mailing, sendAll } from './mailing.ts';
import { proposeNicks } from './nick-claims.ts';
import type { Runtime, Who } from './runtime.ts';
import { findOrCreateUser } from './sign-in.ts';
import { invitationToAnswer } from './team-invitations.ts';

/** A write about one team: the team as it is now, the reply, and whether every e-mail went out. */
export type TeamOutcome = Checked<{ team: Team; reply: string; mailed: boolean }>;

/** What organisers decide about a team in the review queue (or later, withdrawing it). */
export type Review =
  | { readonly action: 'approve'; readonly team: string }
  | { readonly action: 'decline'; readonly team: string; readonly reason: string }
  | { readonly action: 'merge'; readonly team: string; readonly into: string }
  | { readonly action: 'withdraw'; readonly team: string; readonly reason?: string };

/**
 * A lead signs a team up (`submitSignup`): the moderators named by e-mail are invited (their
 * accounts made if new), and the lead gets an e-mail with the link to change the request. Signing up
 * with an `invitation` to sign up again answers it, once the sign-up is made; it goes to the
 * organisers' review like any other. Refuses like `submitSignup`, and as `invitationToAnswer` does.
 */
export async function signUpTeam(
  runtime: Runtime,
  mailing: Mailing,
  who: Who,
  eventRef: string,
  input: SignupFormInput,
  invitation: string | null = null,
): Promise<TeamOutcome> {
  if (invitation === null) return writeSignup(runtime, mailing, who, eventRef, input, null);
  const state = await runtime.models.getFor(eventRef, who.actor);
  if (!state) return failedWith(unknownEvent(eventRef));
  const open = await invitationToAnswer(runtime, who, state, invitation);
  if (!open.ok) return open;
  const outcome = await writeSignup(runtime, mailing, who, eventRef, input, null);
  if (outcome.ok)
    await runtime.store.invitations.answer(
      open.value.id,
      { status: 'signed-up', teamId: outcome.value.team.id },
      runtime.clock.now(),
    );
  return outcome;
}

/** The lead (or an organiser) changes a request before the review (`editSignup`). */
export async function changeSignup(
  runtime: Runtime,
  mailing: Mailing,
  who: Who,
  eventRef: string,
  team: string,
  input: SignupFormInput,
): Promise<TeamOutcome> {
  return writeSignup(runtime, mailing, who, eventRef, input, team);
}

/**
 * Organisers approve, decline or merge a request, or withdraw a team; the lead hears about each
 * step by e-mail, and on approval each moderator learns they can manage the team.
 */
export async function reviewSignup(
  runtime: Runtime,
  mailing: Mailing,
  who: Who,
  eventRef: string,
  review: Review,
): Promise<TeamOutcome> {
  const decide = (state: EventState, ctx: Ctx): Decision => {
    switch (review.action) {
      case 'approve':
        return approveTeam(state, review, ctx);
      case 'decline':
        return declineTeam(state, review, ctx);
      case 'merge':
        return mergeTeam(state, review, ctx);
      case 'withdraw':
        return withdrawTeam(state, review, ctx);
    }
  };
  const outcome = await execute(runtime, eventRef, who, decide);
  if (!outcome.ok) return outcome;
  const state = outcome.state;
  const team = findTeam(state, review.team);
  if (!team) return failed('unknown_team');
  const signup = state.signups[team.id];
  const lead = signup?.leadId ? await runtime.store.findUser(signup.leadId) : null;
  const { title, contact } = state.event;
  const mails: MailMessage[] = [];
  if (review.action === 'approve') {
    const manage = manageUrl(mailing, state, team);
    const opens = bookingOpensSentence(state, team, runtime.clock.now());
    if (lead) mails.push(messages.signupApproved(lead.email, team.name, title, manage, opens));
    await remindWhenBookingOpens(runtime, mailing, state, team);
    for (const moderator of await runtime.store.listUsers(team.moderators.filter((id) => id !== lead?.id)))
      mails.push(messages.moderatorGranted(moderator.email, team.name, title, manage));
  } else if (lead && review.action === 'decline') {
    mails.push(messages.signupDeclined(lead.email, team.name, title, signup?.outcome?.reason ?? '', contact));
  } else if (lead && review.action === 'merge') {
    const into = findTeam(state, review.into);
    if (into)
      mails.push(
        messages.signupMerged(lead.email, team.name, into.name, title, teamUrl(mailing, state, into)),
      );
  } else if (lead && review.action === 'withdraw') {
    mails.push(messages.teamWithdrawn(lead.email, team.name, title, signup?.outcome?.reason ?? null));
  }
  return passed({ team, reply: outcome.reply, mailed: await sendAll(mailing, mails) });
}

/**
 * Organisers add a team straight to the official list, before or during the event, with its
 * moderators named like on the sign-up form; each moderator is told by e-mail.
 * Refuses like `createTeam`, and with `unknown_user` for a nick nobody has.
 */
export async function addTeamLate(
  runtime: Runtime,
  mailing: Mailing,
  who: Who,
  eventRef: string,
  input: { name: string; kind: TeamKind; crossProject: boolean; moderators: string },
): Promise<TeamOutcome> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failed(denied.code, denied.message);
  const specs = checkModerators(input.moderators);
  if (!specs.ok) return specs;
  const ids = await resolveModerators(runtime, specs.value);
  if (!ids.ok) return ids;
  const { name, kind, crossProject } = input;
  const outcome = await execute(runtime, eventRef, who, (state, ctx) =>
    createTeam(state, { name, kind, crossProject, moderators: ids.value }, ctx),
  );
  if (!outcome.ok) return outcome;
  const team = findChange(outcome.revision?.changes, 'team.saved')?.team;
  if (!team) return failed('unknown_team');
  const state = outcome.state;
  await proposeNicks(runtime, who, state, team, specs.value);
  const manage = manageUrl(mailing, state, team);
  const mails = (await runtime.store.listUsers(team.moderators)).map((user) =>
    messages.moderatorGranted(user.email, team.name, state.event.title, manage),
  );
  return passed({ team, reply: outcome.reply, mailed: await sendAll(mailing, mails) });
}

/**
 * The moderators named on a form as user ids: an e-mail address finds its account or invites the
 * person (making the account); a nick alone must be someone's. A nick written beside an address
 * is never attached to that account: the bot trusts nicks, so it waits as a claim its owner
 * accepts or declines on `/me` (`proposeNicks`); an organiser attaches one with
 * `convene user add --irc`. Refuses with `unknown_user` or `invalid_input`.
 */
export async function resolveModerators(
  runtime: Runtime,
  specs: readonly ModeratorSpec[],
): Promise<Checked<string[]>> {
  const ids: string[] = [];
  for (const spec of specs) {
    if (spec.email) {
      const user = await findOrCreateUser(runtime, spec.email);
      if (!user.ok) return user;
      ids.push(user.value.id);
      continue;
    }
    const user = spec.ircNick ? await runtime.store.findUserByIrcNick(spec.ircNick) : null;
    if (!user)
      return failed(
        'unknown_user',
        `Nobody on Convene has the IRC nick ${spec.ircNick ?? ''} yet; give their e-mail address instead.`,
      );
    ids.push(user.id);
  }
  return passed([...new Set(ids)]);
}

/** The page where a team's moderators book its time. */
export function manageUrl(mailing: Pick<Mailing, 'baseUrl'>, state: EventState, team: Team): string {
  return `${teamUrl(mailing, state, team)}/manage`;
}

/** The page where a lead changes their sign-up. */
export function signupUrl(mailing: Pick<Mailing, 'baseUrl'>, state: EventState, team: Team): string {
  return `${mailing.baseUrl}/events/${encodeURIComponent(state.event.slug)}/signup/${encodeURIComponent(team.slug)}`;
}

function teamUrl(mailing: Pick<Mailing, 'baseUrl'>, state: EventState, team: Team): string {
  return `${mailing.baseUrl}/events/${encodeURIComponent(state.event.slug)}/teams/${encodeURIComponent(team.slug)}`;
}

async function writeSignup(
  runtime: Runtime,
  mailing: Mailing,
  who: Who,
  eventRef: string,
  input: SignupFormInput,
  editing: string | null,
): Promise<TeamOutcome> {
  if (!who.actor?.userId) return failed('unauthenticated', 'Sign in to sign a team up.');
  const state = await runtime.models.getFor(eventRef, who.actor);
  if (!state) return failedWith(unknownEvent(eventRef));
  // The core's gates first: a sign-up that will be refused must not create moderators' accounts,
  // and answers to a closed form need no correcting.
  const ctx = contextOf(runtime, who);
  const gate = editing === null ? checkSignupOpen(state, ctx) : signupToChange(state, editing, ctx);
  if (gate && 'code' in gate) return failedWith(gate);
  const self = editing === null ? null : (findTeam(state, editing)?.id ?? null);
  const form = checkSignupForm(state, input, self);
  if (!form.ok) return form;
  const ids = await resolveModerators(runtime, form.value.moderators);
  if (!ids.ok) return ids;
  const outcome = await execute(runtime, eventRef, who, (current, ctx) => {
    // The answers are checked again on the state the write is decided on.
    const again = checkSignupForm(current, input, self);
    if (!again.ok) return again;
    const signup = { form: again.value, moderatorIds: ids.value };
    return editing === null
      ? submitSignup(current, signup, ctx)
      : editSignup(current, { ...signup, team: editing }, ctx);
  });
  if (!outcome.ok) return outcome;
  const team = findChange(outcome.revision?.changes, 'team.saved')?.team;
  if (!team) return failed('unknown_team');
  await proposeNicks(runtime, who, outcome.state, team, form.value.moderators);
  if (editing !== null) return passed({ team, reply: outcome.reply, mailed: true });
  const lead = await runtime.store.findUser(who.actor.userId);
  if (lead) await tellOfNewSignup(runtime, mailing, outcome.state, team, lead, ids.value);
  const mails = lead
    ? [
        messages.signupReceived(
          lead.email,
          team.name,
          outcome.state.event.title,
          signupUrl(mailing, outcome.state, team),
        ),
      ]
    : [];
  return passed({ team, reply: outcome.reply, mailed: await sendAll(mailing, mails) });
}
