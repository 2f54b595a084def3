import { type Refusal, refusal } from '../errors.ts';
import type { EventInfo } from '../model/event.ts';

/** What archiving an event closes, with the words a refusal uses for each. */
const liveWrites = {
  booking: 'booking',
  topics: 'setting topics',
  registration: 'registration',
  signup: 'team sign-up',
  checkin: 'checking in',
  subscription: 'subscribing',
  sessions: 'changing sessions and their guests',
  headcount: 'recording head-counts',
  feedback: 'answering the feedback form',
} as const;

export type LiveWrite = keyof typeof liveWrites;

/**
 * An archived event keeps its pages and feeds as a record and takes no more live writes: sign-up,
 * registration, booking, topics, check-ins, subscriptions, sessions, head-counts and feedback answers (teams' summaries
 * stay open: they are written after the event, and complete the record). Returns `event_archived`, or null
 * while the event is a draft or published.
 */
export function checkNotArchived(
  event: Pick<EventInfo, 'status' | 'title'>,
  write: LiveWrite,
): Refusal | null {
  if (event.status !== 'archived') return null;
  return refusal('event_archived', `${event.title} is archived: ${liveWrites[write]} is closed.`);
}

/** Whether the event still takes live writes, for pages deciding whether to offer them. */
export function isLive(event: Pick<EventInfo, 'status'>): boolean {
  return event.status !== 'archived';
}
