/**
 * The command language, as one table: every verb with its arguments, who may use it, its help line
 * and an example. The parser, the help reply, the API and `docs/commands.md` all read this table, so
 * a verb exists everywhere or nowhere. The words are ptgbot's, so its users need not relearn them.
 */

/** `#TEAM verb …` acts for a team; `+verb …` is about oneself; `~verb …` is for organisers. */
export type Scope = 'team' | 'personal' | 'organiser';

/** Who a verb is for; the core's permission rules decide, this only tells people. */
export type Audience = 'anyone' | 'signed-in' | 'moderators' | 'organisers';

/**
 * `word`: one word; `text`: the rest of the line; `words`: one or more words; `number`: one whole
 * number; `numbers`: one or more whole numbers. `words`, `numbers` and `text` come last.
 */
export type ArgKind = 'word' | 'text' | 'words' | 'number' | 'numbers';

export interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
}

export interface VerbSpec {
  readonly name: string;
  readonly scope: Scope;
  readonly aliases?: readonly string[];
  readonly args: readonly ArgSpec[];
  readonly who: Audience;
  readonly help: string;
  readonly example: string;
  /** destructive: runs only when repeated with the confirmation code the first reply gives */
  readonly confirm?: boolean;
}

export const grammar = [
  {
    name: 'now',
    scope: 'team',
    args: [{ name: 'TEXT', kind: 'text' }],
    who: 'moderators',
    help: 'Say what the team is discussing now; this also empties its “next” list. #team and links in the text are linked on the board.',
    example: '#nova now Placement cleanup with #cinder',
  },
  {
    name: 'next',
    scope: 'team',
    args: [{ name: 'TEXT', kind: 'text' }],
    who: 'moderators',
    help: 'Add a topic to what the team discusses next.',
    example: '#nova next after the break: live migration',
  },
  {
    name: 'clean',
    scope: 'team',
    aliases: ['clear'],
    args: [],
    who: 'moderators',
    help: 'Remove the team’s “now” and “next” topics.',
    example: '#nova clean',
  },
  {
    name: 'etherpad',
    scope: 'team',
    args: [{ name: 'URL|auto', kind: 'word' }],
    who: 'moderators',
    help: 'Set the team’s etherpad link; auto goes back to the event’s own pad for the team.',
    example: '#nova etherpad https://etherpad.opendev.org/p/nova-ptg',
  },
  {
    name: 'url',
    scope: 'team',
    args: [{ name: 'URL|none', kind: 'word' }],
    who: 'moderators',
    help: 'Set where to join the team’s meeting instead of the room’s video link; none goes back to the room’s.',
    example: '#nova url https://meet.example.org/nova',
  },
  {
    name: 'color',
    scope: 'team',
    aliases: ['colour'],
    args: [{ name: 'COLOR', kind: 'word' }],
    who: 'moderators',
    help: 'Set the colour of the team’s badge: a CSS colour name or #rrggbb.',
    example: '#nova color teal',
  },
  {
    name: 'location',
    scope: 'team',
    args: [{ name: 'TEXT|none', kind: 'text' }],
    who: 'moderators',
    help: 'Say where to find the team when it is not where the schedule says; none clears it.',
    example: '#nova location Level B, Ballroom A',
  },
  {
    name: 'book',
    scope: 'team',
    args: [{ name: 'ROOM-SLOT', kind: 'text' }],
    who: 'moderators',
    help: 'Book a free cell of the schedule: the room (its short name, or its name with spaces) and the slot code, as shown on each free cell. ROOM-FIRST..LAST books the hours from FIRST to LAST in one window of one day, all of them or none.',
    example: '#nova book kilo-wed13..wed16',
  },
  {
    name: 'unbook',
    scope: 'team',
    args: [{ name: 'ROOM-SLOT', kind: 'text' }],
    who: 'moderators',
    help: 'Release a cell the team booked.',
    example: '#nova unbook bexar-tue15',
  },
  {
    name: 'session',
    scope: 'team',
    args: [
      { name: 'ROOM-SLOT', kind: 'word' },
      { name: 'title|agenda|etherpad|recording', kind: 'word' },
      { name: 'TEXT|none', kind: 'text' },
    ],
    who: 'moderators',
    help: 'Set the title, agenda, etherpad or recording link of the team’s session that holds a cell (any cell of it); none clears it.',
    example: '#nova session kilo-wed14 title Live migration',
  },
  {
    name: 'invite',
    scope: 'team',
    args: [
      { name: 'ROOM-SLOT', kind: 'word' },
      { name: '#TEAM', kind: 'word' },
    ],
    who: 'moderators',
    help: 'Invite another team into the team’s session that holds a cell; a moderator of that team accepts or declines.',
    example: '#nova invite kilo-wed14 #neutron',
  },
  {
    name: 'accept',
    scope: 'team',
    args: [{ name: 'ROOM-SLOT', kind: 'word' }],
    who: 'moderators',
    help: 'Accept the team’s invitation to another team’s session: the team then meets there for the whole session.',
    example: '#neutron accept kilo-wed14',
  },
  {
    name: 'decline',
    scope: 'team',
    args: [{ name: 'ROOM-SLOT', kind: 'word' }],
    who: 'moderators',
    help: 'Decline an invitation to another team’s session, or leave one the team joined.',
    example: '#neutron decline kilo-wed14',
  },
  {
    name: 'count',
    scope: 'team',
    args: [
      // a word, not a number: head-counts run from 0 to 100,000, past what `number` reads
      { name: 'N', kind: 'word' },
      { name: 'ROOM-SLOT', kind: 'word', optional: true },
    ],
    who: 'moderators',
    help: 'Record how many people attended the team’s session under way (or the one it last finished, or the one holding ROOM-SLOT).',
    example: '#nova count 23',
  },
  {
    name: 'summary',
    scope: 'team',
    args: [
      { name: 'URL', kind: 'word' },
      { name: 'NOTES-URL', kind: 'word', optional: true },
    ],
    who: 'moderators',
    help: 'Link the team’s summary of the event (a mailing-list post, a blog), and its notes if you like.',
    example: '#nova summary https://lists.openstack.org/archives/nova-ptg-summary',
  },
  {
    name: 'in',
    scope: 'personal',
    args: [{ name: '#TEAM|PLACE', kind: 'text' }],
    who: 'signed-in',
    help: 'Check in with a team (#team) or anywhere else, so people can find you; it lasts until out or the end of the UTC day. Without a Convene account it works for your nick, and saying it in a public channel is your consent to show in "find people".',
    example: '+in #nova',
  },
  {
    name: 'out',
    scope: 'personal',
    args: [],
    who: 'signed-in',
    help: 'Check out of where you checked in.',
    example: '+out',
  },
  {
    name: 'seen',
    scope: 'personal',
    args: [{ name: 'NICK', kind: 'word' }],
    who: 'signed-in',
    help: 'Ask where someone last checked in (only people who agreed to be found); answered privately.',
    example: '+seen NiaNova',
  },
  {
    name: 'subscribe',
    scope: 'personal',
    args: [{ name: 'PATTERN', kind: 'text', optional: true }],
    who: 'signed-in',
    help: 'Be told when a topic matching PATTERN is set — by private message on IRC, on your open Convene pages and, if you chose it on your account page, by e-mail: words, "quoted phrases" and #teams (any of them), or a regular expression between slashes. Without PATTERN, shows yours. The same subscription serves the web.',
    example: '+subscribe #cinder "live migration" placement',
  },
  {
    name: 'unsubscribe',
    scope: 'personal',
    args: [],
    who: 'signed-in',
    help: 'Stop the alerts about topics, everywhere.',
    example: '+unsubscribe',
  },
  {
    name: 'help',
    scope: 'personal',
    args: [{ name: 'COMMAND', kind: 'word', optional: true }],
    who: 'anyone',
    help: 'List the commands, or explain one.',
    example: '+help book',
  },
  {
    name: 'list',
    scope: 'organiser',
    args: [],
    who: 'organisers',
    help: 'List the teams on the official list, and those waiting for approval.',
    example: '~list',
  },
  {
    name: 'add',
    scope: 'organiser',
    args: [{ name: 'TEAM', kind: 'words' }],
    who: 'organisers',
    help: 'Add teams to the official list (their short name is the name in lower case), or approve waiting ones.',
    example: '~add TestTrack',
  },
  {
    name: 'del',
    scope: 'organiser',
    args: [{ name: 'TEAM', kind: 'words' }],
    who: 'organisers',
    help: 'Withdraw teams from the official list, clear their topics and release their bookings that have not started.',
    example: '~del testtrack',
    confirm: true,
  },
  {
    name: 'clean',
    scope: 'organiser',
    args: [{ name: 'TEAM', kind: 'words' }],
    who: 'organisers',
    help: 'Remove the “now” and “next” topics of the teams named.',
    example: '~clean nova cinder',
  },
  {
    name: 'newday',
    scope: 'organiser',
    args: [],
    who: 'organisers',
    help: 'Start the day afresh: remove every team’s topics and locations (topics also end by themselves with each team’s block).',
    example: '~newday',
    confirm: true,
  },
  {
    name: 'motd add',
    scope: 'organiser',
    args: [
      { name: 'LEVEL', kind: 'word' },
      { name: 'TEXT', kind: 'text' },
    ],
    who: 'organisers',
    help: 'Add a banner to the board; LEVEL is info, success, warning or danger.',
    example: '~motd add warning Lunch break until 13:00 UTC',
  },
  {
    name: 'motd del',
    scope: 'organiser',
    args: [{ name: 'N', kind: 'number' }],
    who: 'organisers',
    help: 'Remove banner N (the first is 1).',
    example: '~motd del 2',
  },
  {
    name: 'motd reorder',
    scope: 'organiser',
    args: [{ name: 'N', kind: 'numbers' }],
    who: 'organisers',
    help: 'Put the banners in a new order, naming each number once.',
    example: '~motd reorder 2 1',
  },
  {
    name: 'motd clean',
    scope: 'organiser',
    args: [],
    who: 'organisers',
    help: 'Remove every banner.',
    example: '~motd clean',
    confirm: true,
  },
  {
    name: 'requirevoice',
    scope: 'organiser',
    args: [],
    who: 'organisers',
    help: 'Only team moderators and organisers may use team commands (the default).',
    example: '~requirevoice',
  },
  {
    name: 'alloweveryone',
    scope: 'organiser',
    args: [],
    who: 'organisers',
    help: 'Anyone the chat recognises may set any team’s topics and links; booking stays with moderators.',
    example: '~alloweveryone',
  },
] as const satisfies readonly VerbSpec[];

