import type { EventState } from '../../../core/model/event-state.ts';
import { isLiveTeam, type Team } from '../../../core/model/team.ts';
import { describeInterval } from '../../../core/text/describe-time.ts';
import type { FormBody } from '../form-body.ts';
import { Choices, CsrfField, SubmitButton, TextField } from './form-parts.tsx';

/** What the form posts, read for `setScheduleWishes`. */
export function scheduleWishesOf(form: FormBody, team: Team) {
  return {
    team: team.slug,
    hoursWanted: form.text('hours_wanted'),
    preferredWindows: form.list('windows'),
    avoidClashes: form.list('avoid'),
    keepBookings: form.list('keep'),
  };
}

/**
 * "What we ask of the draft schedule" on a team's manage page: hours wanted, the windows the team can
 * meet in, teams not to overlap, and which of its bookings any draft must keep. Prefilled from the
 * team's sign-up answers; posts to `{action}`.
 */
export function ScheduleWishesForm(props: {
  readonly state: EventState;
  readonly team: Team;
  readonly action: string;
  readonly csrf: string;
}) {
  const { state, team } = props;
  const signup = state.signups[team.id];
  const own = state.bookings
    .filter((booking) => booking.teamId === team.id)
    .flatMap((booking) => {
      const slot = state.slots.find((candidate) => candidate.id === booking.slotId);
      const room = state.rooms.find((candidate) => candidate.id === booking.roomId);
      return slot && room ? [{ booking, slot, room }] : [];
    })
    .sort((a, b) => (a.slot.start < b.slot.start ? -1 : 1));
  const others = state.teams
    .filter((other) => other.id !== team.id && isLiveTeam(other))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  const cap = state.event.rules.totalCapMinutes;
  return (
    <section aria-labelledby="wishes-heading">
      <h2 id="wishes-heading">What we ask of the draft schedule</h2>
      <p>
        Organisers can draft the whole week from what every team asks here. A draft keeps the bookings ticked
        below and may move the others.
      </p>
      <form method="post" action={props.action} class="form">
        <CsrfField token={props.csrf} />
        <TextField
          label="Hours wanted"
          name="hours_wanted"
          type="number"
          min={1}
          value={signup ? String(signup.hoursWanted || '') : ''}
          required
          hint={cap ? `At most ${cap / 60} hours per team.` : undefined}
        />
        <Choices
          label="Windows the team can meet in"
          name="windows"
          multiple
          hint="None ticked: any window."
          selected={signup?.preferredWindows ?? []}
          options={state.event.windows.map((window) => ({
            value: window.name,
            label: `${window.name} (${window.start}–${window.end} UTC)`,
          }))}
        />
        <Choices
          label="Teams not to meet at the same time as"
          name="avoid"
          multiple
          selected={(signup?.avoidClashes ?? []).flatMap(
            (id) => others.find((other) => other.id === id)?.slug ?? [],
          )}
          options={others.map((other) => ({ value: other.slug, label: other.name }))}
        />
        {own.length > 0 ? (
          <Choices
            label="Bookings a draft must keep"
            name="keep"
            multiple
            selected={signup?.keepBookings ?? []}
            options={own.map(({ booking, slot, room }) => ({
              value: booking.id,
              label: `${describeInterval(slot.start, slot.end)} in ${room.name}`,
            }))}
          />
        ) : null}
        <SubmitButton>Save what we ask</SubmitButton>
      </form>
    </section>
  );
}
