import { type Checked, failed, passed } from '../checked.ts';
import { findBidiControl, looksEmpty } from './invisible.ts';
import { hasLoneSurrogate } from './well-formed.ts';

/**
 * One line of user text, as it will be shown: control characters become spaces, runs of spaces
 * collapse, and the length is bounded so nobody can flood a page or a channel.
 * Refuses with `invalid_input` when empty (unless allowed) or made only of invisible characters,
 * too long, or holding what `checkUnicode` refuses; invisible-only text that may be empty is empty.
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
  const unicode = checkUnicode(value, what);
  if (unicode) return unicode;
  if (looksEmpty(value)) return allowEmpty ? passed('') : failed('invalid_input', `The ${what} is empty.`);
  if (value.length > maxLength) return failed('invalid_input', tooLong(what, maxLength));
  return passed(value);
}

/** Multi-line text such as Markdown content: keeps line breaks, drops other control characters. */
export function checkText(text: string, what: string, maxLength: number): Checked<string> {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const value = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  const unicode = checkUnicode(value, what);
  if (unicode) return unicode;
  if (value.length > maxLength) return failed('invalid_input', tooLong(what, maxLength));
  return passed(value);
}

/**
 * Refuses (`invalid_input`) text that is not Unicode (a lone surrogate) or that holds a bidi
 * control, which could make it show as something else; null when the text is fine.
 */
export function checkUnicode(text: string, what: string): Checked<never> | null {
  if (hasLoneSurrogate(text))
    return failed('invalid_input', `The ${what} is not valid Unicode text (it holds a lone surrogate).`);
  const bidi = findBidiControl(text);
  if (bidi)
    return failed(
      'invalid_input',
      `The ${what} cannot contain ${bidi}, a character that changes the direction of the text after it.`,
    );
  return null;
}

function tooLong(what: string, maxLength: number): string {
  return `The ${what} is too long: at most ${maxLength} characters.`;
}
