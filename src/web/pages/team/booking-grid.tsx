import type { VerdictRow } from '../../../core/booking/cell-verdicts.ts';
import type { ClashWarning } from '../../../core/booking/clash-warnings.ts';
import type { RefusalCode } from '../../../core/errors.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { Team } from '../../../core/model/team.ts';
import { cellReference } from '../../../core/schedule/cell-reference.ts';
import { Checkbox, CsrfField, SubmitButton, TextField } from '../components/form-parts.tsx';
import { DayTabs, RoomsHead, WindowRow } from '../components/grid-parts.tsx';
import { IntervalText } from '../components/time-text.tsx';
import { dateIn, dayIn } from '../time-zone.ts';

/** What a greyed cell says at a glance; its full sentence is in its title and read out with it. */
const shortReasons: Partial<Record<RefusalCode, string>> = {
  slot_taken: 'Taken',
  team_busy: 'Busy elsewhere',
  daily_cap: 'Daily limit',
  total_cap: 'Event limit',
  not_open: 'Not open yet',
  in_past: 'Started',
  unknown_slot: 'Closed',
};

export interface BookingGridProps {
  readonly state: EventState;
  readonly team: Team;
  /** the verdicts of every slot, from `cellVerdicts` */
  readonly rows: readonly VerdictRow[];
  /** the UTC day shown, among the event's days */
  readonly day: string;
  readonly days: readonly { readonly day: string; readonly today: boolean }[];
  readonly zone: string;
  /** by slot id: who else meets then, among the teams sharing people with this one */
  readonly clashes: ReadonlyMap<string, readonly ClashWarning[]>;
  /** the warnings for the hours the team has booked */
  readonly booked: readonly ClashWarning[];
  /** the page's address, where the day tabs and the form lead */
  readonly base: string;
  readonly csrf: string;
  /** organisers may set the rules aside with a reason */
  readonly mayOverride: boolean;
  /** what was sent when the form comes back refused */
  readonly refill: {
    readonly ticked: readonly string[];
    readonly override: boolean;
    readonly reason: string;
  };
}

/**
 * The team's week as a grid of boxes to tick: free cells can be ticked, the team's own cells are
 * marked, and cells booking would refuse are greyed with the reason. Ticked hours of one room are
 * booked in one step, all or nothing. It is a plain form; `booking-grid.js` adds selecting a run of
 * hours by shift-click or with the arrow keys.
 */
