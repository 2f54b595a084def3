/**
 * One chat command as people read it, in the shape the command grammar's `commandEntries()` gives
 * (src/core/chat-language/grammar.ts): the help page renders whatever this list holds. Until that
 * table is part of the build, the list below describes the commands whose rules the core already
 * has; once it is, `chatHelp` becomes `commandEntries()` and this list goes.
 */
export interface ChatHelpEntry {
  readonly scope: 'team' | 'personal' | 'organiser';
  readonly name: string;
  readonly usage: string;
  readonly aliases: readonly string[];
  readonly who: string;
  readonly help: string;
  readonly example: string;
  readonly confirm: boolean;
}

const moderators = 'the team’s moderators and organisers';
const organisers = 'organisers';

const entry = (
  scope: ChatHelpEntry['scope'],
  name: string,
  usage: string,
  who: string,
  help: string,
  example: string,
): ChatHelpEntry => ({ scope, name, usage, aliases: [], who, help, example, confirm: false });

export const chatHelp: readonly ChatHelpEntry[] = [
  entry(
    'team',
    'now',
    '#TEAM now TEXT',
    moderators,
    'Says what the team discusses now, on the live board, and empties its “next” list. Links and #team mentions in the text are linked.',
    '#nova now Placement API cleanup',
  ),
  entry(
    'team',
    'next',
    '#TEAM next TEXT',
    moderators,
    'Adds a topic to what the team discusses next.',
    '#nova next Unified limits',
  ),
  entry(
    'team',
    'clean',
    '#TEAM clean',
    moderators,
    'Empties the team’s “now” and “next”. Topics also leave the board by themselves when the team’s booked time ends.',
    '#nova clean',
  ),
  entry(
    'team',
    'book',
    '#TEAM book ROOM-SLOT',
    moderators,
    'Books a free cell of the schedule for the team; the schedule shows each free cell’s reference.',
    '#nova book bexar-tue15',
  ),
  entry(
    'team',
    'unbook',
    '#TEAM unbook ROOM-SLOT',
    moderators,
    'Gives a booked cell back.',
    '#nova unbook bexar-tue15',
  ),
  entry(
    'team',
    'etherpad',
    '#TEAM etherpad URL',
    moderators,
    'Sets the team’s etherpad instead of the event’s default one.',
    '#nova etherpad https://etherpad.opendev.org/p/nova-ptg',
  ),
  entry(
    'team',
    'url',
    '#TEAM url URL',
    moderators,
    'Sets the team’s own video link; the board’s Join button then uses it instead of the room’s.',
    '#nova url https://meet.example.org/nova',
  ),
  entry(
    'team',
    'color',
    '#TEAM color COLOR',
    moderators,
    'Sets the team’s colour, by name or #rrggbb.',
    '#nova color teal',
  ),
  entry(
    'team',
    'location',
    '#TEAM location TEXT',
    moderators,
    'Says where to find the team, for in-person events.',
    '#nova location Level B, Ballroom A',
  ),
  entry(
    'organiser',
    'motd add',
    '~motd add LEVEL TEXT',
    organisers,
    'Adds a banner to the board; LEVEL is info, success, warning or danger.',
    '~motd add warning The APAC window starts 30 minutes late today',
  ),
  entry(
    'organiser',
    'motd del',
    '~motd del N',
    organisers,
    'Removes banner number N, counting from 1.',
    '~motd del 1',
  ),
  entry(
    'organiser',
    'motd reorder',
    '~motd reorder N…',
    organisers,
    'Puts the banners in a new order, naming each once.',
    '~motd reorder 2 1',
  ),
  entry('organiser', 'motd clean', '~motd clean', organisers, 'Removes every banner.', '~motd clean'),
];
