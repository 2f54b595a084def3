import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { runChatCommand } from '../../app/chat-commands.ts';
import { commandEntries } from '../../core/chat-language/grammar.ts';
import { maxCommandLength } from '../../core/chat-language/parse.ts';
import { type RefusalCode, refusalCodes } from '../../core/errors.ts';
import type { WebDeps } from '../deps.ts';
import { httpStatusOf } from '../http-status.ts';
import { bearer, EventParams, Reply } from './common.schema.ts';
import { whoOr401 } from './respond.ts';

/** A refused command: the usual error, and the same text as `reply`, as chat would say it. */
const CommandRefusal = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(Object.keys(refusalCodes).map((code) => Type.Literal(code))),
      message: Type.String(),
    }),
    reply: Type.Optional(Reply),
  },
  {
    description:
      'The command was refused or could not be read; `reply` is what chat would answer (absent when the request itself was malformed).',
  },
);

const CommandEntry = Type.Object({
  scope: Type.Union([Type.Literal('team'), Type.Literal('personal'), Type.Literal('organiser')]),
  name: Type.String(),
  usage: Type.String(),
  aliases: Type.Array(Type.String()),
  who: Type.String(),
  help: Type.String(),
  example: Type.String(),
  confirm: Type.Boolean({ description: 'runs only when repeated with the confirmation code given' }),
});

/** The chat command language over HTTP: the same parser, rules and replies as the IRC bot. */
export function commandRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/events/:event/commands',
      {
        schema: {
          summary: 'Run a chat command',
          description:
            'Any line the IRC bot understands, e.g. `#nova now Placement cleanup`, `+in #nova`, `~list`. Lines without #, + or ~ are personal commands (`help`, `in #nova`). Anonymous callers may ask for help; everything else needs a token.',
          tags: ['commands'],
          security: bearer,
          params: EventParams,
          body: Type.Object({ text: Type.String({ maxLength: maxCommandLength }) }),
          response: {
            200: Type.Object({
              reply: Reply,
              changed: Type.Boolean({ description: 'whether anything was stored' }),
            }),
            400: CommandRefusal,
            401: CommandRefusal,
            403: CommandRefusal,
            404: CommandRefusal,
            409: CommandRefusal,
          },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const answer = await runChatCommand(deps.runtime, {
          event: request.params.event,
          text: request.body.text,
          who,
          bare: 'personal',
        });
        if (!answer.handled) return reply.status(200).send({ reply: '', changed: false });
        if (!answer.ok && answer.code) return sendCommandRefusal(reply, answer.code, answer.reply);
        return reply.status(200).send({ reply: answer.reply, changed: answer.changed });
      },
    );

    app.get(
      '/commands',
      {
        schema: {
          summary: 'The chat command language: every command with an example',
          tags: ['commands'],
          response: { 200: Type.Object({ commands: Type.Array(CommandEntry) }) },
        },
      },
      async () => ({
        commands: commandEntries().map((entry) => ({ ...entry, aliases: [...entry.aliases] })),
      }),
    );
  };
}

/** A refusal with its 4xx status, carrying the chat reply too. */
function sendCommandRefusal(reply: FastifyReply, code: RefusalCode, message: string): FastifyReply {
  return reply.status(httpStatusOf[code]).send({ error: { code, message }, reply: message });
}
