import type { EventDraft } from '../../core/draft-schedule/event-draft.ts';

/** A kept draft as the API shows it; keys follow DESIGN.md's draft where they overlap. */
export function presentScheduleDraft(draft: EventDraft) {
  return {
    id: draft.id,
    created_at: draft.createdAt,
    applied_at: draft.appliedAt,
    bookings: draft.draft.bookings.map((booking) => ({
      team: booking.team,
      room: booking.room,
      slot: booking.slot,
    })),
    cost: draft.draft.cost,
    bound: draft.draft.bound,
    seconds: draft.draft.seconds,
    words: { summary: draft.words.summary, unmet: [...draft.words.unmet], clashes: [...draft.words.clashes] },
    current: draft.current,
  };
}
