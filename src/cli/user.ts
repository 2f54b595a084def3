import { parseArgs } from 'node:util';
import { setOrganizerByEmail } from '../app/organizers.ts';
import { addUser } from '../app/people.ts';
import { systemActor } from '../core/model/actor.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

export const userAdd: Command = {
  usage: 'convene user add EMAIL [--name NAME] [--irc NICK] [--organizer]',
  summary:
    'create a user (an organiser with --organizer); with --organizer on an existing user, make them one',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { name: { type: 'string' }, irc: { type: 'string' }, organizer: { type: 'boolean' } },
    });
    const [email] = positionals;
    if (!email || positionals.length > 1) throw new UsageError('Give one e-mail address.');
    const runtime = await io.runtime();
    const existing = await runtime.store.findUserByEmail(email);
    if (existing && values.organizer && !values.name && !values.irc) {
      const made = await setOrganizerByEmail(
        runtime,
        { actor: systemActor, source: 'cli' },
        { email, organizer: true },
      );
      if (!made.ok) {
        io.err(made.refusal.message);
        return 1;
      }
      io.out(`${existing.email} is now an organiser.`);
      return 0;
    }
    const added = await addUser(runtime, {
      email,
      name: values.name,
      ircNick: values.irc ?? null,
      isOrganizer: values.organizer,
    });
    if (!added.ok) {
      io.err(added.refusal.message);
      return 1;
    }
    const user = added.value;
    io.out(
      `Added ${user.name} <${user.email}>${user.ircNick ? ` (IRC ${user.ircNick})` : ''}${user.isOrganizer ? ' as an organiser' : ''}.`,
    );
    return 0;
  },
};
