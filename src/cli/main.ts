import { ConfigError, readConfig } from '../config.ts';
import { type OpenRuntime, openRuntime } from '../runtime.ts';
import { backup, restore } from './backup.ts';
import { bot } from './bot.ts';
import { type CliIo, type Command, UsageError } from './command.ts';
import { deployNginx } from './deploy.ts';
import { eventArchive, eventCreate, eventPublish } from './event.ts';
import { importPtgbot } from './import-ptgbot.ts';
import { scheduleDraft } from './schedule-draft.ts';
import { serve } from './serve.ts';
import { teamModeratorAdd, teamModeratorRemove } from './team.ts';
import { tokenCreate, tokenList, tokenRevoke } from './token.ts';
import { exportEvent, importEvent } from './transfer.ts';
import { userAdd } from './user.ts';

/** Every sub-command by the words that name it. */
const commands: Record<string, Command> = {
  serve,
  'user add': userAdd,
  'event create': eventCreate,
  'event publish': eventPublish,
  'event archive': eventArchive,
  'team moderator add': teamModeratorAdd,
  'team moderator remove': teamModeratorRemove,
  'token create': tokenCreate,
  'token list': tokenList,
  'token revoke': tokenRevoke,
  export: exportEvent,
  import: importEvent,
  bot,
  'import --ptgbot': importPtgbot,
  'schedule draft': scheduleDraft,
  backup,
  restore,
  'deploy nginx': deployNginx,
};

/** Runs `convene …` and returns the exit code (-1: keep running, a server was started). */
export async function runCli(argv: readonly string[], io: Omit<CliIo, 'runtime'>): Promise<number> {
  const name = Object.keys(commands)
    .sort((a, b) => b.length - a.length)
    .find((words) => words.split(' ').every((word, index) => argv[index] === word));
  if (!name || argv[0] === 'help' || argv[0] === '--help') {
    (name || argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? io.out : io.err)(helpText());
    return name || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  const command = commands[name] as Command;
  let opened: OpenRuntime | null = null;
  let code: number | null = null;
  try {
    const config = readConfig(io.env);
    code = await command.run(argv.slice(name.split(' ').length), {
      ...io,
      runtime: async () => {
        opened ??= await openRuntime(config);
        return opened;
      },
    });
    return code;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  } finally {
    // -1 means a server or the bot is running on the runtime: it stays open until the process ends.
    if (code !== -1) await (opened as OpenRuntime | null)?.close();
  }
}

function helpText(): string {
  const width = Math.max(...Object.values(commands).map((command) => command.usage.length));
  return [
    'Convene: run a Project Teams Gathering.',
    '',
    ...Object.values(commands).map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'The database is DATABASE_URL (default sqlite:./data/convene.sqlite); see the README for the rest.',
  ].join('\n');
}