export type Verb = (typeof grammar)[number];
export type VerbName = Verb['name'];

const prefixes: Record<Scope, string> = { team: '#TEAM ', personal: '+', organiser: '~' };

/** What to type, e.g. `#TEAM book ROOM-SLOT`, `+subscribe [PATTERN]`, `~add TEAM…`. */
export function usageOf(spec: VerbSpec, team = 'TEAM'): string {
  const prefix = spec.scope === 'team' ? `#${team} ` : prefixes[spec.scope];
  const args = spec.args.map((arg) => {
    const many = arg.kind === 'words' || arg.kind === 'numbers' ? '…' : '';
    return arg.optional ? `[${arg.name}${many}]` : `${arg.name}${many}`;
  });
  return [`${prefix}${spec.name}`, ...args].join(' ');
}

/** Who may use a verb, in words. */
function audienceOf(spec: VerbSpec): string {
  switch (spec.who) {
    case 'anyone':
      return 'anyone';
    case 'signed-in':
      return 'people whose nick or account is linked to Convene';
    case 'moderators':
      return 'the team’s moderators and organisers';
    case 'organisers':
      return 'organisers';
  }
}

/** The verbs of one scope, in table order. */
export function verbsOf(scope: Scope): readonly VerbSpec[] {
  return grammar.filter((spec) => spec.scope === scope);
}

