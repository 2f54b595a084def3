import type { FastifyReply } from 'fastify';

/** Sends a CSV download; never cached, since it holds personal data. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(`\ufeff${csv}`);
}
