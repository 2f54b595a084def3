import type { Kysely } from 'kysely';
import type { EventDraft } from '../core/draft-schedule/event-draft.ts';
import type { Database } from './schema.ts';

/**
 * Draft schedules made for events, each kept whole until it is older than the caller's cut-off.
 * The same contract on SQLite and PostgreSQL.
 */
export interface DraftStore {
  /** saves a new draft, or the same draft again (once applied); drafts of any event made before `cutOff` are deleted */
  saveDraft(draft: EventDraft, cutOff: string): Promise<void>;
  /** the event's draft with that id, or null (unknown, another event's, or deleted) */
  draft(eventId: string, id: string): Promise<EventDraft | null>;
}

export class KyselyDraftStore implements DraftStore {
  constructor(private readonly db: Kysely<Database>) {}

  async saveDraft(draft: EventDraft, cutOff: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('schedule_drafts').where('created_at', '<', cutOff).execute();
      const row = {
        id: draft.id,
        event_id: draft.eventId,
        created_at: draft.createdAt,
        document_json: JSON.stringify(draft),
      };
      await tx
        .insertInto('schedule_drafts')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ document_json: row.document_json }))
        .execute();
    });
  }

  async draft(eventId: string, id: string): Promise<EventDraft | null> {
    const row = await this.db
      .selectFrom('schedule_drafts')
      .select('document_json')
      .where('event_id', '=', eventId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (JSON.parse(row.document_json) as EventDraft) : null;
  }
}
