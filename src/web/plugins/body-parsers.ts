import { parse as parseQueryString } from 'fast-querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { refusal } from '../../core/errors.ts';
import { decodeUtf8, findLoneSurrogate } from '../../core/text/well-formed.ts';
import { RefusedRequest } from './errors.ts';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * JSON and form bodies, read as strict UTF-8: bytes that are not UTF-8 (`\xff\xfe`) and JSON
 * escapes that make lone surrogates (`"\ud800"`) are refused with `invalid_input` naming where,
 * instead of being stored as replacement characters or broken text. JSON keeps Fastify's parser
 * (and its guard against `__proto__` keys); forms are parsed as `@fastify/formbody` did.
 */
export const bodyParsers = fp(async (app: FastifyInstance) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done: Done) => {
    const text = decodedOrRefused(body as Buffer, done);
    if (text === null) return;
    parseJson(request, text, (error: Error | null, value?: unknown) => {
      if (error) done(error);
      else wellFormedOrRefused(value, done);
    });
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: app.initialConfig.bodyLimit },
    (_request: FastifyRequest, body, done: Done) => {
      const text = decodedOrRefused(body as Buffer, done);
      if (text !== null) wellFormedOrRefused(parseQueryString(text), done);
    },
  );
});

function decodedOrRefused(body: Buffer, done: Done): string | null {
  const text = decodeUtf8(body);
  if (text === null)
    done(new RefusedRequest(refusal('invalid_input', 'The request body is not valid UTF-8 text.')));
  return text;
}

function wellFormedOrRefused(value: unknown, done: Done): void {
  const where = findLoneSurrogate(value);
  if (where === null) {
    done(null, value);
    return;
  }
  const what = where ? `"${where}"` : 'The body';
  done(
    new RefusedRequest(
      refusal('invalid_input', `${what} is not valid Unicode text: it holds a lone surrogate.`),
    ),
  );
}
