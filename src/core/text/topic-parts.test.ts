import { describe, expect, it } from 'vitest';
import { topicParts } from './topic-parts.ts';

const teams = new Set(['nova', 'cinder', 'openstack-helm']);
const isTeam = (slug: string) => teams.has(slug);

describe('topicParts', () => {
  it('links http(s) addresses, leaving trailing punctuation as text', () => {
    expect(topicParts('See https://review.opendev.org/c/123, then vote.', isTeam)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://review.opendev.org/c/123', url: 'https://review.opendev.org/c/123' },
      { kind: 'text', text: ', then vote.' },
    ]);
  });

  it('turns #team into a mention of a known team only, in any case', () => {
    expect(topicParts('With #Cinder and #nobody: #openstack-helm-', isTeam)).toEqual([
      { kind: 'text', text: 'With ' },
      { kind: 'team', text: '#Cinder', slug: 'cinder' },
      { kind: 'text', text: ' and #nobody: ' },
      { kind: 'team', text: '#openstack-helm', slug: 'openstack-helm' },
      { kind: 'text', text: '-' },
    ]);
  });

  it('never makes a link of other schemes, and keeps markup as plain text', () => {
    expect(topicParts('javascript:alert(1) <img src=x onerror=alert(1)>', isTeam)).toEqual([
      { kind: 'text', text: 'javascript:alert(1) <img src=x onerror=alert(1)>' },
    ]);
  });
});
