import { ircNickKey } from '../core/people/check-user.ts';

/**
 * Who is in the bot's channel and with which prefix modes (voice, op…), kept from the server's
 * NAMES reply and the joins, parts, kicks, quits, nick and mode changes after it. The `voice` trust
 * policy asks it; nicks compare as IRC compares them, without case.
 */
export class ChannelRoster {
  private readonly members = new Map<string, Set<string>>();

  /** the NAMES list, replacing what was known (after a join or a rejoin) */
  reset(users: readonly { nick: string; modes?: readonly string[] }[]): void {
    this.members.clear();
    for (const user of users) this.members.set(ircNickKey(user.nick), new Set(user.modes ?? []));
  }

  join(nick: string): void {
    this.members.set(ircNickKey(nick), new Set());
  }

  leave(nick: string): void {
    this.members.delete(ircNickKey(nick));
  }

  rename(from: string, to: string): void {
    const modes = this.members.get(ircNickKey(from));
    if (!modes) return;
    this.members.delete(ircNickKey(from));
    this.members.set(ircNickKey(to), modes);
  }

  /** a `+v`/`-o`… change; `prefixModes` are the modes that give a nick a prefix (from ISUPPORT) */
  mode(change: string, nick: string, prefixModes: readonly string[]): void {
    const [sign, mode] = [change[0], change.slice(1)];
    if (!prefixModes.includes(mode)) return;
    const modes = this.members.get(ircNickKey(nick));
    if (!modes) return;
    if (sign === '+') modes.add(mode);
    else modes.delete(mode);
  }

  clear(): void {
    this.members.clear();
  }

  /** in the channel with voice or any higher prefix (half-op, op, admin, owner) */
  isVoiced(nick: string): boolean {
    return (this.members.get(ircNickKey(nick))?.size ?? 0) > 0;
  }
}
