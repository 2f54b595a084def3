import { type Checked, failed } from '../checked.ts';
import { checkLine } from './plain-text.ts';

/**
 * Markup: an HTML element people know (`<script>`, `</b>`, `<img …>`), or any tag with an attribute
 * (`<x onclick=…>`, and `<x/onclick=…>`: browsers take a slash between attributes as a space).
 * Angle brackets in ordinary text — `a < b`, `<https://…>`, `R & <D>` — are not.
 */
const tag = new RegExp(
  [
    '<\\/?(?:a|abbr|audio|b|base|body|br|button|code|details|div|em|embed|font|form|frame|frameset|h[1-6]|head|html',
    '|i|iframe|img|input|li|link|marquee|math|meta|noscript|object|ol|option|p|pre|s|script|select|source|span|strong',
    '|style|sub|sup|svg|table|tbody|td|template|textarea|th|title|tr|u|ul|video)(?=[\\s/>])[^>]*>',
    '|<[a-z][a-z0-9-]*[\\s/]+[^>]*=[^>]*>',
  ].join(''),
  'i',
);

/**
 * A line that names something or someone (a team, a room, an event, a person, a banner): checked like
 * `checkLine`, and refused when it holds an HTML tag, which no name needs. Everything shown is
 * escaped anyway; this keeps markup out of what is stored. Refuses with `invalid_input`.
 */
export function checkName(
  text: string,
  what: string,
  maxLength: number,
  allowEmpty = false,
): Checked<string> {
  const line = checkLine(text, what, maxLength, allowEmpty);
  if (line.ok && tag.test(line.value))
    return failed(
      'invalid_input',
      `The ${what} cannot contain HTML tags such as ${tag.exec(line.value)?.[0].slice(0, 30)}.`,
    );
  return line;
}
