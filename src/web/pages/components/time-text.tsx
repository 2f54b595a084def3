import type { Instant } from '../../../core/model/instant.ts';
import { dayIn, timeIn } from '../time-zone.ts';

/** A time in the viewer's zone, with the UTC time beside it when the zone is not UTC. */
export function TimeText(props: { at: Instant; zone: string; withDay?: boolean }) {
  const { at, zone } = props;
  const local = `${props.withDay ? `${dayIn(at, zone)} ` : ''}${timeIn(at, zone)}`;
  return (
    <>
      <time dateTime={at}>{local}</time>
      {zone === 'UTC' ? null : <span class="utc"> ({timeIn(at, 'UTC')} UTC)</span>}
    </>
  );
}

/** "14:00–15:00" in the zone, then the same in UTC when the zone is not UTC. */
export function IntervalText(props: { start: Instant; end: Instant; zone: string; withDay?: boolean }) {
  const { start, end, zone } = props;
  const day = props.withDay ? `${dayIn(start, zone)} ` : '';
  return (
    <>
      <time dateTime={start}>
        {day}
        {timeIn(start, zone)}
      </time>
      –<time dateTime={end}>{timeIn(end, zone)}</time>
      {zone === 'UTC' ? (
        <span class="utc"> UTC</span>
      ) : (
        <span class="utc">
          {' '}
          ({timeIn(start, 'UTC')}–{timeIn(end, 'UTC')} UTC)
        </span>
      )}
    </>
  );
}
