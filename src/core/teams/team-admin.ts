import { isCommandWord } from '../chat-language/grammar.ts';
import { accept, type Decision, refused } from '../decision.ts';
import { type Refusal, refusal } from '../errors.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import { type Team, type TeamKind, type TeamStatus, teamKinds } from '../model/team.ts';
import { checkModeratorsManager, checkOrganizer } from '../permissions.ts';
import { checkName } from '../text/check-name.ts';
import { isValidSlug, slugify } from '../text/slugify.ts';
import { paletteColour } from './colour.ts';
import { teamForOrganiser } from './teams-for-organiser.ts';

export interface CreateTeamInput {
  readonly name: string;
  /** defaults to the name made into a slug */
  readonly slug?: string;
  readonly kind: TeamKind;
  readonly crossProject: boolean;
  /** organisers add approved teams; the sign-up flow adds requested ones */
  readonly status?: TeamStatus;
  readonly moderators?: readonly string[];
}

/**
 * Checks a new team against the event without deciding who may add it: a name, a typeable slug
 * that no other team uses, and the next palette colour. Refuses with `invalid_input` or `team_exists`.
 */
export function newTeam(state: EventState, input: CreateTeamInput, ctx: Ctx): Decision {
  const name = checkName(input.name, 'team name', 120);
  if (!name.ok) return refused(name.refusal);
  const slug = (input.slug ?? slugify(name.value)).toLowerCase();
  const badSlug = checkTeamSlug(state, slug, null);
  if (badSlug) return refused(badSlug);
  const team: Team = {
    id: ctx.newId(),
    slug,
    name: name.value,
    kind: input.kind,
    crossProject: input.crossProject,
    colour: paletteColour(state.teams.length),
    etherpadUrl: null,
    videoUrl: null,
    location: null,
    status: input.status ?? 'approved',
    moderators: [...new Set(input.moderators ?? [])],
    createdAt: ctx.now,
  };
  return accept([{ type: 'team.saved', team }], `Added ${team.slug} (${team.name}) as ${team.status}.`);
}

/**
 * Whether a team (`selfId`, or a new one when null) may take `slug` as its short name: up to 60
 * lower-case letters, digits and hyphens, no other team's, and no personal chat command word
 * (`#in`, `#seen`…). Refuses with `invalid_input` or `team_exists`.
 */
export function checkTeamSlug(state: EventState, slug: string, selfId: string | null): Refusal | null {
  if (!isValidSlug(slug))
    return refusal(
      'invalid_input',
      `"${slug.slice(0, 50)}" cannot be a team's short name: use up to 60 lower-case letters, digits and hyphens.`,
    );
  const existing = findTeam(state, slug);
  if (existing && existing.id !== selfId)
    return refusal('team_exists', `There is already a team "${slug}" (${existing.name}).`);
  if (isCommandWord(slug))
    return refusal(
      'invalid_input',
      `"${slug}" is a chat command (#${slug}), so it cannot be a team's short name.`,
    );
  return null;
}

/** Organisers add a team to the event. Refuses with `unauthenticated`, `forbidden`, or like `newTeam`. */
export function createTeam(state: EventState, input: CreateTeamInput, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  return newTeam(state, input, ctx);
}

export interface UpdateTeamInput {
  readonly team: string;
  readonly name?: string;
  readonly kind?: TeamKind;
  readonly crossProject?: boolean;
}

/**
 * Organisers rename a team, or change its kind or cross-project flag (its status is `setTeamStatus`).
 * Refuses with `unauthenticated`, `forbidden`, `unknown_team` or `invalid_input`.
 */
export function updateTeam(state: EventState, input: UpdateTeamInput, ctx: Ctx): Decision {
  const found = teamForOrganiser(state, input.team, ctx);
  if (!found.ok) return refused(found.refusal);
  const team = found.value;
  const name = input.name === undefined ? null : checkName(input.name, 'team name', 120);
  if (name && !name.ok) return refused(name.refusal);
  if (input.kind !== undefined && !teamKinds.includes(input.kind))
    return refused(refusal('invalid_input', 'Choose the kind of team from the list.'));
  const updated: Team = {
    ...team,
    name: name?.value ?? team.name,
    kind: input.kind ?? team.kind,
    crossProject: input.crossProject ?? team.crossProject,
  };
  return accept([{ type: 'team.saved', team: updated }], `Updated ${team.slug}.`);
}

/**
 * Organisers, and the lead who signed the team up, grant or take away moderation of a team. The
 * user must exist (the caller resolves it). Refuses with `unauthenticated`, `forbidden` or
 * `unknown_team`.
 */
export function setModerator(
  state: EventState,
  input: { team: string; userId: string; moderator: boolean },
  ctx: Ctx,
): Decision {
  const team = findTeam(state, input.team);
  if (!team)
    return refused(refusal('unknown_team', `There is no team "${input.team.slice(0, 60)}" in this event.`));
  const denied = checkModeratorsManager(ctx.actor, team, state.signups[team.id]?.leadId ?? null);
  if (denied) return refused(denied);
  const others = team.moderators.filter((userId) => userId !== input.userId);
  const moderators = input.moderator ? [...others, input.userId] : others;
  return accept(
    [{ type: 'team.saved', team: { ...team, moderators } }],
    input.moderator ? `Granted moderation of ${team.slug}.` : `Took away moderation of ${team.slug}.`,
  );
}
