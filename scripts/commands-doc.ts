// Writes docs/commands.md from the grammar table: `npm run docs:commands`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CommandEntry, commandEntries, type Scope } from '../src/core/chat-language/grammar.ts';

const sections: Record<Scope, { title: string; intro: string }> = {
  team: {
    title: 'Team commands',
    intro:
      'Start with `#` and the team’s short name (any case: `#Nova` is `#nova`). They change what the board and the schedule show for that team, so only its moderators and organisers may use them, unless an organiser has sent `~alloweveryone` (topics and links only; never booking).',
  },
  personal: {
    title: 'Your own commands',
    intro:
      'In a private message to the bot, in the command box on the site, or in the channel with `+` in front (`#in`, `#out`, `#seen`, `#subscribe`, `#unsubscribe` and `#help` work too). Answers come privately. They need a Convene account: sign in on the site, or have your IRC nick linked to it.',
  },
  organiser: {
    title: 'Organiser commands',
    intro:
      'Start with `~`; for organisers only. Those marked _asks first_ answer with what they would change and a code; send the same command followed by `confirm CODE` to go ahead. The code stops working as soon as the effect would differ.',
  },
};

/** docs/commands.md, from the grammar table. */
export function commandsDoc(): string {
  const entries = commandEntries();
  const out = [
    '# Chat commands',
    '',
    '<!-- Generated from src/core/chat-language/grammar.ts by `npm run docs:commands`; edit the table, not this file. -->',
    '',
    'The same commands work in the IRC channel, in a private message to the bot, in the command box on the site and through `POST /api/v1/events/{event}/commands` (`{"text": "#nova now …"}` → `{"reply": "…"}`). The words are ptgbot’s. A line that is almost a command gets a hint: `#nova Placement cleanup` is answered with `#nova now Placement cleanup`. In the channel, lines that are not commands are left alone.',
    '',
    'Setting up the bot, and how it knows who you are: [chat.md](chat.md).',
    '',
  ];
  for (const scope of ['team', 'personal', 'organiser'] as const) {
    out.push(`## ${sections[scope].title}`, '', sections[scope].intro, '');
    for (const entry of entries.filter((candidate) => candidate.scope === scope))
      out.push(...describe(entry));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function describe(entry: CommandEntry): string[] {
  const notes = [
    `For ${entry.who}.`,
    entry.aliases.length > 0
      ? `Also written ${entry.aliases.map((alias) => `\`${alias}\``).join(', ')}.`
      : '',
    entry.confirm ? '_Asks first._' : '',
  ].filter(Boolean);
  return [
    `### \`${entry.usage}\``,
    '',
    entry.help,
    '',
    `Example: \`${entry.example}\` — ${notes.join(' ')}`,
    '',
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/commands.md', import.meta.url), commandsDoc());
  console.log('Wrote docs/commands.md');
}
