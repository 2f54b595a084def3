import { actorOf } from '../app/people.ts';
import type { Actor } from '../core/model/actor.ts';
import type { User } from '../core/model/user.ts';
import type { IrcTrust } from './irc-settings.ts';

/** Who sent a line, as the server tells it. */
export interface Sender {
  readonly nick: string;
  /** the services account from the IRCv3 `account` tag, when the server sends it */
  readonly account: string | null;
}

/** What the trust policies may ask about a sender. */
export interface TrustLookups {
  /** the Convene user whose linked IRC nick this is (IRC comparison, without case) */
  userByNick(nick: string): Promise<User | null>;
  /** the services account the server says the nick is logged in to (WHOIS), or null */
  accountOf(nick: string): Promise<string | null>;
  /** whether the nick has voice or op in the bot's channel */
  isVoiced(nick: string): boolean;
}

/**
 * Turns a sender into the actor the core will judge, under the configured trust policy. It only
 * says who someone is; what they may do is the core's decision. Null means "not recognised".
 */
export async function actorForSender(
  trust: IrcTrust,
  sender: Sender,
  lookups: TrustLookups,
): Promise<Actor | null> {
  switch (trust) {
    case 'account': {
      const account = sender.account ?? (await lookups.accountOf(sender.nick));
      return account ? linked(await lookups.userByNick(account)) : null;
    }
    case 'voice':
      return lookups.isVoiced(sender.nick) ? linked(await lookups.userByNick(sender.nick)) : null;
    case 'nick':
      return linked(await lookups.userByNick(sender.nick));
    case 'open':
      return (
        linked(await lookups.userByNick(sender.nick)) ?? {
          userId: null,
          name: `${sender.nick} (IRC guest)`,
          isOrganizer: false,
        }
      );
  }
}

function linked(user: User | null): Actor | null {
  return user ? actorOf(user) : null;
}

/** What to tell someone the bot did not recognise, under each policy. */
export function notRecognised(trust: IrcTrust, nick: string): string {
  const link =
    'an organiser can link it with convene user add EMAIL --irc NICK, or you can on your profile page';
  switch (trust) {
    case 'account':
      return `I only act for nicks logged in to a services account that is linked to Convene; ${nick} is not (identify to services, and ${link}).`;
    case 'voice':
      return `I only act for linked nicks while they have voice in the channel; ${nick} has none or is not linked (${link}).`;
    case 'nick':
    case 'open':
      return `The nick ${nick} is not linked to a Convene account: ${link}.`;
  }
}
