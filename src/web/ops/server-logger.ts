import pino from 'pino';
import { redactSecrets } from '../redact-secrets.ts';

/**
 * The server's logger: JSON lines to standard output, written asynchronously (the request that
 * logs never waits for the terminal or a pipe). `flush` writes out what is still buffered; call it
 * before the process exits.
 */
export function serverLogger(level: string): { logger: pino.Logger; flush: () => void } {
  const destination = pino.destination({ dest: 1, sync: false });
  const logger = pino(
    {
      level,
      // Personal calendar addresses and one-time links carry a secret; keep it out of the logs.
      serializers: {
        req: (request: { method: string; url: string; id: string }) => ({
          method: request.method,
          url: redactSecrets(request.url),
          reqId: request.id,
        }),
      },
    },
    destination,
  );
  return {
    logger,
    flush: () => {
      try {
        destination.flushSync();
      } catch {
        // Nothing was written yet (the stream is not ready): there is nothing to flush.
      }
    },
  };
}
