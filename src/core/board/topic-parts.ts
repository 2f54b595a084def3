import type { EventState } from '../model/event-state.ts';
import { checkHttpUrl } from '../text/http-url.ts';

/** A piece of a topic as a page shows it: plain text, a mention of a team, or a link. */
export type TopicPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'team'; readonly slug: string; readonly text: string }
  | { readonly kind: 'link'; readonly url: string; readonly text: string };

const mentionOrLink = /https?:\/\/[^\s<>"]+|#[a-z0-9][a-z0-9-]{0,59}/gi;

/**
 * Splits a topic into text, `#team` mentions and links, so every renderer links the same things:
 * a mention only when it names an approved team (`#Nova` and `#nova` alike), a link only when it is
 * a full http(s) address. Trailing punctuation stays text ("see https://x.org/a." links
 * `https://x.org/a`). The parts joined give back the text exactly. Linear in the length of the text.
 */
export function topicParts(state: EventState, text: string): TopicPart[] {
  const approved = new Set(state.teams.filter((team) => team.status === 'approved').map((team) => team.slug));
  const parts: TopicPart[] = [];
  let plain = '';
  let at = 0;
  for (const match of text.matchAll(mentionOrLink)) {
    const start = match.index;
    let found = match[0];
    const before = start > 0 ? text[start - 1] : '';
    let part: TopicPart | null = null;
    if (found.startsWith('#')) {
      const slug = found.slice(1).toLowerCase();
      if (approved.has(slug) && !/[\w/&]/.test(before ?? '')) part = { kind: 'team', slug, text: found };
    } else {
      found = withoutTrailingPunctuation(found);
      const url = checkHttpUrl(found);
      if (url.ok && !/\w/.test(before ?? '')) part = { kind: 'link', url: url.value, text: found };
    }
    if (!part) continue;
    plain += text.slice(at, start);
    if (plain) parts.push({ kind: 'text', text: plain });
    plain = '';
    parts.push(part);
    at = start + found.length;
  }
  plain += text.slice(at);
  if (plain) parts.push({ kind: 'text', text: plain });
  return parts;
}

/** Drops what usually ends the sentence rather than the link; a `)` stays when the link opened one. */
function withoutTrailingPunctuation(url: string): string {
  const opened = url.split('(').length - 1;
  let closed = url.split(')').length - 1;
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1] ?? '';
    if (/[.,;:!?'"\]}>*]/.test(last) || (last === ')' && closed > opened)) {
      if (last === ')') closed--;
      end--;
      continue;
    }
    break;
  }
  return url.slice(0, end);
}
