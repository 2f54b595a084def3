import type { Instant } from '../../../core/model/instant.ts';
import { commonZones, offsetsIn } from '../time-zone.ts';

/**
 * Chooses the zone times are shown in. A plain GET form, so it works without script; the page script
 * applies a choice at once and remembers it. It always lists and selects the zone in use, and each
 * zone's label gives the offsets in force over the period the page shows (`from`–`to`): both of
 * them when daylight-saving time changes within it. A region of the page, so it follows the zone
 * the page script picks.
 */
export function ZoneSwitcher(props: {
  zone: string;
  eventZone: string;
  from: Instant;
  to: Instant;
  keep?: Readonly<Record<string, string>>;
}) {
  const zones = [...new Set([props.zone, props.eventZone, ...commonZones])].sort((a, b) =>
    a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b),
  );
  return (
    <form class="zone-switcher" method="get" data-zone-switcher id="zone-switcher" data-region>
      {Object.entries(props.keep ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <label for="tz">Show times in</label>
      <select id="tz" name="tz">
        {zones.map((zone) => (
          <option value={zone} selected={zone === props.zone} key={zone}>
            {zone.replaceAll('_', ' ')} ({offsetsIn(props.from, props.to, zone)})
          </option>
        ))}
      </select>
      <button type="submit" class="button button--quiet">
        Show
      </button>
    </form>
  );
}
