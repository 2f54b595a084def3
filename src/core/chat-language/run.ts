import { addMotd, cleanMotd, removeMotd, reorderMotd } from '../board/motd.ts';
import { cleanBoards, startNewDay } from '../board/new-day.ts';
import { addNext, cleanBoard, setNow } from '../board/set-topics.ts';
import { bookRange } from '../booking/book-range.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { bookingTeam } from '../booking/booking-rules.ts';
import { unbookSlot } from '../booking/unbook-slot.ts';
import { type Decision, refuse, refused } from '../decision.ts';
import { checkNotArchived } from '../event/archive.ts';
import { setOpenTeamUpdates } from '../event/open-team-updates.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { mapEffect, type PersonalDecision, personal } from '../people/personal-decision.ts';
import { type CheckIn, checkIn, checkOut, describeSeen, type SeenPerson } from '../people/presence.ts';
import { type AlertChannel, subscribe, unsubscribe } from '../people/topic-subscription.ts';
import { checkOrganizer } from '../permissions.ts';
import { parseCellReference } from '../schedule/cell-reference.ts';
import { answerInvitation } from '../sessions/answer-invitation.ts';
import { type EditSessionInput, editSession } from '../sessions/edit-session.ts';
import { inviteTeam } from '../sessions/invite-team.ts';
import { recordHeadcount } from '../sessions/record-headcount.ts';
import { setSummary } from '../sessions/set-summary.ts';
import { addTeams } from '../teams/add-teams.ts';
import { updateTeamLinks } from '../teams/team-links.ts';
import { withdrawTeams } from '../teams/withdraw-teams.ts';
import { withConfirmation } from './confirmation.ts';
import type { Verb } from './grammar.ts';
import { helpReply } from './help-reply.ts';
import type { Command } from './parse.ts';

/** What a command knows beyond the event: the sender's own data and, for `seen`, the person asked about. */
export interface CommandView {
  readonly state: EventState;
  readonly mine: {
    readonly checkIn: CheckIn | null;
    readonly subscription: string | null;
    /** the sender agreed to be listed in "find people" */
    readonly listed: boolean;
    /** where the sender's topic alerts can reach them (none: no account and no nick to reach) */
    readonly channels: readonly AlertChannel[];
  };
  readonly seen: SeenPerson | null;
}

/** A change to the sender's own data, stored outside the event's public history. */
export type PersonalEffect =
  | { readonly type: 'check-in'; readonly checkIn: CheckIn }
  | { readonly type: 'subscribe'; readonly pattern: string }
  | { readonly type: 'unsubscribe' };

/**
 * How a command is carried out: `event` is a rule to run through `execute()` on the event (under its
 * lock, on the latest state); `personal` is already decided and says what to store about the sender.
 */
export type Step =
  | { readonly kind: 'event'; readonly decide: (state: EventState, ctx: Ctx) => Decision }
  | { readonly kind: 'personal'; readonly decision: PersonalDecision<PersonalEffect> };

/** What the adapter must load for `runCommand`: the sender's own data, and whom `seen` asks about. */
export function commandNeeds(command: Command): { mine: boolean; seenNick: string | null } {
  if (command.spec.scope !== 'personal') return { mine: false, seenNick: null };
  if (command.verb === 'seen') return { mine: false, seenNick: command.args[0] ?? null };
  return { mine: command.verb !== 'help', seenNick: null };
}

/**
 * Turns a parsed command into the core rule that decides it. Every permission and every check is
 * the rule's own: the same one the web pages and the JSON API call.
 */
export function runCommand(command: Command, view: CommandView, ctx: Ctx): Step {
  switch (command.spec.scope) {
    case 'team':
      return { kind: 'event', decide: teamRule(command) };
    case 'organiser':
      return organiserStep(command, view, ctx);
    case 'personal':
      return { kind: 'personal', decision: personalDecision(command, view, ctx) };
  }
}

type VerbOf<S extends Verb['scope']> = Extract<Verb, { scope: S }>['name'];
type Decide = (state: EventState, ctx: Ctx) => Decision;

function teamRule(command: Command): Decide {
  const team = command.team ?? '';
  const [text = ''] = command.args;
  const verb = command.verb as VerbOf<'team'>;
  switch (verb) {
    case 'now':
      return (state, ctx) => setNow(state, { team, text }, ctx);
    case 'next':
      return (state, ctx) => addNext(state, { team, text }, ctx);
    case 'clean':
      return (state, ctx) => cleanBoard(state, { team }, ctx);
    case 'etherpad':
      return (state, ctx) => updateTeamLinks(state, { team, etherpadUrl: unlessWord(text, 'auto') }, ctx);
    case 'url':
      return (state, ctx) => updateTeamLinks(state, { team, videoUrl: unlessWord(text, 'none') }, ctx);
    case 'color':
      return (state, ctx) => updateTeamLinks(state, { team, colour: text }, ctx);
    case 'location':
      return (state, ctx) => updateTeamLinks(state, { team, location: unlessWord(text, 'none') }, ctx);
    case 'book':
      return (state, ctx) => {
        // `kilo-wed13..wed16`: a range of hours, from the cell before `..` to the slot after it.
        const cut = text.indexOf('..');
        if (cut >= 0)
          return onCell(state, team, text.slice(0, cut), ctx, (cell) =>
            bookRange(
              state,
              { team, room: cell.room.id, from: cell.slot.id, to: text.slice(cut + 2).trim() },
              ctx,
            ),
          );
        return onCell(state, team, text, ctx, (cell) =>
          bookSlot(state, { team, room: cell.room.id, slot: cell.slot.id }, ctx),
        );
      };
    case 'unbook':
      return (state, ctx) =>
        onCell(state, team, text, ctx, (cell) =>
          unbookSlot(state, { team, room: cell.room.id, slot: cell.slot.id }, ctx),
        );
    case 'session':
      return (state, ctx) => {
        const edit = sessionEdit(team, command.args);
        return edit
          ? editSession(state, edit, ctx)
          : refuse(
              'invalid_input',
              'Say what to set: title, agenda, etherpad or recording, like #nova session kilo-wed14 title Live migration.',
            );
      };
    case 'invite':
      return (state, ctx) => inviteTeam(state, { team, session: text, guest: command.args[1] ?? '' }, ctx);
    case 'accept':
    case 'decline':
      return (state, ctx) => answerInvitation(state, { team, session: text, accept: verb === 'accept' }, ctx);
    case 'count':
      return (state, ctx) =>
        recordHeadcount(
          state,
          { team, count: /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN, session: command.args[1] },
          ctx,
        );
    case 'summary':
      return (state, ctx) => setSummary(state, { team, summaryUrl: text, notesUrl: command.args[1] }, ctx);
  }
}

