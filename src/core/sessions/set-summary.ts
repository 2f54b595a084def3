import { bookingTeam } from '../booking/booking-rules.ts';
import { accept, type Decision, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { TeamSummary } from '../model/session.ts';
import { checkHttpUrl } from '../text/http-url.ts';

export interface SetSummaryInput {
  readonly team: string;
  /** the team's write-up: a mailing-list post, a blog */
  readonly summaryUrl: string;
  readonly notesUrl?: string | null;
}

/**
 * A team's moderators (or an organiser) link the team's summary of the event and, if they like,
 * its notes; a new link replaces the old. Links must be http(s).
 * Refuses with `unauthenticated`, `unknown_team`, `forbidden` or `invalid_url`.
 */
export function setSummary(state: EventState, input: SetSummaryInput, ctx: Ctx): Decision {
  const managed = bookingTeam(state, input.team, ctx);
  if (!managed.ok) return refused(managed.refusal);
  const { team } = managed.value;
  const summaryUrl = checkHttpUrl(input.summaryUrl);
  if (!summaryUrl.ok) return refused(summaryUrl.refusal);
  const notes = input.notesUrl ? checkHttpUrl(input.notesUrl) : null;
  if (notes && !notes.ok) return refused(notes.refusal);
  const summary: TeamSummary = {
    teamId: team.id,
    summaryUrl: summaryUrl.value,
    notesUrl: notes?.value ?? null,
    at: ctx.now,
  };
  return accept(
    [{ type: 'summary.saved', summary }],
    `Linked ${team.slug}'s summary: ${summary.summaryUrl}.`,
  );
}
