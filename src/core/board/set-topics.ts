import { accept, type Decision, refuse, refused } from '../decision.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { teamToManage } from '../teams/team-to-manage.ts';
import { checkLine } from '../text/plain-text.ts';

/** Longest topic accepted: one IRC line's worth of text. */
export const maxTopicLength = 400;
/** A team's "next" list stops growing here; `clean` starts it over. */
export const maxNextItems = 20;

/**
 * Sets what a team is discussing now; clears its "next" list (ptgbot's behaviour).
 * Refuses with `event_archived`, `unauthenticated`, `unknown_team`, `forbidden`, `team_not_approved` or
 * `invalid_input`.
 */
export function setNow(state: EventState, input: { team: string; text: string }, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'topics');
  if (archived) return refused(archived);
  const found = teamToManage(state, input.team, ctx);
  if (!found.ok) return refused(found.refusal);
  const team = found.value;
  const text = checkLine(input.text, 'topic', maxTopicLength);
  if (!text.ok) return refused(text.refusal);
  return accept(
    [{ type: 'board.now-set', teamId: team.id, topic: { text: text.value, at: ctx.now } }],
    `${team.slug} now: ${text.value}`,
  );
}

/**
 * Adds a topic to the end of a team's "next" list.
 * Refuses like `setNow`, and with `invalid_input` when the list is full.
 */
export function addNext(state: EventState, input: { team: string; text: string }, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'topics');
  if (archived) return refused(archived);
  const found = teamToManage(state, input.team, ctx);
  if (!found.ok) return refused(found.refusal);
  const team = found.value;
  const text = checkLine(input.text, 'topic', maxTopicLength);
  if (!text.ok) return refused(text.refusal);
  if ((state.board[team.id]?.next.length ?? 0) >= maxNextItems) {
    return refuse(
      'invalid_input',
      `${team.slug} already has ${maxNextItems} topics coming up; clean the list first.`,
    );
  }
  return accept(
    [{ type: 'board.next-added', teamId: team.id, topic: { text: text.value, at: ctx.now } }],
    `${team.slug} next: ${text.value}`,
  );
}

/** Clears a team's "now" and "next". Refuses like `setNow`. */
export function cleanBoard(state: EventState, input: { team: string }, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'topics');
  if (archived) return refused(archived);
  const found = teamToManage(state, input.team, ctx);
  if (!found.ok) return refused(found.refusal);
  const team = found.value;
  return accept([{ type: 'board.cleaned', teamId: team.id }], `Cleared the topics of ${team.slug}.`);
}
