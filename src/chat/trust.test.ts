import { describe, expect, it } from 'vitest';
import type { User } from '../core/model/user.ts';
import { actorForSender, notRecognised, type TrustLookups } from './trust.ts';

const nia: User = {
  id: 'user-nia',
  email: 'nia@example.org',
  name: 'Nia Nova',
  ircNick: 'NiaNova',
  timeZone: null,
  isOrganizer: false,
  listedInFindPeople: false,
  createdAt: '2022-09-01T00:00:00Z',
};
const niaActor = { userId: 'user-nia', name: 'Nia Nova', isOrganizer: false };

function lookups(options: { account?: string | null; voiced?: boolean } = {}): TrustLookups {
  return {
    userByNick: async (nick) => (nick.toLowerCase() === 'nianova' ? nia : null),
    accountOf: async () => options.account ?? null,
    isVoiced: () => options.voiced ?? false,
  };
}

describe('actorForSender', () => {
  it('nick: trusts the linked nick as given, in any case', async () => {
    expect(await actorForSender('nick', { nick: 'nianova', account: null }, lookups())).toEqual(niaActor);
    expect(await actorForSender('nick', { nick: 'Stranger', account: null }, lookups())).toBeNull();
  });

  it('account: trusts the services account, from the message tag or else WHOIS, never the nick', async () => {
    expect(await actorForSender('account', { nick: 'whoever', account: 'NiaNova' }, lookups())).toEqual(
      niaActor,
    );
    expect(
      await actorForSender('account', { nick: 'nia_laptop', account: null }, lookups({ account: 'NiaNova' })),
    ).toEqual(niaActor);
    expect(await actorForSender('account', { nick: 'NiaNova', account: null }, lookups())).toBeNull();
  });

  it('voice: trusts the linked nick only while it has voice or op', async () => {
    expect(
      await actorForSender('voice', { nick: 'NiaNova', account: null }, lookups({ voiced: true })),
    ).toEqual(niaActor);
    expect(await actorForSender('voice', { nick: 'NiaNova', account: null }, lookups())).toBeNull();
  });

  it('open: the linked user, or a guest the rules may let in, never an organiser', async () => {
    expect(await actorForSender('open', { nick: 'NiaNova', account: null }, lookups())).toEqual(niaActor);
    expect(await actorForSender('open', { nick: 'Visitor', account: null }, lookups())).toEqual({
      userId: null,
      name: 'Visitor (IRC guest)',
      isOrganizer: false,
    });
  });

  it('tells people the bot did not recognise how to be recognised, per policy', () => {
    expect(notRecognised('account', 'Visitor')).toMatch(/services account/);
    expect(notRecognised('voice', 'Visitor')).toMatch(/voice/);
    expect(notRecognised('nick', 'Visitor')).toMatch(/^The nick Visitor is not linked/);
  });
});
