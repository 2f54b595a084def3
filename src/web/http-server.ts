import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpLimits } from './limits.ts';

/** How long an idle keep-alive connection stays open, as Fastify's own default. */
const keepAliveMs = 72_000;

/**
 * Makes the HTTP server Fastify runs on: requests that `first` answers never reach the framework
 * (see `fastReads`). A client that sends its request slowly (a byte now and then) is cut off with
 * 408 when the headers or the whole request take too long; Node checks every second, over the
 * requests still arriving only.
 */
export function httpServerFactory(
  limits: HttpLimits,
  first: (request: IncomingMessage, response: ServerResponse) => boolean,
) {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void): Server => {
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        connectionsCheckingInterval: 1000,
      },
      (request, response) => {
        if (!first(request, response)) handler(request, response);
      },
    );
    server.keepAliveTimeout = keepAliveMs;
    return server;
  };
}
