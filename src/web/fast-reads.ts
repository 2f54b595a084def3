import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../app/runtime.ts';
import { isPublic } from '../core/model/event.ts';
import type { EventDocuments } from './api/event-documents.ts';
import { securityHeaders } from './plugins/security-headers.ts';

/** An event's board or schedule JSON, asked for plainly: no query, no trailing slash. */
const hotPath = /^\/api\/v1\/events\/([a-z0-9][a-z0-9-]*)\/(board|schedule)$/;
const routes = {
  board: '/api/v1/events/:event/board',
  schedule: '/api/v1/events/:event/schedule',
} as const;

/**
 * Told of every answer sent here, for the access log and the metrics: the route pattern, the
 * milliseconds it took and an id for the request (`fast-1`, `fast-2`…).
 */
export type Answered = (route: string, ms: number, reqId: string) => void;

export interface FastReads {
  /** answers the request and returns true, or returns false and leaves it to the framework */
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  /** from now on every request goes to the framework, which refuses new ones while stopping */
  stop(): void;
}

/**
 * The two documents every live page and script polls, answered before the framework sees the
 * request: the same cached bytes and headers as the API routes send (`GET …/board`,
 * `GET …/schedule`), without routing, hooks, cookies or a per-request logger. Only the plain case
 * is taken — a public event already in memory, no validators to compare; anything else (a draft,
 * an unknown event, `If-None-Match`, a query) goes through the routes as before.
 */
export function fastReads(runtime: Runtime, documents: EventDocuments, answered: Answered): FastReads {
  let stopped = false;
  let answers = 0;
  return {
    serve(request, response) {
      if (stopped || request.method !== 'GET' || !request.url) return false;
      const match = hotPath.exec(request.url);
      if (!match?.[1]) return false;
      const { headers } = request;
      if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined) return false;
      const state = runtime.models.cached(match[1]);
      if (!state || !isPublic(state.event)) return false;
      const started = performance.now();
      const document = match[2] === 'board' ? 'board' : 'schedule';
      const entry = documents[document].current(state, runtime.clock.now());
      response.writeHead(200, {
        ...securityHeaders,
        etag: entry.etag,
        'last-modified': entry.lastModifiedHeader,
        'cache-control': 'no-cache',
        'content-type': entry.type,
        'content-length': entry.body.length,
      });
      response.end(entry.body);
      answered(routes[document], performance.now() - started, `fast-${(++answers).toString(36)}`);
      return true;
    },
    stop() {
      stopped = true;
    },
  };
}
