import { type Refusal, refusal } from '../errors.ts';
import { count } from '../text/count.ts';

const keyShape = /^[A-Za-z0-9-]{16,64}$/;

/**
 * A mailing goes out only as it was confirmed: the confirmation form carries the key made when it
 * was shown (so sending it twice sends once) and the number of recipients it named, which must
 * still be the number now. Refuses with `invalid_input` (no key, nobody to write to) or
 * `recipients_changed`.
 */
export function checkMailingConfirmation(input: {
  readonly key: string;
  readonly confirmedRecipients: string;
  readonly recipients: number;
}): Refusal | null {
  if (!keyShape.test(input.key))
    return refusal(
      'invalid_input',
      'The confirmation is incomplete: preview the message again and confirm it.',
    );
  if (input.recipients === 0) return refusal('invalid_input', 'Nobody would receive this mailing.');
  const confirmed = /^\d{1,9}$/.test(input.confirmedRecipients) ? Number(input.confirmedRecipients) : null;
  if (confirmed === null)
    return refusal(
      'invalid_input',
      'The confirmation is incomplete: preview the message again and confirm it.',
    );
  if (confirmed !== input.recipients)
    return refusal(
      'recipients_changed',
      `The mailing was confirmed for ${count(confirmed, 'recipient')}, but it would now go to ${input.recipients}; check the preview and confirm again.`,
    );
  return null;
}
