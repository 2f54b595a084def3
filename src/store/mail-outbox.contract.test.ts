import { afterAll, beforeAll, expect, it } from 'vitest';
import { sequentialIds } from '../../test/support/builders.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import type { KyselyStore } from './kysely-store.ts';
import type { QueuedMail } from './mail-outbox-store.ts';

const at = '2022-10-17T12:00:00Z';
const later = '2022-10-17T12:30:00Z';

function mail(key: string, to: string, extra: Partial<QueuedMail> = {}): QueuedMail {
  return { key, to, subject: `About ${key}`, text: `Hello ${to}`, notBefore: at, ...extra };
}

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `MailOutboxStore on ${kind.name}`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    const ids = sequentialIds(`${kind.name}-mail`);

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
    });
    afterAll(async () => dispose());

    it('queues a key once: queueing it again, even with other words, adds nothing', async () => {
      expect(await store.outbox.enqueue([mail('once', 'a@example.org')], at, ids)).toBe(1);
      expect(
        await store.outbox.enqueue(
          [mail('once', 'a@example.org', { text: 'changed' }), mail('twice', 'b@example.org')],
          at,
          ids,
        ),
      ).toBe(1);
      expect(await store.outbox.has('once')).toBe(true);
      expect(await store.outbox.has('never')).toBe(false);
    });

    it('leases what is due, in order, with headers; a leased message is nobody else’s until its lease ends', async () => {
      await store.outbox.enqueue(
        [
          mail('headers', 'c@example.org', { headers: { 'List-Unsubscribe': '<https://x.test/u>' } }),
          mail('future', 'd@example.org', { notBefore: later }),
        ],
        at,
        ids,
      );
      const claimed = await store.outbox.claimDue(at, '2022-10-17T12:10:00Z', 10);
      expect(claimed.map((one) => one.key)).toEqual(['once', 'twice', 'headers']);
      expect(claimed[0]).toMatchObject({
        to: 'a@example.org',
        subject: 'About once',
        text: 'Hello a@example.org',
      });
      expect(claimed[0]?.attempts).toBe(1);
      expect(claimed[2]?.headers).toEqual({ 'List-Unsubscribe': '<https://x.test/u>' });
      expect(await store.outbox.claimDue(at, '2022-10-17T12:10:00Z', 10)).toEqual([]);
      const afterLease = await store.outbox.claimDue('2022-10-17T12:11:00Z', '2022-10-17T12:20:00Z', 1);
      expect(afterLease.map((one) => [one.key, one.attempts])).toEqual([['once', 2]]);
      for (const one of [...claimed.slice(1), ...afterLease]) await store.outbox.markSent(one.id, at);
      const future = await store.outbox.claimDue(later, '2022-10-17T13:00:00Z', 10);
      expect(future.map((one) => one.key)).toEqual(['future']);
      await store.outbox.markSent(future[0]?.id as string, later);
    });

    it('retries a failed message from the time given, gives up when there is none, and reports a batch', async () => {
      await store.outbox.enqueue(
        [
          mail('b1', 'ok@example.org', { batch: 'mailing-1' }),
          mail('b2', 'bad@example.org', { batch: 'mailing-1' }),
        ],
        later,
        ids,
      );
      expect(await store.outbox.progress('mailing-1')).toEqual({ queued: 2, sent: 0, failed: [] });
      const [ok, bad] = await store.outbox.claimDue(later, '2022-10-17T13:00:00Z', 10);
      await store.outbox.markSent(ok?.id as string, later);
      await store.outbox.markFailed(bad?.id as string, '550 no such user', '2022-10-17T14:00:00Z');
      expect(await store.outbox.claimDue('2022-10-17T13:59:00Z', '2022-10-17T15:00:00Z', 10)).toEqual([]);
      const [again] = await store.outbox.claimDue('2022-10-17T14:00:00Z', '2022-10-17T15:00:00Z', 10);
      expect(again?.attempts).toBe(2);
      await store.outbox.markFailed(again?.id as string, '550 no such user', null);
      expect(await store.outbox.claimDue('2022-10-18T00:00:00Z', '2022-10-18T01:00:00Z', 10)).toEqual([]);
      expect(await store.outbox.progress('mailing-1')).toEqual({
        queued: 0,
        sent: 1,
        failed: [{ to: 'bad@example.org', error: '550 no such user' }],
      });
    });

    it('forgets mail to a person who deletes their account', async () => {
      const user = await store.createUser(
        { email: 'gone@example.org', name: 'Gone', ircNick: null, isOrganizer: false },
        `${kind.name}-gone`,
        at,
      );
      await store.outbox.enqueue([mail('to-gone', 'gone@example.org')], at, ids);
      await store.people.deleteUser(user.id, 'a former participant');
      expect(await store.outbox.has('to-gone')).toBe(false);
    });
  });
}
