import { type Checked, failed, passed } from '../checked.ts';

const maxUrlLength = 2000;

/**
 * Accepts only absolute http(s) links with a host, so nothing like `javascript:` ever reaches a page.
 * Returns the normalised form; refuses with `invalid_url`.
 */
export function checkHttpUrl(text: string): Checked<string> {
  const trimmed = text.trim();
  if (trimmed.length > maxUrlLength) {
    return failed('invalid_url', `Links can be at most ${maxUrlLength} characters.`);
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return failed('invalid_url', notALink(trimmed));
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    return failed('invalid_url', notALink(trimmed));
  }
  return passed(url.href);
}

function notALink(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `"${shown}" is not a full http(s) link.`;
}
