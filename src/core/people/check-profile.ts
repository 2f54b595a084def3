import { type Checked, failed, passed } from '../checked.ts';
import { checkName } from '../text/check-name.ts';
import { isTimeZone } from '../text/time-zone.ts';
import { isIrcNick } from './check-user.ts';

/** What a person says about themselves, shown to organisers and (with consent) in "find people". */
export interface Profile {
  readonly name: string;
  readonly ircNick: string | null;
  readonly timeZone: string | null;
}

/**
 * A display name, an optional IRC nick as IRC allows them (the nick links the person to what they
 * say on IRC) and an optional IANA time zone. Empty nick or zone means none.
 * Refuses with `invalid_input`.
 */
export function checkProfile(input: { name: string; ircNick: string; timeZone: string }): Checked<Profile> {
  const name = checkName(input.name, 'name', 120);
  if (!name.ok) return name;
  const nick = input.ircNick.trim().replace(/^@/, '') || null;
  if (nick !== null && !isIrcNick(nick))
    return failed(
      'invalid_input',
      `"${nick.slice(0, 40)}" is not an IRC nick: letters, digits and _-[]{}|^\` only, up to 30.`,
    );
  const zone = input.timeZone.trim() || null;
  if (zone !== null && !isTimeZone(zone))
    return failed('invalid_input', `"${zone.slice(0, 40)}" is not a time zone such as Europe/Paris.`);
  return passed({ name: name.value, ircNick: nick, timeZone: zone });
}
