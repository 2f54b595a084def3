import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithService } from '../../test/support/services.ts';
import { type StoreKind, storeKinds } from '../../test/support/stores.ts';
import type { Registration } from '../core/model/registration.ts';
import type { NewsletterSubscriber } from '../core/model/subscriber.ts';
import type { User } from '../core/model/user.ts';
import type { KyselyStore } from './kysely-store.ts';

const at = '2022-10-01T10:00:00Z';
const later = '2022-10-01T11:00:00Z';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `people store on ${kind.name}`, () => peopleContract(kind));
}

function peopleContract(kind: StoreKind) {
  let store: KyselyStore;
  let dispose: () => Promise<void>;
  let ana: User;
  let bo: User;

  beforeAll(async () => {
    ({ store, dispose } = await kind.open());
    ana = await store.createUser(
      { email: 'ana@example.org', name: 'Ana', ircNick: 'ana', isOrganizer: false },
      'u-ana',
      at,
    );
    bo = await store.createUser(
      { email: 'bo@example.org', name: 'Bo', ircNick: null, isOrganizer: false },
      'u-bo',
      at,
    );
  });
  afterAll(async () => dispose());

  it('keeps the first setting written and hands it to every later reader', async () => {
    expect(await store.people.settingOrCreate('secret', () => 'first')).toBe('first');
    expect(await store.people.settingOrCreate('secret', () => 'second')).toBe('first');
  });

  it('knows whether any organiser exists yet', async () => {
    expect(await store.people.hasOrganizer()).toBe(false);
    await store.setOrganizer(bo.id, true);
    expect(await store.people.hasOrganizer()).toBe(true);
    await store.setOrganizer(bo.id, false);
  });

  it('lists the organisers by name, and only them', async () => {
    expect(await store.people.organizers()).toEqual([]);
    await store.setOrganizer(bo.id, true);
    await store.setOrganizer(ana.id, true);
    expect((await store.people.organizers()).map((user) => user.email)).toEqual([ana.email, bo.email]);
    await store.setOrganizer(ana.id, false);
    await store.setOrganizer(bo.id, false);
    expect(await store.people.organizers()).toEqual([]);
  });

  it('finds a session’s user until it expires or is deleted', async () => {
    await store.people.createSession({ hash: 's1', userId: ana.id, method: 'email', at, expiresAt: later });
    expect((await store.people.userForSession('s1', at))?.email).toBe('ana@example.org');
    expect(await store.people.userForSession('s1', later)).toBe(null);
    expect(await store.people.userForSession('nope', at)).toBe(null);
    await store.people.createSession({ hash: 's2', userId: ana.id, method: 'oidc', at, expiresAt: later });
    await store.people.deleteSession('s2');
    expect(await store.people.userForSession('s2', at)).toBe(null);
  });

  it('lets a one-time link be used exactly once, and not after it expires', async () => {
    const link = {
      hash: 'l1',
      purpose: 'sign-in' as const,
      email: 'ana@example.org',
      next: '/x',
      createdAt: at,
      expiresAt: later,
    };
    await store.people.createLink(link);
    expect(await store.people.findLink('l1', at)).toEqual({ ...link, usedAt: null });
    const [first, second] = await Promise.all([
      store.people.useLink('l1', 'sign-in', at),
      store.people.useLink('l1', 'sign-in', at),
    ]);
    expect([first, second].filter(Boolean)).toEqual([{ ...link, usedAt: at }]);
    expect(await store.people.findLink('l1', at)).toBe(null);
    await store.people.createLink({ ...link, hash: 'l2' });
    expect(await store.people.useLink('l2', 'sign-in', later)).toBe(null);
    expect(await store.people.useLink('l2', 'first-organizer', at)).toBe(null);
    expect(await store.people.findLink('l2', at)).toMatchObject({ usedAt: null });
  });

  it('links an identity at a provider to one user', async () => {
    await store.people.linkIdentity({ issuer: 'https://id.example.org', subject: 'abc', userId: ana.id, at });
    await store.people.linkIdentity({ issuer: 'https://id.example.org', subject: 'abc', userId: bo.id, at });
    expect((await store.people.userForIdentity('https://id.example.org', 'abc'))?.id).toBe(ana.id);
    expect(await store.people.userForIdentity('https://other.example.org', 'abc')).toBe(null);
  });

  it('updates a profile and refuses a nick someone else has, whatever its case', async () => {
    await store.people.updateProfile(bo.id, { name: 'Bo B.', ircNick: 'bo_b', timeZone: 'Asia/Tokyo' });
    expect(await store.findUser(bo.id)).toMatchObject({
      name: 'Bo B.',
      ircNick: 'bo_b',
      timeZone: 'Asia/Tokyo',
    });
    await expect(
      store.people.updateProfile(bo.id, { name: 'Bo', ircNick: 'ANA', timeZone: null }),
    ).rejects.toThrow();
  });

  it('stores registrations per event and lists registrants by name', async () => {
    const eventId = await anEvent(store);
    const registration: Registration = {
      eventId,
      userId: bo.id,
      role: 'operator',
      affiliation: 'Example',
      country: 'JP',
      cocVersion: '1',
      cocAcceptedAt: at,
      registeredAt: at,
      updatedAt: at,
    };
    await store.people.saveRegistration(registration);
    await store.people.saveRegistration({ ...registration, userId: ana.id, country: null });
    await store.people.saveRegistration({ ...registration, role: 'contributor', updatedAt: later });
    expect(await store.people.registration(eventId, bo.id)).toEqual({
      ...registration,
      role: 'contributor',
      updatedAt: later,
    });
    expect(
      (await store.people.registrants(eventId)).map(({ user, registration: r }) => [user.name, r.role]),
    ).toEqual([
      ['Ana', 'operator'],
      ['Bo B.', 'contributor'],
    ]);
    expect(await store.people.registrationsOf(ana.id)).toHaveLength(1);
  });

  it('keeps newsletter subscribers findable by address, confirmation and unsubscribe secret', async () => {
    const subscriber: NewsletterSubscriber = {
      id: 'n1',
      email: 'reader@example.org',
      status: 'pending',
      confirmHash: 'c1',
      confirmExpiresAt: later,
      unsubscribeToken: 'u1',
      createdAt: at,
      confirmedAt: null,
      unsubscribedAt: null,
    };
    await store.people.saveSubscriber(subscriber);
    expect(await store.people.subscriberByConfirmHash('c1')).toEqual(subscriber);
    expect(await store.people.confirmedSubscribers()).toEqual([]);
    const confirmed = { ...subscriber, status: 'confirmed' as const, confirmHash: null, confirmedAt: later };
    await store.people.saveSubscriber(confirmed);
    expect(await store.people.subscriberByEmail('reader@example.org')).toEqual(confirmed);
    expect(await store.people.subscriberByUnsubscribeToken('u1')).toEqual(confirmed);
    expect(await store.people.confirmedSubscribers()).toEqual([confirmed]);
  });

  it('deletes a user with everything about them, leaving their changes in the audit log under another name', async () => {
    const eventId = await anEvent(store, 'audit-ptg');
    const carl = await store.createUser(
      { email: 'carl@example.org', name: 'Carl', ircNick: 'carl', isOrganizer: true },
      'u-carl',
      at,
    );
    await store.commitRevision(eventId, async () => ({
      changes: [{ type: 'motd.saved', motd: { id: 'm1', level: 'info', message: 'Hi', expiresAt: null } }],
      meta: { at, actorId: carl.id, actorName: 'Carl', source: 'web' },
    }));
    await store.people.createSession({
      hash: 's-carl',
      userId: carl.id,
      method: 'email',
      at,
      expiresAt: later,
    });
    await store.people.saveSubscriber({
      id: 'n-carl',
      email: 'carl@example.org',
      status: 'confirmed',
      confirmHash: null,
      confirmExpiresAt: null,
      unsubscribeToken: 'u-carl',
      createdAt: at,
      confirmedAt: at,
      unsubscribedAt: null,
    });
    await store.people.createLink({
      hash: 'l-carl',
      purpose: 'sign-in',
      email: 'carl@example.org',
      next: null,
      createdAt: at,
      expiresAt: later,
    });
    await store.people.deleteUser(carl.id, 'a deleted account');
    expect(await store.findUser(carl.id)).toBe(null);
    expect(await store.people.userForSession('s-carl', at)).toBe(null);
    expect(await store.people.subscriberByEmail('carl@example.org')).toBe(null);
    expect(await store.people.findLink('l-carl', at)).toBe(null);
    const [revision] = (await store.revisionsAfter(eventId, 1)).map(({ actorId, actorName }) => ({
      actorId,
      actorName,
    }));
    expect(revision).toEqual({ actorId: null, actorName: 'a deleted account' });
  });
}

async function anEvent(store: KyselyStore, slug = 'people-ptg'): Promise<string> {
  const id = `event-${slug}`;
  await store.createEvent(
    {
      id,
      slug,
      title: 'People PTG',
      startsOn: '2022-10-17',
      endsOn: '2022-10-18',
      timeZone: 'UTC',
      mode: 'virtual',
      status: 'published',
      contact: '',
      chat: '',
      etherpadTemplate: null,
      openTeamUpdates: false,
      attendeeOnlyRoomLinks: false,
      signupOpensAt: null,
      signupClosesAt: null,
      slotMinutes: 60,
      windows: [{ name: 'Day', start: '13:00', end: '17:00' }],
      rules: { dailyCapMinutes: null, totalCapMinutes: null, crossProjectOpensAt: null, othersOpenAt: null },
      content: { about: '', audience: '', notFor: '', why: '', faq: '' },
      codeOfConduct: { version: '1', url: null, text: '' },
      createdAt: at,
    },
    [],
    { at, actorId: null, actorName: 'test', source: 'cli' },
  );
  return id;
}
