import { type Checked, failed, passed } from '../checked.ts';
import { checkName } from '../text/check-name.ts';
import { checkText } from '../text/plain-text.ts';

export interface Broadcast {
  readonly subject: string;
  readonly body: string;
}

/**
 * A message organisers send to many people (registrants, newsletter subscribers): a one-line
 * subject and a plain-text body, both required and bounded. Refuses with `invalid_input`.
 */
export function checkMailMessage(input: { subject: string; body: string }): Checked<Broadcast> {
  const subject = checkName(input.subject, 'subject', 200);
  if (!subject.ok) return subject;
  const body = checkText(input.body, 'message', 20_000);
  if (!body.ok) return body;
  if (!body.value.trim()) return failed('invalid_input', 'The message is empty.');
  return passed({ subject: subject.value, body: body.value.trim() });
}