export function BookingGrid(props: BookingGridProps) {
  const { state, team, zone } = props;
  const rows = props.rows.filter((row) => row.slot.start.slice(0, 10) === props.day);
  const windows = [...new Set(rows.map((row) => row.slot.window))];
  const dayName = dayIn(`${props.day}T12:00:00Z`, 'UTC');
  return (
    <section aria-labelledby="grid-heading" class="booking-grid">
      <h2 id="grid-heading">Book on the grid</h2>
      <p class="hint" id="grid-hint">
        Tick the free hours to book in one room — one hour or several in a row — then “Book the ticked hours”.
        All of them are booked, or none. Click the first hour and shift-click the last to tick a run; on the
        grid, arrow keys move, Space ticks, and Shift with an arrow ticks as it moves.
      </p>
      <DayTabs
        label="Days to book"
        days={props.days}
        current={props.day}
        href={(day) => `${props.base}?day=${day}#grid-heading`}
      />
      <form
        method="post"
        action={`${props.base}/book-range`}
        class="form form--wide booking-grid__form"
        data-booking-grid
      >
        <CsrfField token={props.csrf} />
        <input type="hidden" name="day" value={props.day} />
        <div class="table-wrap">
          <table class="grid booking-grid__table">
            <caption class="visually-hidden">
              Booking grid for {team.slug} on {dayName}: rooms across, hours down
            </caption>
            <RoomsHead state={state} />
            {windows.map((window) => (
              <tbody key={window}>
                <WindowRow window={window} rooms={state.rooms.length} />
                {rows
                  .filter((row) => row.slot.window === window)
                  .map((row) => (
                    <tr key={row.slot.id} data-slot={row.slot.code}>
                      <th scope="row">
                        <IntervalText
                          start={row.slot.start}
                          end={row.slot.end}
                          zone={zone}
                          withDay={dateIn(row.slot.start, zone) !== props.day}
                        />
                        <ClashNote warnings={props.clashes.get(row.slot.id) ?? []} />
                      </th>
                      {row.cells.map(({ room, verdict }) => {
                        const reference = cellReference(room, row.slot);
                        if (verdict.kind === 'own')
                          return (
                            <td class="cell cell--own" key={room.id}>
                              <span class="cell__own">{team.slug}</span>
                              <span class="visually-hidden"> booked</span>
                            </td>
                          );
                        const bookable =
                          verdict.kind === 'free' || (props.mayOverride && verdict.overridable);
                        const why = verdict.kind === 'refused' ? verdict.refusal : null;
                        const short = why ? (shortReasons[why.code] ?? 'Not bookable') : 'Free';
                        if (!bookable)
                          return (
                            <td class="cell cell--refused" key={room.id} title={why?.message}>
                              <span class="cell__why">{short}</span>
                              <span class="visually-hidden cell__reason">: {why?.message}</span>
                            </td>
                          );
                        return (
                          <td
                            class={why ? 'cell cell--pick cell--override' : 'cell cell--pick'}
                            key={room.id}
                            title={why?.message}
                          >
                            <label class="cell__pick">
                              <input
                                type="checkbox"
                                name="cell"
                                value={reference}
                                checked={props.refill.ticked.includes(reference)}
                                data-room={room.slug}
                              />
                              <span>
                                {short}
                                <span class="visually-hidden">
                                  : {room.name}, {dayName} {row.slot.code}
                                  {why ? `. ${why.message}` : ''}
                                </span>
                              </span>
                            </label>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
              </tbody>
            ))}
          </table>
        </div>
        <p class="hint booking-grid__selection" id="grid-selection" aria-live="polite" />
        {props.mayOverride ? (
          <fieldset class="field">
            <legend>Organisers: set the rules aside</legend>
            <p class="field__hint">
              Lets you tick cells over a team’s limits, before booking opens or after they started (marked
              with their reason). The reason is kept with each booking.
            </p>
            <Checkbox
              label="Set caps, booking phases and the past aside"
              name="override"
              checked={props.refill.override}
            />
            <TextField
              id="grid-reason"
              label="Reason"
              name="reason"
              maxLength={500}
              value={props.refill.reason}
            />
          </fieldset>
        ) : null}
        <SubmitButton>Book the ticked hours</SubmitButton>
      </form>
      <BookedClashes warnings={props.booked} />
    </section>
  );
}

/** Under a slot's time: the tied teams meeting then, in short, with each whole warning read out. */
function ClashNote(props: { warnings: readonly ClashWarning[] }) {
  if (props.warnings.length === 0) return null;
  const teams = props.warnings.flatMap((warning) => warning.teams);
  return (
    <span class="clash-note" title={props.warnings.map((warning) => warning.message).join(' ')}>
      <span aria-hidden="true">⚠ </span>
      {teams.join(', ')}
      <span class="visually-hidden">
        {' '}
        {teams.length === 1 ? 'also meets' : 'also meet'} then:{' '}
        {props.warnings.map((warning) => warning.message).join(' ')}
      </span>
    </span>
  );
}

/** After booking: which teams sharing people with this one meet in its hours. */
function BookedClashes(props: { warnings: readonly ClashWarning[] }) {
  return (
    <div class="booking-grid__clashes" id="clashes">
      <h3>Who else meets in your hours</h3>
      {props.warnings.length === 0 ? (
        <p>No team that shares people with this one meets in the hours it has booked.</p>
      ) : (
        <ul>
          {props.warnings.map((warning) => (
            <li key={warning.teams.join(' ')} data-code={warning.code}>
              {warning.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * For organisers, beside a booking whose hour has started: release it anyway, setting the rule
 * aside, with the reason kept with the release.
 */
export function ReleaseAnyway(props: { action: string; csrf: string; bookingId: string; what: string }) {
  const id = `release-reason-${props.bookingId}`;
  return (
    <form method="post" action={props.action} class="inline-form release-anyway">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="booking" value={props.bookingId} />
      <input type="hidden" name="override" value="yes" />
      <label for={id}>Reason</label> <input id={id} name="reason" required maxLength={500} />{' '}
      <button type="submit" class="link-button">
        Release anyway<span class="visually-hidden"> {props.what}</span>
      </button>
    </form>
  );
}
