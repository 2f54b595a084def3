import { findChange } from '../changes.ts';
import { accept, type Decision, refuse, refused } from '../decision.ts';
import { type Refusal, refusal } from '../errors.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Actor, Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { SignupAnswers, TeamSignup } from '../model/signup.ts';
import type { Team } from '../model/team.ts';
import { isOrganizer } from '../permissions.ts';
import { checkTeamSlug, newTeam } from '../teams/team-admin.ts';
import { describeUtcDay, describeUtcTime } from '../text/describe-time.ts';
import { isValidSlug, slugify } from '../text/slugify.ts';
import type { SignupForm } from './signup-form.ts';

export interface SignupInput {
  readonly form: SignupForm;
  /** the form's moderators as user ids, found (or invited) by the caller; the lead need not be among them */
  readonly moderatorIds: readonly string[];
}

/**
 * A team lead signs a team up: the team joins the event as `requested` and the answers are kept for
 * the organisers' review. A name another team already uses gets a numbered short name, so the
 * request still reaches the review queue, where it shows as a likely duplicate.
 * Refuses with `unauthenticated`, `signups_closed` (outside the sign-up dates, organisers excepted)
 * or `invalid_input`.
 */
export function submitSignup(state: EventState, input: SignupInput, ctx: Ctx): Decision {
  const leadId = ctx.actor?.userId;
  if (!leadId) return refuse('unauthenticated', 'Sign in to sign a team up.');
  const closed = checkSignupOpen(state, ctx);
  if (closed) return refused(closed);
  const { form } = input;
  const slug = freeSlug(state, form.name, null);
  if (!slug)
    return refuse('invalid_input', 'The team name needs letters or digits that can make its short name.');
  const created = newTeam(
    state,
    { name: form.name, slug, kind: form.kind, crossProject: form.crossProject, status: 'requested' },
    ctx,
  );
  if (!created.ok) return created;
  const team = findChange(created.changes, 'team.saved')?.team;
  if (!team) return refuse('invalid_input');
  const signup: TeamSignup = {
    ...answers(input, leadId),
    teamId: team.id,
    leadId,
    submittedAt: ctx.now,
    updatedAt: ctx.now,
    outcome: null,
  };
  return accept(
    [...created.changes, { type: 'signup.saved', signup }],
    `${team.name} is signed up as ${team.slug}; the organisers will review it.`,
  );
}

/**
 * The lead (or an organiser) changes a sign-up's answers until the organisers decide on it. A new
 * name gives the team a new short name when the old one no longer fits.
 * Refuses with `unauthenticated`, `unknown_team`, `forbidden`, `signup_decided` or `invalid_input`.
 */
export function editSignup(state: EventState, input: SignupInput & { team: string }, ctx: Ctx): Decision {
  const found = signupToChange(state, input.team, ctx);
  if ('code' in found) return refused(found);
  const { team, signup } = found;
  const { form } = input;
  const slug = slugify(form.name) === team.slug ? team.slug : freeSlug(state, form.name, team.id);
  if (!slug)
    return refuse('invalid_input', 'The team name needs letters or digits that can make its short name.');
  const badSlug = checkTeamSlug(state, slug, team.id);
  if (badSlug) return refused(badSlug);
  const updated: Team = { ...team, name: form.name, slug, kind: form.kind, crossProject: form.crossProject };
  const saved: TeamSignup = { ...signup, ...answers(input, signup.leadId), updatedAt: ctx.now };
  return accept(
    [
      { type: 'team.saved', team: updated },
      { type: 'signup.saved', signup: saved },
    ],
    `Saved the sign-up of ${updated.name}${slug === team.slug ? '' : ` (now ${slug})`}.`,
  );
}

/**
 * A sign-up and its team, for its lead or an organiser.
 * Refuses with `unauthenticated`, `unknown_team` or `forbidden`.
 */
export function signupOf(
  state: EventState,
  ref: string,
  actor: Actor | null,
): { team: Team; signup: TeamSignup } | Refusal {
  if (!actor) return refusal('unauthenticated');
  const team = findTeam(state, ref);
  const signup = team ? state.signups[team.id] : undefined;
  if (!team || !signup) return refusal('unknown_team', `There is no sign-up for "${ref.slice(0, 60)}".`);
  if (!isOrganizer(actor) && (!actor.userId || actor.userId !== signup.leadId))
    return refusal(
      'forbidden',
      `Only the person who signed ${team.name} up, or an organiser, can see or change it.`,
    );
  return { team, signup };
}

/** A sign-up still waiting for the organisers' decision, so its answers may change. */
export function isUndecided(team: Team, signup: TeamSignup): boolean {
  return team.status === 'requested' && !signup.outcome;
}

/**
 * A sign-up its lead or an organiser may still change: `signupOf`, while it is undecided and the
 * event is not archived. Refuses with `event_archived`, `unauthenticated`, `unknown_team`,
 * `forbidden` or `signup_decided`.
 */
export function signupToChange(
  state: EventState,
  ref: string,
  ctx: Ctx,
): { team: Team; signup: TeamSignup } | Refusal {
  const archived = checkNotArchived(state.event, 'signup');
  if (archived) return archived;
  const found = signupOf(state, ref, ctx.actor);
  if ('code' in found || isUndecided(found.team, found.signup)) return found;
  return refusal(
    'signup_decided',
    `The organisers have already decided on ${found.team.name}; write to them to change it.`,
  );
}

/**
 * Sign-up is open between the event's sign-up dates; organisers may sign a team up at any time
 * until the event is archived (`event_archived`).
 */
export function checkSignupOpen(state: EventState, ctx: Pick<Ctx, 'actor' | 'now'>): Refusal | null {
  const archived = checkNotArchived(state.event, 'signup');
  if (archived) return archived;
  if (isOrganizer(ctx.actor)) return null;
  const { signupOpensAt, signupClosesAt, contact } = state.event;
  if (signupOpensAt !== null && ctx.now < signupOpensAt)
    return refusal(
      'signups_closed',
      `Team sign-up opens on ${describeUtcDay(signupOpensAt)} at ${describeUtcTime(signupOpensAt)} UTC.`,
    );
  if (signupClosesAt !== null && ctx.now >= signupClosesAt) {
    const ask = contact ? ` Write to ${contact} to add a team late.` : '';
    return refusal('signups_closed', `Team sign-up closed on ${describeUtcDay(signupClosesAt)}.${ask}`);
  }
  return null;
}

/**
 * The short name a team called `name` can take: its slug, or the slug numbered (`-2`, `-3`, …) when
 * another team has it. Null when the name has nothing to make a slug of.
 */
function freeSlug(state: EventState, name: string, selfId: string | null): string | null {
  const base = slugify(name).slice(0, 55).replace(/-+$/, '');
  if (!isValidSlug(base)) return null;
  const taken = new Set(state.teams.filter((team) => team.id !== selfId).map((team) => team.slug));
  if (!taken.has(base)) return base;
  for (let number = 2; ; number++) if (!taken.has(`${base}-${number}`)) return `${base}-${number}`;
}

function answers(input: SignupInput, leadId: string | null): SignupAnswers & { moderatorIds: string[] } {
  const {
    name: _name,
    kind: _kind,
    crossProject: _crossProject,
    moderators: _moderators,
    ...kept
  } = input.form;
  return { ...kept, moderatorIds: [...new Set(input.moderatorIds)].filter((id) => id !== leadId) };
}
