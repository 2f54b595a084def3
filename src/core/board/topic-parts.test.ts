import { describe, expect, it } from 'vitest';
import { buildEventState } from '../../../test/support/builders.ts';
import { topicParts } from './topic-parts.ts';

const state = buildEventState();

describe('topicParts', () => {
  it('splits out mentions of approved teams, in any case, and full http(s) links', () => {
    expect(topicParts(state, 'Multi-attach with #Cinder, see https://review.example.org/c/123.')).toEqual([
      { kind: 'text', text: 'Multi-attach with ' },
      { kind: 'team', slug: 'cinder', text: '#Cinder' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', url: 'https://review.example.org/c/123', text: 'https://review.example.org/c/123' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves unknown or unapproved teams, words glued to a #, and non-http schemes as text', () => {
    for (const text of [
      '#glance and #pending',
      'issue#nova',
      'javascript:alert(1)',
      'ftp://files.example.org/x',
    ]) {
      expect(topicParts(state, text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps a closing parenthesis that belongs to the link, and drops one that closes the sentence', () => {
    expect(topicParts(state, '(https://en.example.org/wiki/Nova_(software))')).toEqual([
      { kind: 'text', text: '(' },
      {
        kind: 'link',
        url: 'https://en.example.org/wiki/Nova_(software)',
        text: 'https://en.example.org/wiki/Nova_(software)',
      },
      { kind: 'text', text: ')' },
    ]);
  });

  it('gives back the whole text when the parts are joined, whatever the input', () => {
    const texts = [
      '',
      '#',
      '#nova',
      'http://',
      'a #nova b https://x.example c #tc',
      '#nova#cinder',
      '“#nova”',
    ];
    for (const text of texts) {
      expect(
        topicParts(state, text)
          .map((part) => part.text)
          .join(''),
      ).toBe(text);
    }
  });
});
