import { addMotd, cleanMotd, removeMotd, reorderMotd } from '../core/board/motd.ts';
import { addNext, cleanBoard, setNow } from '../core/board/set-topics.ts';
import { type BookRangeInput, bookRange } from '../core/booking/book-range.ts';
import { type BookSlotInput, bookSlot } from '../core/booking/book-slot.ts';
import { type UnbookSlotInput, unbookSlot } from '../core/booking/unbook-slot.ts';
import { setEventStatus } from '../core/event/event-status.ts';
import { type RoomInput, removeRoom, saveRoom, setAvailability } from '../core/event/rooms.ts';
import { type EventPatch, updateEvent } from '../core/event/update-event.ts';
import { type AnswerInvitationInput, answerInvitation } from '../core/sessions/answer-invitation.ts';
import { type EditSessionInput, editSession } from '../core/sessions/edit-session.ts';
import { type InviteTeamInput, inviteTeam } from '../core/sessions/invite-team.ts';
import { type RecordHeadcountInput, recordHeadcount } from '../core/sessions/record-headcount.ts';
import { type SetSummaryInput, setSummary } from '../core/sessions/set-summary.ts';
import { type ScheduleWishesInput, setScheduleWishes } from '../core/signups/set-schedule-wishes.ts';
import { changeTeam, type TeamChange } from '../core/teams/change-team.ts';
import {
  type CreateTeamInput,
  createTeam,
  type UpdateTeamInput,
  updateTeam,
} from '../core/teams/team-admin.ts';
import { type TeamLinksInput, updateTeamLinks } from '../core/teams/team-links.ts';
import { type Decide, execute, type Outcome } from './execute.ts';
import type { Runtime, Who } from './runtime.ts';

/**
 * Every write an adapter can ask for, by name: each is the core rule of the same name run through
 * `execute`. The web, the API, the chat bot and the CLI all call these and nothing else.
 */
export function operations(runtime: Runtime) {
  const run =
    <I>(rule: (state: Parameters<Decide>[0], input: I, ctx: Parameters<Decide>[1]) => ReturnType<Decide>) =>
    (eventRef: string, who: Who, input: I): Promise<Outcome> =>
      execute(runtime, eventRef, who, (state, ctx) => rule(state, input, ctx));
  return {
    run: (eventRef: string, who: Who, decide: Decide) => execute(runtime, eventRef, who, decide),
    bookSlot: run<BookSlotInput>(bookSlot),
    bookRange: run<BookRangeInput>(bookRange),
    unbookSlot: run<UnbookSlotInput>(unbookSlot),
    setNow: run<{ team: string; text: string }>(setNow),
    addNext: run<{ team: string; text: string }>(addNext),
    cleanBoard: run<{ team: string }>(cleanBoard),
    updateTeamLinks: run<TeamLinksInput>(updateTeamLinks),
    createTeam: run<CreateTeamInput>(createTeam),
    updateTeam: run<UpdateTeamInput>(updateTeam),
    changeTeam: run<TeamChange>(changeTeam),
    addMotd: run<Parameters<typeof addMotd>[1]>(addMotd),
    removeMotd: run<{ position: number }>(removeMotd),
    reorderMotd: run<{ positions: readonly number[] }>(reorderMotd),
    cleanMotd: run<Record<string, never>>((state, _input, ctx) => cleanMotd(state, ctx)),
    updateEvent: run<EventPatch>(updateEvent),
    setEventStatus: run<{ status: string }>(setEventStatus),
    saveRoom: run<RoomInput>(saveRoom),
    removeRoom: run<{ room: string }>(removeRoom),
    setAvailability: run<{ room: string; slot: string; available: boolean }>(setAvailability),
    setScheduleWishes: run<ScheduleWishesInput>(setScheduleWishes),
    editSession: run<EditSessionInput>(editSession),
    inviteTeam: run<InviteTeamInput>(inviteTeam),
    answerInvitation: run<AnswerInvitationInput>(answerInvitation),
    recordHeadcount: run<RecordHeadcountInput>(recordHeadcount),
    setSummary: run<SetSummaryInput>(setSummary),
  };
}

export type Operations = ReturnType<typeof operations>;
