import type { Checked } from '../checked.ts';
import { passed } from '../checked.ts';
import { accept, type Decision, refuse, refused } from '../decision.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { SessionRecord } from '../model/session.ts';
import { checkName } from '../text/check-name.ts';
import { checkHttpUrl } from '../text/http-url.ts';
import { checkText } from '../text/plain-text.ts';
import { describeSession, recordOf, sessionToManage } from './session-to-manage.ts';

export const maxTitleLength = 200;
export const maxAgendaLength = 4000;

/** What a host's moderators may set on a session; `null` (or an empty title) clears a field. */
export interface EditSessionInput {
  /** the session's id or one of its cells (`kilo-wed14`) */
  readonly session: string;
  /** the team acting, when given (the chat names it); otherwise the host */
  readonly team?: string;
  readonly title?: string;
  /** short Markdown */
  readonly agenda?: string;
  readonly etherpadUrl?: string | null;
  readonly recordingUrl?: string | null;
}

/**
 * Sets a session's title, agenda, etherpad and recording links. Only the host's moderators and
 * organisers may; links must be http(s). Refuses with `event_archived`, `unauthenticated`, `unknown_session`,
 * `unknown_room`, `unknown_slot`, `unknown_team`, `forbidden`, `invalid_input` or `invalid_url`.
 */
export function editSession(state: EventState, input: EditSessionInput, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'sessions');
  if (archived) return refused(archived);
  const found = sessionToManage(state, input, ctx, 'host');
  if (!found.ok) return refused(found.refusal);
  const { session } = found.value;
  const before = recordOf(session, ctx.now);
  const title =
    input.title === undefined ? passed(before.title) : checkName(input.title, 'title', maxTitleLength, true);
  if (!title.ok) return refused(title.refusal);
  const agenda =
    input.agenda === undefined
      ? passed(before.agenda)
      : checkText(input.agenda.trim(), 'agenda', maxAgendaLength);
  if (!agenda.ok) return refused(agenda.refusal);
  const etherpadUrl = optionalUrl(input.etherpadUrl, before.etherpadUrl);
  if (!etherpadUrl.ok) return refused(etherpadUrl.refusal);
  const recordingUrl = optionalUrl(input.recordingUrl, before.recordingUrl);
  if (!recordingUrl.ok) return refused(recordingUrl.refusal);
  const after: SessionRecord = {
    ...before,
    title: title.value,
    agenda: agenda.value,
    etherpadUrl: etherpadUrl.value,
    recordingUrl: recordingUrl.value,
    updatedAt: ctx.now,
  };
  const said = describeEdits(before, after);
  if (!said) return refuse('invalid_input', `Nothing to change in ${describeSession(state, session)}.`);
  return accept([{ type: 'session.saved', session: after }], `${describeSession(state, session)}: ${said}.`);
}

function optionalUrl(given: string | null | undefined, current: string | null): Checked<string | null> {
  if (given === undefined) return passed(current);
  if (given === null || given.trim() === '') return passed(null);
  return checkHttpUrl(given);
}

function describeEdits(before: SessionRecord, after: SessionRecord): string {
  const parts: string[] = [];
  if (before.title !== after.title)
    parts.push(after.title ? `title set to "${after.title}"` : 'title cleared');
  if (before.agenda !== after.agenda) parts.push(after.agenda ? 'agenda saved' : 'agenda cleared');
  if (before.etherpadUrl !== after.etherpadUrl)
    parts.push(after.etherpadUrl ? `etherpad set to ${after.etherpadUrl}` : 'etherpad back to the team’s');
  if (before.recordingUrl !== after.recordingUrl)
    parts.push(after.recordingUrl ? `recording set to ${after.recordingUrl}` : 'recording cleared');
  return parts.join('; ');
}
