import { describe, expect, it } from 'vitest';
import { readIrcSettings } from './irc-settings.ts';

describe('readIrcSettings', () => {
  it('runs no bot without IRC_SERVER', () => {
    expect(readIrcSettings({})).toEqual({ ok: true, value: null });
  });

  it('defaults to TLS on 6697, the nick convene and the account trust policy', () => {
    expect(readIrcSettings({ IRC_SERVER: 'irc.oftc.net', IRC_CHANNEL: '#openinfra-events' })).toEqual({
      ok: true,
      value: {
        server: 'irc.oftc.net',
        port: 6697,
        tls: true,
        nick: 'convene',
        password: null,
        channel: '#openinfra-events',
        trust: 'account',
        event: null,
      },
    });
  });

  it('reads every variable', () => {
    expect(
      readIrcSettings({
        IRC_SERVER: '127.0.0.1',
        IRC_PORT: '6667',
        IRC_TLS: 'false',
        IRC_NICK: 'ptgbot',
        IRC_PASSWORD: 'sekrit',
        IRC_CHANNEL: '#ptg',
        IRC_TRUST: 'Voice',
        IRC_EVENT: 'oct2022-ptg',
      }),
    ).toEqual({
      ok: true,
      value: {
        server: '127.0.0.1',
        port: 6667,
        tls: false,
        nick: 'ptgbot',
        password: 'sekrit',
        channel: '#ptg',
        trust: 'voice',
        event: 'oct2022-ptg',
      },
    });
  });

  it('refuses values it cannot use, saying which', () => {
    const base = { IRC_SERVER: 'irc.example.org', IRC_CHANNEL: '#ptg' };
    for (const [name, value] of [
      ['IRC_PORT', '70000'],
      ['IRC_TLS', 'maybe'],
      ['IRC_NICK', 'has space'],
      ['IRC_CHANNEL', 'no-hash'],
      ['IRC_CHANNEL', ''],
      ['IRC_TRUST', 'everyone'],
    ] as const) {
      expect(readIrcSettings({ ...base, [name]: value })).toMatchObject({
        ok: false,
        refusal: { code: 'invalid_input', message: expect.stringContaining(name) },
      });
    }
  });
});
