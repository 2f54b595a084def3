import { RE2JS } from 're2js';
import type { Change } from '../changes.ts';
import { type Checked, failed, passed } from '../checked.ts';
import { refuse } from '../decision.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import { type PersonalDecision, personal } from './personal-decision.ts';
import { describeTeamWhere } from './presence.ts';

const maxPatternLength = 300;
const maxTerms = 20;

/**
 * What a subscriber listens for. Either any of some terms (a word or phrase matches where a word
 * starts, in any case; `#team` matches that team's topics and topics that mention it), or one
 * regular expression run by RE2, which takes time linear in the text whatever the pattern: no
 * pattern can make the bot hang.
 */
export type TopicFilter =
  | { readonly kind: 'terms'; readonly words: readonly string[]; readonly teams: readonly string[] }
  | { readonly kind: 'regex'; readonly regex: RE2JS };

/** A topic as subscribers see it. */
export interface TopicEvent {
  readonly team: string;
  readonly verb: 'now' | 'next';
  readonly text: string;
}

/** Characters that make a pattern a regular expression even without slashes (ptgbot's patterns). */
const regexSyntax = /[|*()[\]\\^${}]/;

/**
 * Reads a subscription pattern: `/…/` or anything with regular-expression syntax is a regular
 * expression (RE2 syntax, case-insensitive, matched against `#team now text` as ptgbot did);
 * otherwise words, "quoted phrases" and #teams, any of which may match.
 * Refuses with `invalid_input`.
 */
export function parseTopicFilter(pattern: string): Checked<TopicFilter> {
  const text = pattern.trim();
  if (!text) return failed('invalid_input', 'The pattern is empty.');
  if (text.length > maxPatternLength) {
    return failed('invalid_input', `The pattern is too long: at most ${maxPatternLength} characters.`);
  }
  const slashed = /^\/(.+)\/$/.exec(text);
  if (slashed?.[1] || regexSyntax.test(text)) return compileRegex(slashed?.[1] ?? text);
  const words: string[] = [];
  const teams: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    if (!term) continue;
    if (/^#[a-z0-9][a-z0-9-]*$/.test(term)) teams.push(term.slice(1));
    else words.push(term);
  }
  if (words.length + teams.length === 0) return failed('invalid_input', 'The pattern has no words in it.');
  if (words.length + teams.length > maxTerms) {
    return failed('invalid_input', `A pattern can have at most ${maxTerms} words, phrases and teams.`);
  }
  return passed({ kind: 'terms', words, teams });
}

function compileRegex(source: string): Checked<TopicFilter> {
  try {
    return passed({ kind: 'regex', regex: RE2JS.compile(source, RE2JS.CASE_INSENSITIVE) });
  } catch {
    return failed(
      'invalid_input',
      `"${source.slice(0, 60)}" is not a regular expression I can use (RE2 syntax; no look-around or back-references).`,
    );
  }
}

/** Whether a topic is one the filter listens for. */
export function topicMatches(filter: TopicFilter, topic: TopicEvent): boolean {
  const subject = `#${topic.team} ${topic.verb} ${topic.text}`.toLowerCase();
  if (filter.kind === 'regex') return filter.regex.test(subject);
  if (
    filter.teams.some((team) => team === topic.team.toLowerCase() || startsWordAt(subject, `#${team}`, true))
  )
    return true;
  const spaced = subject.replace(/\s+/g, ' ');
  return filter.words.some((word) => startsWordAt(spaced, word, false));
}

/** `needle` occurs in `text` where a word starts (and, for a #team, where it ends too). */
function startsWordAt(text: string, needle: string, whole: boolean): boolean {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const before = at === 0 ? '' : (text[at - 1] ?? '');
    const after = text[at + needle.length] ?? '';
    if (isWordChar(before)) continue;
    if (whole && (isWordChar(after) || after === '-')) continue;
    return true;
  }
  return false;
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}_]/u.test(char);
}

/** Where a subscriber's alerts can actually reach them; a reply never promises any other. */
export type AlertChannel = 'pages' | 'email' | 'irc';

const channelWords: Record<AlertChannel, string> = {
  pages: 'on any Convene page you have open while signed in',
  email: 'by e-mail (at most one every few minutes)',
  irc: 'by private message on IRC',
};

/** "a, b and c", for the channels a subscriber is reached by. */
function describeChannels(channels: readonly AlertChannel[]): string {
  const words = channels.map((channel) => channelWords[channel]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Sets the actor's subscription, or with no pattern says what it is. The reply names the channels
 * that will carry matching topics (`channels`, worked out by the adapter: an account's open pages,
 * e-mail when chosen, IRC when the bot is there and knows the nick) and no other.
 * Refuses with `unauthenticated` (no account and no nick: nothing could deliver) or `invalid_input`.
 */
export function subscribe(
  current: string | null,
  input: { pattern: string | null; channels: readonly AlertChannel[] },
): PersonalDecision<string> {
  if (input.channels.length === 0) {
    return refuse('unauthenticated', 'Subscribing needs a Convene account: sign in, or link your IRC nick.');
  }
  if (input.pattern === null || !input.pattern.trim()) {
    return personal(
      null,
      current
        ? `You are subscribed to: ${current}`
        : 'You have no subscription. Send: +subscribe followed by words, "phrases", #teams or /a regex/.',
    );
  }
  const checked = parseTopicFilter(input.pattern);
  if (!checked.ok) return checked;
  const pattern = input.pattern.trim();
  const was = current && current !== pattern ? ` (it was: ${current})` : '';
  return personal(
    pattern,
    `Subscribed to: ${pattern}${was}. Matching topics will reach you ${describeChannels(input.channels)}.`,
  );
}

/** Ends the actor's subscription. Refuses with `unauthenticated` when nobody could have one. */
export function unsubscribe(
  current: string | null,
  channels: readonly AlertChannel[],
): PersonalDecision<'removed'> {
  if (channels.length === 0) {
    return refuse('unauthenticated', 'Subscribing needs a Convene account: sign in, or link your IRC nick.');
  }
  if (!current) return personal(null, 'You have no subscription.');
  return personal('removed', `Unsubscribed from: ${current}`);
}
/** Someone to tell about a topic: their subscription, already read. */
export interface Subscriber {
  readonly userId: string;
  readonly filter: TopicFilter;
}

/**
 * Who hears about the topics a revision sets, and what they read: each subscriber whose filter
 * matches, once per topic, except the person who set it. Only approved teams' topics are told.
 */
export function topicAlerts(
  state: EventState,
  changes: readonly Change[],
  subscribers: readonly Subscriber[],
  actorId: string | null,
  now: Instant,
): { userId: string; team: string; message: string }[] {
  const alerts: { userId: string; team: string; message: string }[] = [];
  for (const change of changes) {
    if (change.type !== 'board.now-set' && change.type !== 'board.next-added') continue;
    const team = state.teams.find((candidate) => candidate.id === change.teamId);
    if (team?.status !== 'approved') continue;
    const verb = change.type === 'board.now-set' ? 'now' : 'next';
    const topic: TopicEvent = { team: team.slug, verb, text: change.topic.text };
    const message = `${describeTeamWhere(state, team, now)} ${verb}: ${change.topic.text}`;
    for (const subscriber of subscribers) {
      if (subscriber.userId !== actorId && topicMatches(subscriber.filter, topic))
        alerts.push({ userId: subscriber.userId, team: team.slug, message });
    }
  }
  return alerts;
}
