import type { Instant } from '../../../core/model/instant.ts';
import { commonZones, offsetIn } from '../time-zone.ts';

/**
 * Chooses the zone times are shown in. A plain GET form, so it works without script; the page script
 * applies a choice at once and remembers it.
 */
export function ZoneSwitcher(props: {
  zone: string;
  eventZone: string;
  at: Instant;
  keep?: Readonly<Record<string, string>>;
}) {
  const zones = [...new Set([props.zone, props.eventZone, ...commonZones])].sort((a, b) =>
    a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b),
  );
  return (
    <form class="zone-switcher" method="get" data-zone-switcher>
      {Object.entries(props.keep ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <label for="tz">Show times in</label>
      <select id="tz" name="tz">
        {zones.map((zone) => (
          <option value={zone} selected={zone === props.zone} key={zone}>
            {zone.replaceAll('_', ' ')} ({offsetIn(props.at, zone)})
          </option>
        ))}
      </select>
      <button type="submit" class="button button--quiet">
        Show
      </button>
    </form>
  );
}
