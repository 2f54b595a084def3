import type { Kysely, Transaction } from 'kysely';
import type { Checked } from '../core/checked.ts';
import type {
  FeedbackAnswer,
  FeedbackAnswerView,
  FeedbackForm,
  FeedbackQuestion,
  FeedbackStatus,
} from '../core/model/feedback.ts';
import type { Dialect } from './database.ts';
import type { Database, FeedbackAnswersTable, FeedbackFormsTable } from './schema.ts';

/**
 * Events' feedback forms and the answers to them. A form changes, and an answer is saved, each in
 * one transaction holding the form's row (locked on PostgreSQL, under the write lock on SQLite), so
 * the decision on a form's questions and the answers to them never race. The same contract on
 * SQLite and PostgreSQL.
 */
export interface FeedbackStore {
  form(eventId: string): Promise<FeedbackForm | null>;
  /**
   * Decides on the event's form as it is, with how many answers it has, and saves what the decision
   * makes of it; a refusal saves nothing.
   */
  changeForm(
    eventId: string,
    decide: (current: FeedbackForm | null, answers: number) => Checked<FeedbackForm>,
  ): Promise<Checked<FeedbackForm>>;
  /**
   * Decides on an answer against the form as it is, and saves it as the person's one answer
   * (replacing their earlier one); a refusal saves nothing. `created` is false for a replacement.
   */
  saveAnswer(
    eventId: string,
    respondentKey: string,
    decide: (form: FeedbackForm | null) => Checked<FeedbackAnswer>,
  ): Promise<Checked<{ answer: FeedbackAnswer; created: boolean }>>;
  answerOf(eventId: string, respondentKey: string): Promise<FeedbackAnswer | null>;
  /**
   * Every answer to the event's form with the person's name on signed ones, in the order of their
   * keys: neither the time nor the person orders them, so the order tells nothing about who answered.
   */
  answers(eventId: string): Promise<FeedbackAnswerView[]>;
  countAnswers(eventId: string): Promise<number>;
}

export class KyselyFeedbackStore implements FeedbackStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async form(eventId: string): Promise<FeedbackForm | null> {
    return lockedForm(this.db, this.dialect, eventId, false);
  }

  async changeForm(
    eventId: string,
    decide: (current: FeedbackForm | null, answers: number) => Checked<FeedbackForm>,
  ): Promise<Checked<FeedbackForm>> {
    return this.db.transaction().execute(async (tx) => {
      const current = await lockedForm(tx, this.dialect, eventId, true);
      const decided = decide(current, await countIn(tx, eventId));
      if (!decided.ok) return decided;
      const row = formToRow(decided.value);
      await tx
        .insertInto('feedback_forms')
        .values(row)
        .onConflict((oc) => oc.column('event_id').doUpdateSet({ ...row }))
        .execute();
      return decided;
    });
  }

  async saveAnswer(
    eventId: string,
    respondentKey: string,
    decide: (form: FeedbackForm | null) => Checked<FeedbackAnswer>,
  ): Promise<Checked<{ answer: FeedbackAnswer; created: boolean }>> {
    return this.db.transaction().execute(async (tx) => {
      const decided = decide(await lockedForm(tx, this.dialect, eventId, true));
      if (!decided.ok) return decided;
      const row = answerToRow(decided.value);
      const earlier = await tx
        .deleteFrom('feedback_answers')
        .where('event_id', '=', eventId)
        .where('respondent_key', '=', respondentKey)
        .returning('respondent_key')
        .execute();
      await tx.insertInto('feedback_answers').values(row).execute();
      return { ok: true, value: { answer: decided.value, created: earlier.length === 0 } };
    });
  }

  async answerOf(eventId: string, respondentKey: string): Promise<FeedbackAnswer | null> {
    const row = await this.db
      .selectFrom('feedback_answers')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('respondent_key', '=', respondentKey)
      .executeTakeFirst();
    return row ? answerFromRow(row) : null;
  }

  async answers(eventId: string): Promise<FeedbackAnswerView[]> {
    const rows = await this.db
      .selectFrom('feedback_answers')
      .leftJoin('users', 'users.id', 'feedback_answers.user_id')
      .selectAll('feedback_answers')
      .select('users.name as name')
      .where('feedback_answers.event_id', '=', eventId)
      .orderBy('feedback_answers.respondent_key')
      .execute();
    return rows.map((row) => ({ ...answerFromRow(row), name: row.name ?? null }));
  }

  async countAnswers(eventId: string): Promise<number> {
    return countIn(this.db, eventId);
  }
}

async function lockedForm(
  db: Kysely<Database> | Transaction<Database>,
  dialect: Dialect,
  eventId: string,
  lock: boolean,
): Promise<FeedbackForm | null> {
  let query = db.selectFrom('feedback_forms').selectAll().where('event_id', '=', eventId);
  if (lock && dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? formFromRow(row) : null;
}

async function countIn(db: Kysely<Database> | Transaction<Database>, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('feedback_answers')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function formToRow(form: FeedbackForm): FeedbackFormsTable {
  return {
    event_id: form.eventId,
    title: form.title,
    intro: form.intro,
    anonymous: form.anonymous ? 1 : 0,
    questions_json: JSON.stringify(form.questions),
    status: form.status,
    updated_at: form.updatedAt,
  };
}

function formFromRow(row: FeedbackFormsTable): FeedbackForm {
  return {
    eventId: row.event_id,
    title: row.title,
    intro: row.intro,
    anonymous: Number(row.anonymous) === 1,
    questions: JSON.parse(row.questions_json) as FeedbackQuestion[],
    status: row.status as FeedbackStatus,
    updatedAt: row.updated_at,
  };
}

function answerToRow(answer: FeedbackAnswer): FeedbackAnswersTable {
  return {
    event_id: answer.eventId,
    respondent_key: answer.respondentKey,
    user_id: answer.userId,
    values_json: JSON.stringify(answer.values),
    answered_at: answer.answeredAt,
  };
}

function answerFromRow(row: FeedbackAnswersTable): FeedbackAnswer {
  return {
    eventId: row.event_id,
    respondentKey: row.respondent_key,
    userId: row.user_id,
    values: JSON.parse(row.values_json) as FeedbackAnswer['values'],
    answeredAt: row.answered_at,
  };
}
