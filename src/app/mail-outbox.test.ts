import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailCatcher } from '../../test/support/mail-catcher.ts';
import { runtimeOn, type TestRuntime } from '../../test/support/runtime.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import type { Mailer } from '../mail/mailer.ts';
import { KyselyStore } from '../store/kysely-store.ts';
import { MailSender, mailProgress, queueMail } from './mail-outbox.ts';

const at = '2022-10-17T12:00:00Z';
const sqlite = storeKinds.find((kind) => kind.name === 'sqlite') as (typeof storeKinds)[number];
const postgres = storeKinds.find((kind) => kind.name === 'postgres') as (typeof storeKinds)[number];

describe('MailSender over SMTP', () => {
  let catcher: MailCatcher;
  let mailer: Mailer;
  let runtime: Omit<TestRuntime, 'tokens'>;
  let sender: MailSender;

  beforeAll(async () => {
    catcher = await MailCatcher.start((address) => address === 'nobody@example.org');
    mailer = catcher.mailer();
    runtime = runtimeOn(await sqlite.open(), at);
    sender = new MailSender(runtime, mailer, { pollMs: 50, retryMinutes: [5] });
    sender.start();
  });
  afterEach(() => catcher.clear());
  afterAll(async () => {
    await sender.stop();
    mailer.close();
    await catcher.close();
    await runtime.close();
  });

  it('sends queued mail at once, and a key queued again is not sent again', async () => {
    const mail = { key: 'welcome:ana', to: 'ana@example.org', subject: 'Welcome', text: 'Hello Ana.' };
    expect(await queueMail(runtime, [mail])).toBe(1);
    expect((await catcher.waitFor('ana@example.org')).subject).toBe('Welcome');
    expect(await queueMail(runtime, [mail])).toBe(0);
    expect(await sender.flush(2000)).toBe(true);
    expect(catcher.messages).toHaveLength(1);
  });

  it('waits for a message’s time before sending it', async () => {
    await queueMail(runtime, [
      {
        key: 'later:bo',
        to: 'bo@example.org',
        subject: 'Later',
        text: 'Soon.',
        notBefore: '2022-10-17T13:00:00Z',
      },
    ]);
    expect(await sender.flush(2000)).toBe(true);
    expect(catcher.messages).toEqual([]);
    runtime.clock.set('2022-10-17T13:00:00Z');
    sender.wake();
    expect((await catcher.waitFor('bo@example.org')).subject).toBe('Later');
  });

  it('retries a refused address once its wait is over, then lists it as failed in its batch', async () => {
    await queueMail(runtime, [
      { key: 'm1:cy', batch: 'm1', to: 'cy@example.org', subject: 'News', text: 'News.' },
      { key: 'm1:nobody', batch: 'm1', to: 'nobody@example.org', subject: 'News', text: 'News.' },
    ]);
    await catcher.waitFor('cy@example.org');
    expect(await sender.flush(2000)).toBe(true);
    expect(await mailProgress(runtime, 'm1')).toEqual({ queued: 1, sent: 1, failed: [] });
    runtime.clock.set('2022-10-17T13:10:00Z');
    expect(await sender.flush(2000)).toBe(true);
    const progress = await mailProgress(runtime, 'm1');
    expect(progress.queued).toBe(0);
    expect(progress.sent).toBe(1);
    expect(progress.failed.map((failure) => failure.to)).toEqual(['nobody@example.org']);
    expect(progress.failed[0]?.error).toMatch(/550/);
  });
});

describeWithService(
  'PostgreSQL',
  postgres.available,
  'MailSender on two instances of one PostgreSQL database',
  () => {
    it('sends each of 60 messages exactly once when two processes’ senders take from the same outbox', async () => {
      const catcher = await MailCatcher.start();
      const opened = await postgres.open();
      const first = runtimeOn(opened, at);
      const otherStore = KyselyStore.open(opened.url);
      const second = runtimeOn({ store: otherStore, url: opened.url, dispose: () => otherStore.close() }, at);
      const [mailerA, mailerB] = [catcher.mailer(), catcher.mailer()];
      const senders = [
        new MailSender(first, mailerA, { pollMs: 20, batchSize: 5 }),
        new MailSender(second, mailerB, { pollMs: 20, batchSize: 5 }),
      ];
      try {
        await queueMail(
          first,
          Array.from({ length: 60 }, (_, n) => ({
            key: `burst:${n}`,
            to: `person${n}@example.org`,
            subject: `Message ${n}`,
            text: 'Hello.',
          })),
        );
        for (const sender of senders) sender.start();
        for (let n = 0; n < 60; n++) await catcher.waitFor(`person${n}@example.org`);
        await Promise.all(senders.map((sender) => sender.flush(2000)));
        expect(catcher.messages).toHaveLength(60);
        expect(new Set(catcher.messages.map((mail) => mail.subject)).size).toBe(60);
      } finally {
        await Promise.all(senders.map((sender) => sender.stop()));
        mailerA.close();
        mailerB.close();
        await catcher.close();
        await second.close();
        await first.close();
      }
    });
  },
);
