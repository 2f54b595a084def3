import { type Checked, failed, failedWith, passed } from '../checked.ts';
import { checkName } from '../text/check-name.ts';

export interface UserInput {
  readonly email: string;
  readonly name?: string;
  readonly ircNick?: string | null;
}

/**
 * A person's e-mail (lower-cased, one `@`, a dotted domain), a display name (the part before `@`
 * when none is given) and an optional IRC nick as IRC allows them.
 * Refuses with `invalid_input`.
 */
export function checkUserInput(
  input: UserInput,
): Checked<{ email: string; name: string; ircNick: string | null }> {
  const checked = checkEmail(input.email);
  if (!checked.ok) return checked;
  const email = checked.value;
  const name = checkName(input.name ?? email.slice(0, email.indexOf('@')), 'name', 120);
  if (!name.ok) return failedWith(name.refusal);
  const nick = input.ircNick?.trim() || null;
  if (nick !== null && !isIrcNick(nick)) {
    return failed('invalid_input', `"${nick.slice(0, 40)}" is not an IRC nick.`);
  }
  return passed({ email, name: name.value, ircNick: nick });
}

/**
 * An e-mail address as Convene keeps it: trimmed, lower-cased, one `@`, a dotted domain, no spaces
 * or angle brackets. Refuses with `invalid_input`.
 */
export function checkEmail(text: string): Checked<string> {
  const email = text.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/.test(email)) {
    const shown = text.trim().length > 80 ? `${text.trim().slice(0, 77)}…` : text.trim();
    return failed(
      'invalid_input',
      shown ? `"${shown}" is not an e-mail address.` : 'The e-mail address is empty.',
    );
  }
  return passed(email);
}

/** RFC 2812 nick characters, up to 30 long (what current servers allow). */
export function isIrcNick(nick: string): boolean {
  return /^[A-Za-z[\]\\`_^{|}][A-Za-z0-9[\]\\`_^{|}-]{0,29}$/.test(nick);
}

/** IRC compares nicks without case (and treats `[]\` like `{}|`): the key used to match them. */
export function ircNickKey(nick: string): string {
  return nick.toLowerCase().replace(/\[/g, '{').replace(/]/g, '}').replace(/\\/g, '|').replace(/~/g, '^');
}
