import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithService } from '../../test/support/services.ts';
import { type StoreKind, storeKinds } from '../../test/support/stores.ts';
import type { MailingRecord } from '../core/model/mailing-record.ts';
import type { KyselyStore } from './kysely-store.ts';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `mailing store on ${kind.name}`, () =>
    mailingContract(kind),
  );
}

function mailingContract(kind: StoreKind) {
  let store: KyselyStore;
  let dispose: () => Promise<void>;
  const newsletter = (id: string, key: string, at: string): MailingRecord => ({
    id,
    idempotencyKey: key,
    audience: 'newsletter',
    eventId: null,
    subject: `Issue ${id}`,
    body: 'Hello.',
    sentBy: 'u-chief',
    sentByName: 'Chief',
    createdAt: at,
    recipients: 3,
  });

  beforeAll(async () => {
    ({ store, dispose } = await kind.open());
    await store.createUser(
      { email: 'chief@example.org', name: 'Chief', ircNick: null, isOrganizer: true },
      'u-chief',
      '2022-10-01T00:00:00Z',
    );
  });
  afterAll(async () => dispose());

  it('records a mailing once per key: the same key again finds the first mailing', async () => {
    const first = newsletter('m1', 'key-one-0000000000', '2022-10-01T10:00:00Z');
    expect(await store.mailings.record(first)).toEqual({ mailing: first, created: true });
    const again = await store.mailings.record({ ...first, id: 'm2', subject: 'Other', recipients: 9 });
    expect(again).toEqual({ mailing: first, created: false });
    expect(await store.mailings.find('m1')).toEqual(first);
    expect(await store.mailings.find('m2')).toBe(null);
  });

  it('lists an audience’s mailings newest first', async () => {
    const later = newsletter('m3', 'key-two-0000000000', '2022-10-02T10:00:00Z');
    await store.mailings.record(later);
    expect((await store.mailings.list('newsletter', null, 10)).map((m) => m.id)).toEqual(['m3', 'm1']);
    expect((await store.mailings.list('newsletter', null, 1)).map((m) => m.id)).toEqual(['m3']);
    expect(await store.mailings.list('registrants', 'no-event', 10)).toEqual([]);
  });

  it('keeps a mailing when its sender’s account is deleted, under the name the audit log uses', async () => {
    await store.people.deleteUser('u-chief', 'a deleted account');
    expect(await store.mailings.find('m1')).toEqual({
      ...newsletter('m1', 'key-one-0000000000', '2022-10-01T10:00:00Z'),
      sentBy: null,
      sentByName: 'a deleted account',
    });
  });
}
