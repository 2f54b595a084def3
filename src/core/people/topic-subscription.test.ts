import { describe, expect, it } from 'vitest';
import { buildEventState, novaModerator } from '../../../test/support/builders.ts';
import type { Change } from '../changes.ts';
import {
  parseTopicFilter,
  subscribe,
  type TopicEvent,
  type TopicFilter,
  topicAlerts,
  topicMatches,
  unsubscribe,
} from './topic-subscription.ts';

function filter(pattern: string): TopicFilter {
  const parsed = parseTopicFilter(pattern);
  if (!parsed.ok) throw new Error(parsed.refusal.message);
  return parsed.value;
}

const topic = (team: string, text: string, verb: 'now' | 'next' = 'now'): TopicEvent => ({
  team,
  verb,
  text,
});

describe('topic filters', () => {
  it('matches a word or phrase where a word starts, in any case; words are alternatives', () => {
    const words = filter('placement "live migration"');
    expect(topicMatches(words, topic('nova', 'Placement cleanup'))).toBe(true);
    expect(topicMatches(words, topic('nova', 'placements and more'))).toBe(true);
    expect(topicMatches(words, topic('nova', 'LIVE   migration of volumes'))).toBe(true);
    expect(topicMatches(words, topic('nova', 'replacement parts'))).toBe(false);
    expect(topicMatches(words, topic('nova', 'live-ish migration'))).toBe(false);
  });

  it('matches a #team on the team’s own topics and on topics that mention it', () => {
    const cinder = filter('#Cinder');
    expect(topicMatches(cinder, topic('cinder', 'Backups'))).toBe(true);
    expect(topicMatches(cinder, topic('nova', 'Multi-attach with #cinder'))).toBe(true);
    expect(topicMatches(cinder, topic('nova', 'Multi-attach with #cinder-backup'))).toBe(false);
    expect(topicMatches(cinder, topic('nova', 'Cinder, without a hash'))).toBe(false);
  });

  it('reads /…/ and ptgbot-style patterns as RE2 regular expressions against "#team verb text"', () => {
    expect(topicMatches(filter('/^#nova now .*test/'), topic('nova', 'Functional TESTS'))).toBe(true);
    expect(topicMatches(filter('/^#nova now .*test/'), topic('nova', 'Functional tests', 'next'))).toBe(
      false,
    );
    const ptgbot = filter('#nova.*test|python *3');
    expect(topicMatches(ptgbot, topic('cinder', 'dropping Python 3.8'))).toBe(true);
    expect(topicMatches(ptgbot, topic('nova', 'unit testing'))).toBe(true);
    expect(topicMatches(ptgbot, topic('cinder', 'unit testing'))).toBe(false);
  });

  it('matches in linear time: a pattern that makes backtracking engines hang answers at once', () => {
    const text = `${'a'.repeat(5000)}!`;
    expect(topicMatches(filter('/(a+)+$/'), topic('nova', text))).toBe(false);
    expect(topicMatches(filter('/(a|aa)+$/'), topic('nova', text))).toBe(false);
    expect(topicMatches(filter('/(a+)+!$/'), topic('nova', text))).toBe(true);
  });

  it('refuses empty, overlong, unreadable and too-many-term patterns (invalid_input)', () => {
    for (const pattern of [
      '',
      '   ',
      '""',
      'x'.repeat(301),
      '/(?<=a)b/',
      '/(a)\\1/',
      Array(21).fill('w').join(' '),
    ]) {
      expect(parseTopicFilter(pattern)).toMatchObject({ ok: false, refusal: { code: 'invalid_input' } });
    }
  });
});

describe('subscribe and unsubscribe', () => {
  it('sets a pattern, replacing the old one, and shows it when asked', () => {
    expect(subscribe(null, { pattern: ' #cinder "live migration" ', channels: ['irc'] })).toEqual({
      ok: true,
      effect: '#cinder "live migration"',
      reply:
        'Subscribed to: #cinder "live migration". Matching topics will reach you by private message on IRC.',
    });
    expect(subscribe('placement', { pattern: 'backups', channels: ['pages', 'email', 'irc'] })).toMatchObject(
      {
        reply:
          'Subscribed to: backups (it was: placement). Matching topics will reach you on any Convene page you have open while signed in, by e-mail (at most one every few minutes) and by private message on IRC.',
      },
    );
    expect(subscribe('placement', { pattern: null, channels: ['pages'] })).toEqual({
      ok: true,
      effect: null,
      reply: 'You are subscribed to: placement',
    });
  });

  it('refuses a bad pattern, and anyone whom nothing could reach (no account, no nick)', () => {
    expect(subscribe(null, { pattern: '/(?=x)/', channels: ['pages'] })).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(subscribe(null, { pattern: 'x', channels: [] })).toMatchObject({
      refusal: { code: 'unauthenticated' },
    });
    expect(unsubscribe('x', [])).toMatchObject({ refusal: { code: 'unauthenticated' } });
  });

  it('unsubscribes, and says so when there was nothing to end', () => {
    expect(unsubscribe('placement', ['pages'])).toEqual({
      ok: true,
      effect: 'removed',
      reply: 'Unsubscribed from: placement',
    });
    expect(unsubscribe(null, ['pages'])).toEqual({
      ok: true,
      effect: null,
      reply: 'You have no subscription.',
    });
  });
});

describe('topicAlerts', () => {
  const state = buildEventState();
  const id = (slug: string) => state.teams.find((team) => team.slug === slug)!.id;
  const now = '2022-10-17T12:00:00Z';
  const changes: Change[] = [
    { type: 'board.now-set', teamId: id('nova'), topic: { text: 'Placement with #cinder', at: now } },
    { type: 'board.next-added', teamId: id('cinder'), topic: { text: 'Backups', at: now } },
    { type: 'board.now-set', teamId: id('pending'), topic: { text: 'Placement', at: now } },
  ];

  it('tells each matching subscriber once per topic, never the person who set it nor about unlisted teams', () => {
    const subscribers = [
      { userId: 'user-attendee', filter: filter('#cinder') },
      { userId: 'user-nova', filter: filter('placement') },
      { userId: 'user-other', filter: filter('nothing-matches') },
    ];
    expect(topicAlerts(state, changes, subscribers, novaModerator.userId, now)).toEqual([
      { userId: 'user-attendee', team: 'nova', message: '#nova now: Placement with #cinder' },
      { userId: 'user-attendee', team: 'cinder', message: '#cinder next: Backups' },
    ]);
  });
});
