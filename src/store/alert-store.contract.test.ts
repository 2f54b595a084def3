import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { defaultAlertSettings } from '../core/people/alert-settings.ts';
import type { KyselyStore } from './kysely-store.ts';

const at = '2022-10-17T12:00:00Z';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `AlertStore on ${kind.name}`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    const users: Record<string, string> = {};

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      for (const key of ['ada', 'bob']) {
        const user = await store.createUser(
          { email: `${key}@example.org`, name: key, ircNick: null, isOrganizer: false },
          `${kind.name}-alerts-${key}`,
          at,
        );
        users[key] = user.id;
      }
    });

    afterAll(async () => dispose());

    it('gives reminders in the page and no e-mail to someone who never chose, and keeps a choice', async () => {
      expect(await store.alerts.settingsOf(users.ada!)).toEqual(defaultAlertSettings);
      const chosen = { topicMail: true, reminders: false, reminderMail: true };
      await store.alerts.saveSettings(users.ada!, chosen);
      expect(await store.alerts.settingsOf(users.ada!)).toEqual(chosen);
      expect(await store.alerts.settingsOfMany([users.ada!, users.bob!])).toEqual(
        new Map([
          [users.ada!, chosen],
          [users.bob!, defaultAlertSettings],
        ]),
      );
    });

    it('keeps each alert item once, hands them out in order, and forgets them once mailed', async () => {
      await store.alerts.saveSettings(users.ada!, { topicMail: true, reminders: true, reminderMail: false });
      const item = (id: string, minute: number) => ({
        id,
        userId: users.ada!,
        message: `topic ${id}`,
        url: `http://x/${id}`,
        createdAt: `2022-10-17T12:0${minute}:00Z`,
      });
      await store.alerts.addMailItem(item('b', 2));
      await store.alerts.addMailItem(item('a', 1));
      await store.alerts.addMailItem(item('a', 1));
      expect(await store.alerts.waitingMail()).toEqual([{ userId: users.ada!, mailedAt: null }]);
      expect((await store.alerts.mailItems(users.ada!)).map((entry) => entry.id)).toEqual(['a', 'b']);
      await store.alerts.mailed(users.ada!, ['a'], '2022-10-17T12:05:00Z');
      expect(await store.alerts.waitingMail()).toEqual([
        { userId: users.ada!, mailedAt: '2022-10-17T12:05:00Z' },
      ]);
      await store.alerts.mailed(users.ada!, ['b'], '2022-10-17T12:10:00Z');
      expect(await store.alerts.waitingMail()).toEqual([]);
    });

    it('drops waiting alert items when the person stops topic e-mail', async () => {
      await store.alerts.addMailItem({ id: 'c', userId: users.ada!, message: 'm', url: 'u', createdAt: at });
      await store.alerts.saveSettings(users.ada!, { topicMail: false, reminders: true, reminderMail: false });
      expect(await store.alerts.mailItems(users.ada!)).toEqual([]);
    });
  });
}
