import { setModeratorByEmail } from '../app/people.ts';
import { systemActor } from '../core/model/actor.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

function moderatorCommand(moderator: boolean): Command {
  const verb = moderator ? 'add' : 'remove';
  return {
    usage: `convene team moderator ${verb} EVENT TEAM EMAIL`,
    summary: moderator ? 'let a user moderate a team' : 'take moderation of a team away from a user',
    async run(args, io) {
      const [event, team, email, ...rest] = args;
      if (!event || !team || !email || rest.length > 0)
        throw new UsageError('Give the event, the team and the e-mail address.');
      const runtime = await io.runtime();
      const outcome = await setModeratorByEmail(
        runtime,
        { actor: systemActor, source: 'cli' },
        { event, team, email, moderator },
      );
      if (!outcome.ok) {
        io.err(outcome.refusal.message);
        return 1;
      }
      io.out(outcome.reply);
      return 0;
    },
  };
}

export const teamModeratorAdd = moderatorCommand(true);
export const teamModeratorRemove = moderatorCommand(false);
