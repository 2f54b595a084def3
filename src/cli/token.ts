import { parseArgs } from 'node:util';
import { createApiToken } from '../app/people.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

export const tokenCreate: Command = {
  usage: 'convene token create EMAIL [--label TEXT]',
  summary: 'create an API token for a user; the token is printed alone on the last line',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { label: { type: 'string' } },
    });
    const [email] = positionals;
    if (!email || positionals.length > 1) throw new UsageError('Give one e-mail address.');
    const runtime = await io.runtime();
    const user = await runtime.store.findUserByEmail(email);
    if (!user) {
      io.err(`There is no user with e-mail ${email}; add one with: convene user add ${email}`);
      return 1;
    }
    const { id, token } = await createApiToken(runtime, user.id, values.label ?? 'command line');
    io.err(
      `Token ${id} for ${user.email}. It is shown once; keep it secret. Revoke it with: convene token revoke ${id}`,
    );
    io.out(token);
    return 0;
  },
};

export const tokenList: Command = {
  usage: 'convene token list EMAIL',
  summary: 'list a user’s tokens (never the tokens themselves)',
  async run(args, io) {
    const [email, ...rest] = args;
    if (!email || rest.length > 0) throw new UsageError('Give one e-mail address.');
    const runtime = await io.runtime();
    const user = await runtime.store.findUserByEmail(email);
    if (!user) {
      io.err(`There is no user with e-mail ${email}.`);
      return 1;
    }
    for (const token of await runtime.store.listTokens(user.id)) {
      const state = token.revokedAt
        ? `revoked ${token.revokedAt}`
        : `last used ${token.lastUsedAt ?? 'never'}`;
      io.out(`${token.id}  ${token.label}  created ${token.createdAt}  ${state}`);
    }
    return 0;
  },
};

export const tokenRevoke: Command = {
  usage: 'convene token revoke TOKEN_ID',
  summary: 'revoke a token by the id printed when it was created',
  async run(args, io) {
    const [id, ...rest] = args;
    if (!id || rest.length > 0) throw new UsageError('Give the token id.');
    const runtime = await io.runtime();
    if (!(await runtime.store.revokeToken(id, runtime.clock.now()))) {
      io.err(`There is no live token ${id}.`);
      return 1;
    }
    io.out(`Revoked token ${id}.`);
    return 0;
  },
};
