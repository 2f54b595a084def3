import type { Kysely } from 'kysely';

/**
 * Why an organiser set the booking rules aside: the reason given when booking over a limit, and
 * when releasing a slot that had started. Both stay empty for ordinary bookings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bookings').addColumn('override_reason', 'text').execute();
  await db.schema.alterTable('bookings').addColumn('cancel_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bookings').dropColumn('cancel_reason').execute();
  await db.schema.alterTable('bookings').dropColumn('override_reason').execute();
}
