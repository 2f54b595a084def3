import { checkHttpUrl } from './http-url.ts';

/** A piece of a topic as pages show it: plain text, a web link, or a mention of a team. */
export type TopicPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'team'; readonly text: string; readonly slug: string };

// One pass, no nested quantifiers: linear in the length of the topic.
const token = /https?:\/\/[^\s<>"'`]+|#[a-z0-9][a-z0-9-]*/gi;
const trailing = /[.,;:!?)\]}]+$/;

/**
 * Splits a topic into text, links and team mentions, so pages can link them without ever treating
 * the text as markup. Only http(s) addresses that `checkHttpUrl` accepts become links (trailing
 * punctuation stays text); `#slug` becomes a mention only when `isTeam(slug)` says the team exists.
 */
export function topicParts(text: string, isTeam: (slug: string) => boolean): TopicPart[] {
  const parts: TopicPart[] = [];
  let plain = '';
  let at = 0;
  for (const match of text.matchAll(token)) {
    const index = match.index ?? 0;
    let found = match[0];
    let part: TopicPart | null = null;
    if (found.startsWith('#')) {
      const slug = found.slice(1).toLowerCase().replace(/-+$/, '');
      found = found.slice(0, slug.length + 1);
      if (isTeam(slug)) part = { kind: 'team', text: found, slug };
    } else {
      found = found.replace(trailing, '');
      const url = checkHttpUrl(found);
      if (url.ok) part = { kind: 'link', text: found, url: url.value };
    }
    if (!part) continue;
    plain += text.slice(at, index);
    if (plain) parts.push({ kind: 'text', text: plain });
    plain = '';
    parts.push(part);
    at = index + found.length;
  }
  plain += text.slice(at);
  if (plain) parts.push({ kind: 'text', text: plain });
  return parts;
}
