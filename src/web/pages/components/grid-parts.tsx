import type { EventState } from '../../../core/model/event-state.ts';
import { dayIn } from '../time-zone.ts';

/** The event's days as tabs, the one shown marked; `href(day)` is where each tab leads. */
export function DayTabs(props: {
  readonly label: string;
  readonly days: readonly { readonly day: string; readonly today: boolean }[];
  readonly current: string;
  readonly href: (day: string) => string;
}) {
  return (
    <nav class="tabs" aria-label={props.label}>
      <ul>
        {props.days.map((candidate) => (
          <li key={candidate.day}>
            <a
              href={props.href(candidate.day)}
              aria-current={candidate.day === props.current ? 'page' : undefined}
            >
              {dayIn(`${candidate.day}T12:00:00Z`, 'UTC')}
              {candidate.today ? <span class="tabs__today"> (today)</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A grid's head: the time column, then each room (linked to its page when `linked`). */
export function RoomsHead(props: { readonly state: EventState; readonly linked?: boolean }) {
  return (
    <thead>
      <tr>
        <th scope="col">Time</th>
        {props.state.rooms.map((room) => (
          <th scope="col" key={room.id}>
            {props.linked ? (
              <a href={`/events/${props.state.event.slug}/rooms/${room.slug}`}>{room.name}</a>
            ) : (
              room.name
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The row that names a window across the whole grid. */
export function WindowRow(props: { readonly window: string; readonly rooms: number }) {
  return (
    <tr class="grid__window">
      <th scope="colgroup" colSpan={props.rooms + 1}>
        {props.window}
      </th>
    </tr>
  );
}
