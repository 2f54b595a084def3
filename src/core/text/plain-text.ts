import { type Checked, failed, passed } from '../checked.ts';

/**
 * One line of user text, as it will be shown: control characters become spaces, runs of spaces
 * collapse, and the length is bounded so nobody can flood a page or a channel.
 * Refuses with `invalid_input` when empty (unless allowed) or too long.
 */
export function checkLine(
  text: string,
  what: string,
  maxLength: number,
  allowEmpty = false,
): Checked<string> {
  const value = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!value && !allowEmpty) return failed('invalid_input', `The ${what} is empty.`);
  if (value.length > maxLength) return failed('invalid_input', tooLong(what, maxLength));
  return passed(value);
}

/** Multi-line text such as Markdown content: keeps line breaks, drops other control characters. */
export function checkText(text: string, what: string, maxLength: number): Checked<string> {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const value = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  if (value.length > maxLength) return failed('invalid_input', tooLong(what, maxLength));
  return passed(value);
}

function tooLong(what: string, maxLength: number): string {
  return `The ${what} is too long: at most ${maxLength} characters.`;
}
