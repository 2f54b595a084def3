import type { CheckIn } from './presence.ts';
import { parseTopicFilter } from './topic-subscription.ts';

/**
 * When a nick that used the bot without an account is linked to an account, what the nick held
 * moves onto the account without making two of anything. Of two check-ins for one event the later
 * one is kept, as the account's (null: the account's own stays as it is).
 */
export function mergeCheckIn(account: CheckIn | null, nick: CheckIn, userId: string): CheckIn | null {
  if (account && account.at >= nick.at) return null;
  return { ...nick, userId };
}

/**
 * Of two subscriptions for one event, one: the account's words, phrases and teams followed by
 * those of the nick's that it lacks. When either is a regular expression, or the two together
 * would no longer be a valid pattern (too long, too many terms), the account's stays as it is
 * (null: nothing to change).
 */
export function mergeSubscription(account: string | null, nick: string): string | null {
  if (account === null) return nick;
  const mine = parseTopicFilter(account);
  const theirs = parseTopicFilter(nick);
  if (!mine.ok || !theirs.ok || mine.value.kind !== 'terms' || theirs.value.kind !== 'terms') return null;
  const [have, add] = [mine.value, theirs.value];
  const words = add.words.filter((word) => !have.words.includes(word));
  const teams = add.teams.filter((team) => !have.teams.includes(team));
  if (words.length + teams.length === 0) return null;
  const merged = [
    account.trim(),
    ...words.map((word) => (/\s/.test(word) ? `"${word}"` : word)),
    ...teams.map((team) => `#${team}`),
  ].join(' ');
  return parseTopicFilter(merged).ok ? merged : null;
}
