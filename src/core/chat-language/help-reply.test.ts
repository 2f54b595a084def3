import { describe, expect, it } from 'vitest';
import { helpReply } from './help-reply.ts';

describe('helpReply', () => {
  it('lists every verb by scope when asked for no command', () => {
    expect(helpReply(null)).toBe(
      [
        "Team commands (for the team's moderators): #TEAM now|next|clean|etherpad|url|color|location|book|unbook|session|invite|accept|decline|count|summary …, for example: #nova now Placement cleanup with #cinder",
        'Your own (in a private message, or with + in the channel): in|out|seen|subscribe|unsubscribe|help.',
        'Organisers: ~list ~add ~del ~clean ~newday ~motd ~requirevoice ~alloweveryone.',
        'Send help COMMAND (for example: help book) to learn more about one.',
      ].join('\n'),
    );
  });

  it('explains every verb of a name, an alias, a family, or one scope when a prefix is given', () => {
    expect(
      helpReply('clean')
        .split('\n')
        .map((line) => line.split(':')[0]),
    ).toEqual(['#TEAM clean', '~clean TEAM…']);
    expect(helpReply('~clean').split('\n')).toHaveLength(1);
    expect(helpReply('colour')).toMatch(/^#TEAM color COLOR: /);
    expect(helpReply('motd').split('\n')).toHaveLength(4);
    expect(helpReply('+IN')).toMatch(/^\+in #TEAM\|PLACE: .* Example: \+in #nova$/);
  });

  it('says so for a command that does not exist, and lists the others', () => {
    expect(helpReply('frobnicate')).toMatch(/^There is no command "frobnicate"\. Team commands/);
  });
});
