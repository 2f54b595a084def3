import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

interface PageOptions {
  /** HTTP status; 200 unless given */
  readonly status?: number;
  /** true for a page holding a secret shown once: no cache keeps it */
  readonly secret?: boolean;
}

/** A page (a `Layout` tree) as a whole HTML document. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/**
 * Renders a page (a `Layout` tree) to a whole HTML document and sends it. Preact escapes every text
 * and attribute value, so user text can never become markup. Pages depend on live data, so browsers
 * revalidate them on each visit.
 */
export function sendPage(reply: FastifyReply, page: VNode, options: PageOptions = {}): FastifyReply {
  return sendHtml(reply, renderDocument(page), options);
}

/** Sends an HTML document rendered earlier; a Buffer is one compressed already, with its `content-encoding` set. */
export function sendHtml(
  reply: FastifyReply,
  html: string | Buffer,
  options: PageOptions = {},
): FastifyReply {
  return reply
    .status(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', options.secret ? 'no-store' : 'no-cache')
    .send(html);
}
