import type { EventInfo } from '../model/event.ts';
import type { AttendeeStanding } from './register-attendee.ts';

/** Who is looking at a room link: their standing with the event, and whether they organise. */
export interface LinkViewer {
  readonly standing: AttendeeStanding;
  readonly isOrganizer: boolean;
}

/**
 * Room video links may carry passcodes: when the event keeps them for attendees, only organisers and
 * people registered under the current Code of Conduct see them; anyone else (null: anonymous) does not.
 */
export function roomLinksVisible(event: EventInfo, viewer: LinkViewer | null): boolean {
  if (!event.attendeeOnlyRoomLinks) return true;
  return viewer !== null && (viewer.isOrganizer || viewer.standing === 'registered');
}
