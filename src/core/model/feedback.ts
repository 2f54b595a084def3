import type { Instant } from './instant.ts';

/** Where a feedback form stands: written but not yet shown, taking answers, or no longer taking them. */
export type FeedbackStatus = 'draft' | 'open' | 'closed';

/** One question of a feedback form: a scale from 1 to 5 with words at both ends, or free text. */
export type FeedbackQuestion =
  | {
      readonly id: string;
      readonly kind: 'scale';
      readonly text: string;
      readonly required: boolean;
      /** what 1 means ("Poor") */
      readonly low: string;
      /** what 5 means ("Excellent") */
      readonly high: string;
    }
  | { readonly id: string; readonly kind: 'text'; readonly text: string; readonly required: boolean };

/** What organisers write: the form's words, its questions, and whether answers are signed. */
export interface FeedbackFormContent {
  readonly title: string;
  readonly intro: string;
  /** true: organisers never see who answered */
  readonly anonymous: boolean;
  readonly questions: readonly FeedbackQuestion[];
}

/** An event's feedback form (one per event). */
export interface FeedbackForm extends FeedbackFormContent {
  readonly eventId: string;
  readonly status: FeedbackStatus;
  readonly updatedAt: Instant;
}

/** One person's answers, by question id: a number from 1 to 5 for a scale, text for free text. */
export type FeedbackValues = Readonly<Record<string, number | string>>;

/** One person's answer to an event's form. */
export interface FeedbackAnswer {
  readonly eventId: string;
  /**
   * Who answered, as a keyed hash of the person and the event: it keeps one answer per person
   * without naming them, so anonymous answers are stored the same way as signed ones.
   */
  readonly respondentKey: string;
  /** the person, for signed forms only; null for anonymous answers */
  readonly userId: string | null;
  readonly values: FeedbackValues;
  readonly answeredAt: Instant;
}

/** An answer as organisers see it: with the person's name when the form is signed. */
export interface FeedbackAnswerView extends FeedbackAnswer {
  readonly name: string | null;
}