/** `#nova session kilo-wed14 title Live migration`: which field, and its new value (`none` clears). */
function sessionEdit(team: string, args: readonly string[]): EditSessionInput | null {
  const [session = '', field = '', value = ''] = args;
  const cleared = value.toLowerCase() === 'none' ? '' : value;
  switch (field.toLowerCase()) {
    case 'title':
      return { team, session, title: cleared };
    case 'agenda':
      return { team, session, agenda: cleared };
    case 'etherpad':
      return { team, session, etherpadUrl: cleared || null };
    case 'recording':
      return { team, session, recordingUrl: cleared || null };
    default:
      return null;
  }
}

/** `null` for the word that means "back to the default" (`auto`, `none`), the text otherwise. */
function unlessWord(text: string, word: string): string | null {
  return text.toLowerCase() === word ? null : text;
}

/** A booking command: who may act for the team is answered before the cell is read. */
function onCell(
  state: EventState,
  team: string,
  reference: string,
  ctx: Ctx,
  decide: (cell: { room: { id: string }; slot: { id: string } }) => Decision,
): Decision {
  // The booking rules' own check (not the one for topics).
  const found = bookingTeam(state, team, ctx);
  if (!found.ok) return refused(found.refusal);
  const cell = parseCellReference(state, reference);
  return cell.ok ? decide(cell.value) : refused(cell.refusal);
}

function organiserStep(command: Command, view: CommandView, ctx: Ctx): Step {
  const args = command.args;
  const [first = '', second = ''] = args;
  const verb = command.verb as VerbOf<'organiser'>;
  const event = (decide: Decide): Step => ({ kind: 'event', decide });
  const confirmed = (decide: Decide): Step =>
    event((state, c) => withConfirmation(state, command, c, decide(state, c)));
  switch (verb) {
    case 'list':
      return { kind: 'personal', decision: listTeams(view.state, ctx) };
    case 'add':
      return event((state, c) => addTeams(state, { names: args }, c));
    case 'del':
      return confirmed((state, c) => withdrawTeams(state, { teams: args }, c));
    case 'clean':
      return event((state, c) => cleanBoards(state, { teams: args }, c));
    case 'newday':
      return confirmed((state, c) => startNewDay(state, c));
    case 'motd add':
      return event((state, c) => addMotd(state, { level: first, message: second }, c));
    case 'motd del':
      return event((state, c) => removeMotd(state, { position: Number(first) }, c));
    case 'motd reorder':
      return event((state, c) => reorderMotd(state, { positions: args.map(Number) }, c));
    case 'motd clean':
      return confirmed((state, c) => cleanMotd(state, c));
    case 'requirevoice':
      return event((state, c) => setOpenTeamUpdates(state, { open: false }, c));
    case 'alloweveryone':
      return event((state, c) => setOpenTeamUpdates(state, { open: true }, c));
  }
}

/** `~list`: the official list and the teams waiting, by short name. Organisers only. */
function listTeams(state: EventState, ctx: Ctx): PersonalDecision<PersonalEffect> {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const slugs = (status: string) =>
    state.teams
      .filter((team) => team.status === status)
      .map((team) => team.slug)
      .sort();
  const approved = slugs('approved');
  const waiting = slugs('requested');
  const listed =
    approved.length > 0
      ? `Official list (${approved.length}): ${approved.join(' ')}.`
      : 'No team is on the list yet.';
  return personal(
    null,
    waiting.length > 0 ? `${listed} Waiting for approval: ${waiting.join(' ')}.` : listed,
  );
}

function personalDecision(command: Command, view: CommandView, ctx: Ctx): PersonalDecision<PersonalEffect> {
  const [first = null] = command.args;
  const checkedIn = (checkIn: CheckIn): PersonalEffect => ({ type: 'check-in', checkIn });
  const verb = command.verb as VerbOf<'personal'>;
  switch (verb) {
    case 'in':
      return mapEffect(checkIn(view.state, { place: first ?? '', listed: view.mine.listed }, ctx), checkedIn);
    case 'out':
      return mapEffect(checkOut(view.state, view.mine.checkIn, ctx), checkedIn);
    case 'seen':
      return describeSeen(view.state, { nick: first ?? '', person: view.seen }, ctx);
    case 'subscribe': {
      const archived = first === null ? null : checkNotArchived(view.state.event, 'subscription');
      if (archived) return refused(archived);
      return mapEffect(
        subscribe(view.mine.subscription, { pattern: first, channels: view.mine.channels }),
        (pattern) => ({
          type: 'subscribe',
          pattern,
        }),
      );
    }
    case 'unsubscribe':
      return mapEffect(unsubscribe(view.mine.subscription, view.mine.channels), () => ({
        type: 'unsubscribe',
      }));
    case 'help':
      return personal(null, helpReply(first));
  }
}
