import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Refusal, refusal } from '../../core/errors.ts';
import { httpStatusOf } from '../http-status.ts';
import { anonymousRefusalDocument } from '../pages/refusal-page.tsx';
import { sendRefusal, wantsPage } from './errors.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Fastify's own refusals, made before any route or hook runs: a path whose %-escapes are not UTF-8
 * (`/%ff`, `/%c0%af`) or a path parameter over the router's `maxParamLength` (414). They answer in
 * the site's shapes — `{"error": {"code", "message"}}` for the API, the error page for browsers —
 * with the security headers every other answer has.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  reply.headers(securityHeaders);
  const found =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? refusal('uri_too_long', 'A part of the address is too long.')
      : refusal('invalid_input', 'The address could not be read: a %-escape in it is not UTF-8 text.');
  if (!wantsPage(request)) return sendRefusal(reply, found);
  return reply
    .status(httpStatusOf[found.code])
    .type('text/html; charset=utf-8')
    .send(anonymousRefusalDocument(found));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a NUL or a raw 0xFF byte in the
 * path, headers too large, a request that took too long to arrive) get the same shapes and headers
 * as every other refusal, written straight to the socket, which then closes.
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const found: Refusal =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? refusal('request_timeout')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? refusal('headers_too_large')
        : refusal('invalid_input', 'The request could not be read: it is not valid HTTP.');
  const status = httpStatusOf[found.code];
  // Typed as JSON by Fastify, the raw packet Node hands over is a Buffer.
  const raw: unknown = error.rawPacket;
  const page = Buffer.isBuffer(raw) && rawWantsPage(raw);
  const body = page ? anonymousRefusalDocument(found) : JSON.stringify({ error: found });
  const headers = {
    ...securityHeaders,
    'content-type': page ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  if (socket.writable) {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n${body}`);
  }
  socket.destroy();
}

/** Like `wantsPage`, read from the raw bytes of a request that could not be parsed. */
function rawWantsPage(packet: Buffer): boolean {
  const text = packet.toString('latin1');
  const path = /^[A-Z]+ (\S*)/.exec(text)?.[1] ?? '';
  return !path.startsWith('/api/') && /^accept:[^\r\n]*text\/html/im.test(text);
}
