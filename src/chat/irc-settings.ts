import { type Checked, failed, passed } from '../core/checked.ts';
import { isIrcNick } from '../core/people/check-user.ts';

/**
 * How the bot turns a nick into a Convene user (never what that user may do: the core decides):
 * - `account`: the services account the server vouches for (IRCv3 `account-tag`, else WHOIS);
 * - `voice`: the linked nick, only while it has voice or op in the channel (ptgbot's model);
 * - `nick`: the linked nick as given (servers that enforce registered nicks; tests);
 * - `open`: the linked nick as given, and everyone else as a guest that rules may let in
 *   (`~alloweveryone`), as ptgbot did by default.
 */
export const ircTrusts = ['account', 'voice', 'nick', 'open'] as const;
export type IrcTrust = (typeof ircTrusts)[number];

/** The bot's connection, from `IRC_*` environment variables. */
export interface IrcSettings {
  readonly server: string;
  readonly port: number;
  readonly tls: boolean;
  readonly nick: string;
  /** sent as the server password and, where offered, for SASL as the bot's nick */
  readonly password: string | null;
  readonly channel: string;
  readonly trust: IrcTrust;
  /** the event the channel is about; null for the current one */
  readonly event: string | null;
}

/**
 * The IRC bot's settings: `IRC_SERVER` (none: no bot), `IRC_PORT` (6697 with TLS, else 6667),
 * `IRC_TLS` (default true), `IRC_NICK` (default convene), `IRC_PASSWORD`, `IRC_CHANNEL` (required),
 * `IRC_TRUST` (default account) and `IRC_EVENT` (default: the current event).
 */
export function readIrcSettings(env: NodeJS.ProcessEnv): Checked<IrcSettings | null> {
  const server = env.IRC_SERVER?.trim();
  if (!server) return passed(null);
  const tls = env.IRC_TLS ? /^(1|true|yes|on)$/i.test(env.IRC_TLS.trim()) : true;
  if (env.IRC_TLS && !/^(0|1|true|false|yes|no|on|off)$/i.test(env.IRC_TLS.trim()))
    return failed('invalid_input', `IRC_TLS must be true or false, not "${env.IRC_TLS}".`);
  const port = env.IRC_PORT ? Number(env.IRC_PORT) : tls ? 6697 : 6667;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return failed('invalid_input', `IRC_PORT must be a port number, not "${env.IRC_PORT}".`);
  const nick = env.IRC_NICK?.trim() || 'convene';
  if (!isIrcNick(nick)) return failed('invalid_input', `IRC_NICK must be an IRC nick, not "${nick}".`);
  const channel = env.IRC_CHANNEL?.trim() ?? '';
  if (!/^[#&][^\s,]{1,49}$/.test(channel))
    return failed('invalid_input', `IRC_CHANNEL must be a channel such as #ptg-events, not "${channel}".`);
  const trust = (env.IRC_TRUST?.trim().toLowerCase() || 'account') as IrcTrust;
  if (!ircTrusts.includes(trust))
    return failed(
      'invalid_input',
      `IRC_TRUST must be one of ${ircTrusts.join(', ')}, not "${env.IRC_TRUST}".`,
    );
  return passed({
    server,
    port,
    tls,
    nick,
    password: env.IRC_PASSWORD || null,
    channel,
    trust,
    event: env.IRC_EVENT?.trim() || null,
  });
}
