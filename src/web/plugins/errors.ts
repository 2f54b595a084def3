import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isUnavailable } from '../../app/unavailable.ts';
import { type Refusal, refusal } from '../../core/errors.ts';
import { httpStatusOf } from '../http-status.ts';

/** How long a client should wait before trying again after `unavailable`, unless the route said. */
const defaultRetryAfterSeconds = 5;

/**
 * Sends a refusal as `{"error": {"code", "message"}}` with its status (4xx; 503 with `Retry-After`
 * for `unavailable`).
 */
export function sendRefusal(reply: FastifyReply, found: Refusal): FastifyReply {
  if (found.code === 'unavailable' && !reply.hasHeader('retry-after'))
    reply.header('retry-after', String(defaultRetryAfterSeconds));
  return reply
    .status(httpStatusOf[found.code])
    .type('application/json; charset=utf-8')
    .send({ error: found });
}

export interface ErrorsOptions {
  /** how to answer a browser asking for a page that does not exist */
  readonly notFoundPage?: (
    request: FastifyRequest,
    reply: FastifyReply,
  ) => FastifyReply | Promise<FastifyReply>;
}

/** A request refused before any route ran (its body is not text, say), with the refusal to send. */
export class RefusedRequest extends Error {
  readonly statusCode: number;

  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.statusCode = httpStatusOf[refusal.code];
  }
}

/** A browser navigating, as opposed to a script calling the API. */
export function wantsPage(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
}

/**
 * Every failure leaves as the same JSON shape (a browser asking for a missing page gets a page). Bad requests (schema, JSON syntax, size) are 4xx with
 * a code; anything else is a bug: logged with the request id, answered without internals.
 */
export const errorsPlugin = fp(async (app: FastifyInstance, options: ErrorsOptions) => {
  app.setNotFoundHandler((request, reply) => {
    if (options.notFoundPage && wantsPage(request)) return options.notFoundPage(request, reply);
    sendRefusal(
      reply,
      refusal(
        'not_found',
        `There is nothing at ${request.method} ${request.url.split('?')[0]?.slice(0, 200)}.`,
      ),
    );
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RefusedRequest) return sendRefusal(reply, error.refusal);
    if (error.validation) {
      return sendRefusal(reply, refusal('invalid_input', describeValidation(error)));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return sendRefusal(reply, refusal('rate_limited'));
    if (status >= 400 && status < 500) {
      const message =
        status === 413
          ? 'The request body is too large.'
          : status === 415
            ? 'Send JSON with Content-Type: application/json.'
            : 'The request could not be read; send valid JSON.';
      return sendRefusal(reply, refusal(status === 404 ? 'not_found' : 'invalid_input', message));
    }
    if (isUnavailable(error)) {
      request.log.warn({ err: error, reqId: request.id }, 'database unreachable');
      return sendRefusal(reply, refusal('unavailable'));
    }
    request.log.error({ err: error, reqId: request.id }, 'request failed');
    return reply.status(500).send({
      error: { code: 'internal', message: `Something went wrong on our side (reference ${request.id}).` },
    });
  });
});

function describeValidation(error: FastifyError): string {
  const [first] = error.validation ?? [];
  if (!first) return 'The request is not valid.';
  const where = (error.validationContext ?? 'body').replace('querystring', 'query');
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  if (missing) return `The ${where} needs a "${[path, missing].filter(Boolean).join('.')}" field.`;
  return `In the ${where}, ${path ? `"${path}"` : 'the value'} ${first.message ?? 'is not valid'}.`;
}
