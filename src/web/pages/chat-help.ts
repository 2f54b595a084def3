/**
 * What the help page says about each chat command. This list is where the command grammar's table
 * (verb, arguments, who may, help line, example) feeds the page: each entry mirrors one verb.
 * `TEAM` and `CELL` in `usage` stand for a team's short name and a cell reference; `example` fills
 * them with a real team and cell of the event.
 */
export interface ChatHelpEntry {
  readonly usage: string;
  readonly who: 'moderators' | 'organisers';
  readonly help: string;
  readonly example: (sample: { team: string; cell: string }) => string;
}

export const chatHelp: readonly ChatHelpEntry[] = [
  {
    usage: '#TEAM now TOPIC',
    who: 'moderators',
    help: 'Says what the team discusses now, on the live board; clears the team’s “next” list.',
    example: ({ team }) => `#${team} now Placement API cleanup`,
  },
  {
    usage: '#TEAM next TOPIC',
    who: 'moderators',
    help: 'Adds a topic to what the team discusses next.',
    example: ({ team }) => `#${team} next Unified limits, then the PTG retrospective`,
  },
  {
    usage: '#TEAM clean',
    who: 'moderators',
    help: 'Clears the team’s “now” and “next”. Topics also clear themselves when the team’s booked time ends.',
    example: ({ team }) => `#${team} clean`,
  },
  {
    usage: '#TEAM book CELL',
    who: 'moderators',
    help: 'Books a free cell of the schedule for the team. The schedule shows each free cell’s reference.',
    example: ({ team, cell }) => `#${team} book ${cell}`,
  },
  {
    usage: '#TEAM unbook CELL',
    who: 'moderators',
    help: 'Gives a booked cell back.',
    example: ({ team, cell }) => `#${team} unbook ${cell}`,
  },
  {
    usage: '#TEAM etherpad URL',
    who: 'moderators',
    help: 'Sets the team’s etherpad instead of the event’s default one.',
    example: ({ team }) => `#${team} etherpad https://etherpad.opendev.org/p/${team}-planning`,
  },
  {
    usage: '#TEAM url URL',
    who: 'moderators',
    help: 'Sets the team’s own video link; the board’s Join button then uses it instead of the room’s.',
    example: ({ team }) => `#${team} url https://meet.example.org/${team}`,
  },
  {
    usage: '~motd add LEVEL MESSAGE',
    who: 'organisers',
    help: 'Adds a banner to the board; LEVEL is info, success, warning or danger.',
    example: () => '~motd add warning The APAC window starts 30 minutes late today',
  },
  {
    usage: '~motd del N',
    who: 'organisers',
    help: 'Removes banner number N (as shown, from 1).',
    example: () => '~motd del 1',
  },
  {
    usage: '~motd reorder N…',
    who: 'organisers',
    help: 'Puts the banners in a new order, naming each once.',
    example: () => '~motd reorder 2 1',
  },
  {
    usage: '~motd clean',
    who: 'organisers',
    help: 'Removes every banner.',
    example: () => '~motd clean',
  },
];