/** The verb of a scope called `word` (by name or alias, any case), if there is one. */
export function findVerb(scope: Scope, word: string): VerbSpec | undefined {
  const key = word.toLowerCase();
  return verbsOf(scope).find((spec) => spec.name === key || spec.aliases?.includes(key));
}

/** Words that follow `#` as personal commands (`#in`, `#seen`…), so no team can be called that. */
export function isCommandWord(slug: string): boolean {
  return verbsOf('personal').some((spec) => spec.name === slug);
}

/** One line of help: usage, what it does, and an example. */
export function helpLine(spec: VerbSpec): string {
  return `${usageOf(spec)}: ${spec.help} For ${audienceOf(spec)}. Example: ${spec.example}`;
}

/** One verb as the docs page, the help page and the API list it. */
export interface CommandEntry {
  readonly scope: Scope;
  readonly name: string;
  readonly usage: string;
  readonly aliases: readonly string[];
  readonly who: string;
  readonly help: string;
  readonly example: string;
  readonly confirm: boolean;
}

/** Every verb of the table, in table order, for people to read. */
export function commandEntries(): CommandEntry[] {
  const specs: readonly VerbSpec[] = grammar;
  return specs.map((spec) => ({
    scope: spec.scope,
    name: spec.name,
    usage: usageOf(spec),
    aliases: spec.aliases ?? [],
    who: audienceOf(spec),
    help: spec.help,
    example: spec.example,
    confirm: spec.confirm === true,
  }));
}
