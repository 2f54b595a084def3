import type { Kysely } from 'kysely';
import { type AlertSettings, defaultAlertSettings } from '../core/people/alert-settings.ts';
import type { Database } from './schema.ts';

/** An alert waiting for its owner's next batched e-mail. */
export interface AlertMailItem {
  readonly id: string;
  readonly userId: string;
  readonly message: string;
  readonly url: string;
  readonly createdAt: string;
}

/** People's alert choices and the alerts waiting for their batched e-mail. */
export interface AlertStore {
  settingsOf(userId: string): Promise<AlertSettings>;
  /** the settings of many people at once; those who never chose get the defaults */
  settingsOfMany(userIds: readonly string[]): Promise<Map<string, AlertSettings>>;
  saveSettings(userId: string, settings: AlertSettings): Promise<void>;
  /** keeps the item once: adding an item with the same id again does nothing */
  addMailItem(item: AlertMailItem): Promise<void>;
  /** people with alerts waiting, and when their last alert e-mail was queued */
  waitingMail(): Promise<{ userId: string; mailedAt: string | null }[]>;
  mailItems(userId: string): Promise<AlertMailItem[]>;
  /** the items went into an e-mail queued at `at`: forget them, and remember when */
  mailed(userId: string, itemIds: readonly string[], at: string): Promise<void>;
}

/** `AlertStore` over Kysely, for SQLite and PostgreSQL alike. */
export class KyselyAlertStore implements AlertStore {
  constructor(private readonly db: Kysely<Database>) {}

  async settingsOf(userId: string): Promise<AlertSettings> {
    return (await this.settingsOfMany([userId])).get(userId) ?? defaultAlertSettings;
  }

  async settingsOfMany(userIds: readonly string[]): Promise<Map<string, AlertSettings>> {
    const found = new Map<string, AlertSettings>(userIds.map((id) => [id, defaultAlertSettings]));
    if (userIds.length === 0) return found;
    const rows = await this.db
      .selectFrom('alert_settings')
      .selectAll()
      .where('user_id', 'in', [...userIds])
      .execute();
    for (const row of rows) {
      found.set(row.user_id, {
        topicMail: row.topic_mail === 1,
        reminders: row.reminders === 1,
        reminderMail: row.reminder_mail === 1,
      });
    }
    return found;
  }

  async saveSettings(userId: string, settings: AlertSettings): Promise<void> {
    const values = {
      topic_mail: settings.topicMail ? 1 : 0,
      reminders: settings.reminders ? 1 : 0,
      reminder_mail: settings.reminderMail ? 1 : 0,
    };
    await this.db
      .insertInto('alert_settings')
      .values({ user_id: userId, ...values, mailed_at: null })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    if (!settings.topicMail)
      await this.db.deleteFrom('alert_mail_items').where('user_id', '=', userId).execute();
  }

  async addMailItem(item: AlertMailItem): Promise<void> {
    await this.db
      .insertInto('alert_mail_items')
      .values({
        id: item.id,
        user_id: item.userId,
        message: item.message,
        url: item.url,
        created_at: item.createdAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async waitingMail(): Promise<{ userId: string; mailedAt: string | null }[]> {
    const rows = await this.db
      .selectFrom('alert_mail_items')
      .leftJoin('alert_settings', 'alert_settings.user_id', 'alert_mail_items.user_id')
      .select(['alert_mail_items.user_id', 'alert_settings.mailed_at'])
      .groupBy(['alert_mail_items.user_id', 'alert_settings.mailed_at'])
      .orderBy('alert_mail_items.user_id')
      .execute();
    return rows.map((row) => ({ userId: row.user_id, mailedAt: row.mailed_at ?? null }));
  }

  async mailItems(userId: string): Promise<AlertMailItem[]> {
    const rows = await this.db
      .selectFrom('alert_mail_items')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      message: row.message,
      url: row.url,
      createdAt: row.created_at,
    }));
  }

  async mailed(userId: string, itemIds: readonly string[], at: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (itemIds.length > 0)
        await tx
          .deleteFrom('alert_mail_items')
          .where('id', 'in', [...itemIds])
          .execute();
      await tx.updateTable('alert_settings').set({ mailed_at: at }).where('user_id', '=', userId).execute();
    });
  }
}
