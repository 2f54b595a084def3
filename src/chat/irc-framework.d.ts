// The parts of irc-framework (which ships no types) that the bot uses.
declare module 'irc-framework' {
  export interface ConnectOptions {
    host: string;
    port: number;
    tls?: boolean;
    rejectUnauthorized?: boolean;
    nick: string;
    username?: string;
    gecos?: string;
    password?: string;
    account?: { account: string; password: string };
    auto_reconnect?: boolean;
    ping_interval?: number;
    ping_timeout?: number;
    message_max_length?: number;
    version?: string;
  }

  export interface MessageEvent {
    nick: string;
    ident?: string;
    hostname?: string;
    target: string;
    message: string;
    account?: string;
    tags?: Record<string, string>;
  }

  export interface ChannelUser {
    nick: string;
    modes?: string[];
  }

  export interface WhoisEvent {
    nick: string;
    account?: string;
    registered_nick?: string;
    error?: string;
  }

  export class Client {
    constructor(options?: Partial<ConnectOptions>);
    user: { nick: string };
    network: { options: { PREFIX?: { symbol: string; mode: string }[] } };
    connected: boolean;
    connect(options?: ConnectOptions): void;
    quit(message?: string): void;
    join(channel: string, key?: string): void;
    say(target: string, message: string): void;
    notice(target: string, message: string): void;
    raw(...args: string[]): void;
    changeNick(nick: string): void;
    caseCompare(a: string, b: string): boolean;
    on(event: 'privmsg', listener: (event: MessageEvent) => void): this;
    on(event: 'userlist', listener: (event: { channel: string; users: ChannelUser[] }) => void): this;
    on(
      event: 'join' | 'part',
      listener: (event: { nick: string; channel: string; account?: string | false }) => void,
    ): this;
    on(event: 'kick', listener: (event: { kicked: string; channel: string; nick: string }) => void): this;
    on(event: 'quit', listener: (event: { nick: string }) => void): this;
    on(event: 'nick', listener: (event: { nick: string; new_nick: string }) => void): this;
    on(
      event: 'mode',
      listener: (event: { target: string; nick: string; modes: { mode: string; param?: string }[] }) => void,
    ): this;
    on(event: 'account', listener: (event: { nick: string; account: string | false }) => void): this;
    on(event: 'whois', listener: (event: WhoisEvent) => void): this;
    on(event: 'nick in use', listener: (event: { nick: string }) => void): this;
    on(event: 'registered' | 'close' | 'socket close', listener: () => void): this;
    on(event: 'socket error' | 'irc error', listener: (error: unknown) => void): this;
    removeAllListeners(): this;
  }
}
